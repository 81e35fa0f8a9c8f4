/**
 * Keeps the kiosk showing something whatever the page does. A crashed renderer is reloaded;
 * a crash loop (3 crashes within 60 s by default) or a page that fails to load switches to
 * the self-contained recovery page, and the app is tried again after 30 s.
 */

/** Options of {@link createCrashLoopPolicy}. */
export interface CrashLoopPolicyOptions {
  /** Crashes inside the window that count as a loop. Default 3. */
  readonly maxCrashes?: number;
  /** Length of the sliding window in ms. Default 60 000. */
  readonly windowMs?: number;
}

export type CrashAction = 'reload' | 'recovery';

/** Decides, per crash, whether to reload or give the page a rest. Pure: time is passed in. */
export interface CrashLoopPolicy {
  onCrash(nowMs: number): CrashAction;
}

export function createCrashLoopPolicy(options: CrashLoopPolicyOptions = {}): CrashLoopPolicy {
  const maxCrashes = options.maxCrashes ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  let crashes: number[] = [];
  return {
    onCrash(nowMs) {
      crashes = [...crashes.filter((t) => nowMs - t < windowMs), nowMs];
      return crashes.length >= maxCrashes ? 'recovery' : 'reload';
    },
  };
}

/** The part of `WebContents` watched (the real one fits; tests use a double). */
export interface CrashWatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  isDestroyed(): boolean;
}

export interface CrashRecoveryOptions {
  readonly contents: CrashWatchedContents;
  /** Loads the station page afresh. */
  readonly loadApp: () => Promise<void>;
  /** Loads `resources/recovery.html`. */
  readonly showRecovery: () => Promise<void>;
  readonly policy?: CrashLoopPolicy;
  /** Delay before the app is tried again from the recovery page, in ms. Default 30 000. */
  readonly retryAfterMs?: number;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

/** Chromium's ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

/** Starts watching; the returned function stops it and cancels a pending retry. */
export function watchForCrashes(options: CrashRecoveryOptions): () => void {
  const policy = options.policy ?? createCrashLoopPolicy();
  const retryAfterMs = options.retryAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let onRecoveryPage = false;

  const run = (what: string, load: () => Promise<void>) => {
    load().catch((error: unknown) => log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
  };

  const loadApp = () => {
    onRecoveryPage = false;
    run('loading the station page', options.loadApp);
  };

  const rest = (why: string) => {
    log(`station page ${why}; showing the recovery page, retrying in ${retryAfterMs} ms`);
    onRecoveryPage = true;
    run('loading the recovery page', options.showRecovery);
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!stopped && !options.contents.isDestroyed()) loadApp();
    }, retryAfterMs);
  };

  options.contents.on('render-process-gone', (_event, details) => {
    if (stopped || options.contents.isDestroyed()) return;
    if (policy.onCrash(now()) === 'recovery') return rest(`crashed repeatedly (${details.reason})`);
    log(`station page renderer gone (${details.reason}); reloading`);
    loadApp();
  });

  options.contents.on('did-fail-load', (_event, errorCode, description, _url, isMainFrame) => {
    // The recovery page failing too leaves nothing better to show; the retry timer still runs.
    if (stopped || !isMainFrame || errorCode === ERR_ABORTED || onRecoveryPage) return;
    rest(`failed to load (${errorCode} ${description})`);
  });

  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };
}
