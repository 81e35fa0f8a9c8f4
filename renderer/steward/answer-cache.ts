/**
 * Answers asked for ahead of the screen that shows them (the console asks for a section's
 * first answer when it opens or when the section's tab is pressed, so the answer travels
 * while the section mounts). A held answer is handed out at most once and only while young,
 * so what a section shows is never older than `maxAgeMs`; `clear()` drops everything (the
 * console calls it when the session ends, so one steward's answers never reach the next).
 */

/** One answer asked for ahead of use. */
export interface EarlyAnswer<T> {
  /** Settles when the answer arrives (as the call it came from settles). */
  readonly answer: Promise<T>;
  /** The answer once it has arrived, so a screen can show it in its first render; null before. */
  readonly arrived: { readonly value: T } | null;
}

export interface AnswerCache<K extends string, T> {
  /** Asks for `key` unless a young answer for it is already held (asked or arrived). */
  start(key: K): void;
  /** The young answer held for `key`, removed as it is handed out; null when none is held or it is too old. */
  take(key: K): EarlyAnswer<T> | null;
  /** Drops every held answer; answers still travelling are never handed out. */
  clear(): void;
}

export interface AnswerCacheOptions<K extends string, T> {
  /** Makes the call for `key`. */
  readonly ask: (key: K) => Promise<T>;
  /** A monotonic clock, ms (the page's `performance.now`). */
  readonly now: () => number;
  /** How long after it was asked an answer may still be handed out, ms. */
  readonly maxAgeMs: number;
}

interface Held<T> {
  readonly askedAtMs: number;
  readonly early: { readonly answer: Promise<T>; arrived: { readonly value: T } | null };
}

export function createAnswerCache<K extends string, T>({ ask, now, maxAgeMs }: AnswerCacheOptions<K, T>): AnswerCache<K, T> {
  const held = new Map<K, Held<T>>();
  // Age counts from the ask: the service read its numbers about then.
  const young = (h: Held<T>) => now() - h.askedAtMs <= maxAgeMs;
  return {
    start(key) {
      const old = held.get(key);
      if (old && young(old)) return;
      const askedAtMs = now();
      const answer = ask(key);
      const entry: Held<T> = { askedAtMs, early: { answer, arrived: null } };
      held.set(key, entry);
      answer.then(
        (value) => {
          entry.early.arrived = { value };
        },
        // A call that failed outright is not worth handing out: the screen asks again itself.
        () => {
          if (held.get(key) === entry) held.delete(key);
        },
      );
    },
    take(key) {
      const h = held.get(key);
      held.delete(key);
      return h && young(h) ? h.early : null;
    },
    clear() {
      held.clear();
    },
  };
}
