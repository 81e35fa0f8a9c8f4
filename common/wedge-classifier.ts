/**
 * Tells a keyboard-wedge card reader from a person typing, by keystroke timing alone.
 *
 * Cheap card readers are USB keyboards: they "type" the card number and Enter in one burst,
 * a few milliseconds per key. A person, even a fast typist, leaves tens of milliseconds
 * between keys and rarely keeps it up for four keys in a row. The classifier holds keys
 * that could still be part of a burst and, for every key, says what to do with the keys it
 * holds: keep holding, hand them back as human input, or take them as a card read.
 *
 * Pure and DOM-free: it is fed `(key, timeMs)` pairs (the `KeyboardEvent.key` value and a
 * monotonic timestamp) so it can be tested with plain sequences.
 */

/** Tuning of the classifier. Defaults match the readers we have seen (7–16 ms per key). */
export interface WedgeClassifierOptions {
  /** Longest gap between two keys of one reader burst, Enter included. */
  readonly maxGapMs: number;
  /** Fewest printable keys before Enter for a burst to count as a card. */
  readonly minKeys: number;
  /** Longest time from the first key of a burst to its Enter. */
  readonly maxTotalMs: number;
  /** Longest card text accepted (the contract takes at most 64 characters). */
  readonly maxLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeClassifierOptions = {
  maxGapMs: 30,
  minKeys: 4,
  maxTotalMs: 1200,
  maxLength: 64,
};

/**
 * What to do after one key.
 * - `released`: held keys that turned out to be human input, oldest first; the caller gives
 *   them back (inserts them into the field that had focus).
 * - `held`: the current key is held as a possible part of a burst (the caller suppresses it).
 * - `card`: the current key is the Enter ending a reader burst; this is the card text.
 * Otherwise the current key is not the classifier's business and goes through untouched.
 */
export interface WedgeStep {
  readonly released: readonly string[];
  readonly held: boolean;
  readonly card: string | null;
}

/** Keys that carry no character and no meaning for a burst (a reader may send Shift). */
const IGNORED_KEYS = new Set(['Shift', 'CapsLock', 'NumLock']);

const NOTHING: WedgeStep = { released: [], held: false, card: null };

/** True for keys that type one character (`KeyboardEvent.key` of length 1, space included). */
export function isPrintableKey(key: string): boolean {
  return [...key].length === 1;
}

export class WedgeClassifier {
  private readonly options: WedgeClassifierOptions;
  private keys: string[] = [];
  private firstTime = 0;
  private lastTime = 0;
  /**
   * A fast run went past the time or length limit. Until the next pause its keys go straight
   * through, so the tail of an over-long run can never pass for a card.
   */
  private overrun = false;

  constructor(options: Partial<WedgeClassifierOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  /** Keys currently held back, oldest first. */
  get pending(): readonly string[] {
    return this.keys;
  }

  /** Feeds one keydown. */
  feed(key: string, timeMs: number): WedgeStep {
    if (IGNORED_KEYS.has(key)) return NOTHING;
    if (isPrintableKey(key)) return this.printable(key, timeMs);
    if (key === 'Enter') return this.enter(timeMs);
    // Backspace, arrows, Tab…: no reader sends these mid-burst, so whatever is held is human.
    this.overrun = false;
    return { released: this.takeAll(), held: false, card: null };
  }

  /**
   * Called from a timer when no key has come: once the gap since the last held key is too
   * long for a burst, the held keys are a person's and are released.
   */
  flush(timeMs: number): WedgeStep {
    if (this.keys.length === 0 || timeMs - this.lastTime <= this.options.maxGapMs) return NOTHING;
    return { released: this.takeAll(), held: false, card: null };
  }

  /**
   * Gives back whatever is held, as human input, and forgets the burst. For keys that cannot
   * belong to a reader burst (auto-repeat, shortcuts, IME composition) and for focus loss.
   */
  releaseAll(): string[] {
    this.overrun = false;
    return this.takeAll();
  }

  private printable(key: string, timeMs: number): WedgeStep {
    const fast = timeMs - this.lastTime <= this.options.maxGapMs;
    if (this.overrun && fast) {
      this.lastTime = timeMs;
      return { released: this.takeAll(), held: false, card: null };
    }
    this.overrun = false;
    let released: string[] = [];
    if (this.keys.length > 0 && !this.continuesBurst(timeMs, this.keys.length + 1)) {
      released = this.takeAll();
      if (fast) {
        this.overrun = true;
        this.lastTime = timeMs;
        return { released, held: false, card: null };
      }
    }
    if (this.keys.length === 0) this.firstTime = timeMs;
    this.keys.push(key);
    this.lastTime = timeMs;
    return { released, held: true, card: null };
  }

  private enter(timeMs: number): WedgeStep {
    const { minKeys } = this.options;
    this.overrun = false;
    if (this.keys.length >= minKeys && this.continuesBurst(timeMs, this.keys.length)) {
      const card = this.takeAll().join('');
      return { released: [], held: false, card };
    }
    // Too few or too slow keys: a person pressed Enter; it goes through after their keys.
    return { released: this.takeAll(), held: false, card: null };
  }

  /** Whether a key at `timeMs` still fits the burst held so far, making it `length` long. */
  private continuesBurst(timeMs: number, length: number): boolean {
    const { maxGapMs, maxTotalMs, maxLength } = this.options;
    const gap = timeMs - this.lastTime;
    return gap >= 0 && gap <= maxGapMs && timeMs - this.firstTime <= maxTotalMs && length <= maxLength;
  }

  private takeAll(): string[] {
    const keys = this.keys;
    this.keys = [];
    return keys;
  }
}
