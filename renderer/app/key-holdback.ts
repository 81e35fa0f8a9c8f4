/**
 * Decides, key by key, what the page does with keyboard input so that a keyboard-wedge card
 * reader never types into a text field while a person's typing is never lost.
 *
 * Pure: the DOM hook (`use-wedge-capture`) feeds it keydowns and timer ticks and carries out
 * its decisions. The field is an opaque value here (the focused element in the page, any
 * token in tests), so the logic can be tested without a DOM.
 */
import {
  WedgeClassifier,
  isPrintableKey,
  type WedgeClassifierOptions,
  type WedgeStep,
} from '../../common/wedge-classifier';

/** One keydown as the hold-back logic needs it. */
export interface KeyInput<F> {
  /** `KeyboardEvent.key`. */
  readonly key: string;
  /** `KeyboardEvent.timeStamp` (monotonic milliseconds). */
  readonly timeMs: number;
  /** The focused text field, or null when focus is not in one. */
  readonly field: F | null;
  /** Auto-repeat of a held-down key: a person, never a reader. */
  readonly repeat: boolean;
  /** Ctrl/Alt/Meta held: a shortcut, never a reader. */
  readonly shortcut: boolean;
  /** Inside an IME composition (pinyin input): the IME owns the key. */
  readonly composing: boolean;
}

/** What the page does for one keydown or timer tick. */
export interface KeyDecision<F> {
  /** Suppress the current key's default action (it is held, or it is part of a card read). */
  readonly preventDefault: boolean;
  /** Held keys found to be human typing: insert this text into that field, before anything else. */
  readonly insert: { readonly field: F; readonly text: string } | null;
  /** A complete card read: submit this text. */
  readonly cardText: string | null;
}

export class KeyHoldback<F> {
  private readonly classifier: WedgeClassifier;
  /** Field that had focus when the keys now held began; null when focus was elsewhere. */
  private groupField: F | null = null;

  constructor(options: Partial<WedgeClassifierOptions> = {}) {
    this.classifier = new WedgeClassifier(options);
  }

  /** True while keys are held and a timer tick is needed to release them. */
  get holding(): boolean {
    return this.classifier.pending.length > 0;
  }

  onKey(input: KeyInput<F>): KeyDecision<F> {
    const notForReader = input.repeat || input.shortcut || input.composing;
    const step: WedgeStep = notForReader
      ? { released: this.classifier.releaseAll(), held: false, card: null }
      : this.classifier.feed(input.key, input.timeMs);
    // Released keys belong to the group that began earlier, so resolve them before a new
    // group (started by this very key) takes over the field.
    const insert = this.insertFor(step.released);
    if (step.held && this.classifier.pending.length === 1) this.groupField = input.field;
    // Outside a text field nothing should type or click: a reader's Enter must not press the
    // focused button, and stray characters have nowhere to go.
    const typesOutsideField = input.field === null && (isPrintableKey(input.key) || input.key === 'Enter');
    return {
      preventDefault: step.held || step.card !== null || typesOutsideField,
      insert,
      cardText: step.card,
    };
  }

  /** A timer tick with no key: releases held keys once the burst gap has passed. */
  onTimer(timeMs: number): KeyDecision<F> {
    return { preventDefault: false, insert: this.insertFor(this.classifier.flush(timeMs).released), cardText: null };
  }

  /** Focus left the page: give back whatever is held. */
  releaseAll(): KeyDecision<F> {
    return { preventDefault: false, insert: this.insertFor(this.classifier.releaseAll()), cardText: null };
  }

  private insertFor(released: readonly string[]): KeyDecision<F>['insert'] {
    if (released.length === 0 || this.groupField === null) return null;
    return { field: this.groupField, text: released.join('') };
  }
}
