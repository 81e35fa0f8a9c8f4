/**
 * The moment the kiosk first shows a real screen: the station info has arrived and the frame
 * showing it is painted. Work the first screen does not show (later screens' chunks, other
 * languages, contract sections) waits for it: started while the page still waits for the
 * service, it lands between the first answers and the first paint, on the page's main thread
 * (fetch, parse, compile) and on the service's event loop (one file served per chunk).
 */
export interface FirstScreenSignal {
  /** Runs `fn` once the first screen is shown: at once if it already was. */
  whenShown(fn: () => void): void;
  /** Marks the first screen shown and runs what waited, in order. Idempotent. */
  shown(): void;
}

export function createFirstScreenSignal(): FirstScreenSignal {
  let done = false;
  const waiting: (() => void)[] = [];
  return {
    whenShown(fn) {
      if (done) fn();
      else waiting.push(fn);
    },
    shown() {
      if (done) return;
      done = true;
      for (const fn of waiting.splice(0)) fn();
    },
  };
}

/** The page's own signal: App marks it, main.tsx starts the background fetches from it. */
export const firstScreen = createFirstScreenSignal();
