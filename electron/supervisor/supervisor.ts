/**
 * Keeps the station service running: starts it as a child process, restarts it with backoff
 * when it stops (crash, kill -9, out of memory), and treats a service that stops answering
 * its pings as crashed (kills it, then restarts it). The open screen (Chromium) belongs to
 * the supervisor, so it outlives a service restart and the page resumes by itself.
 *
 * A service that fails before it was ever ready (a usage error, another station on the same
 * data directory) is not restarted: its exit code is the supervisor's, as if unsupervised.
 */
import { createRestartPolicy, type RestartPolicy } from './restart-policy';
import { isServiceMessage, type ScreenRequest, type SupervisorMessage } from './supervisor-channel';

/** The part of a forked `ChildProcess` the supervisor uses (the real one fits). */
export interface ServiceChild {
  readonly pid?: number | undefined;
  readonly connected: boolean;
  send(message: SupervisorMessage): boolean;
  kill(signal: NodeJS.Signals): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** A screen the supervisor opened; killed when the supervisor stops. */
export interface OpenedScreen {
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(signal: NodeJS.Signals): boolean;
}

export interface SupervisorOptions {
  /** Starts one service process with the IPC channel open. */
  readonly spawnService: () => ServiceChild;
  /** Opens the station's screen when the service asks; absent: the request is ignored. */
  readonly openScreen?: (screen: ScreenRequest) => OpenedScreen;
  readonly log?: (line: string) => void;
  /** How often the service is pinged, in ms. Default 1 000. */
  readonly pingEveryMs?: number;
  /** A ready service that answers nothing for this long (ms) is hung. Default 5 000. */
  readonly hungAfterMs?: number;
  /** A starting service that answers nothing for this long (ms) is hung. Default 60 000. */
  readonly startupLimitMs?: number;
  /** How long (ms) a stopping service may take before it is killed. Default 12 000. */
  readonly stopLimitMs?: number;
  readonly policy?: RestartPolicy;
  readonly now?: () => number;
}

/** A running supervisor. */
export interface Supervisor {
  /** Pid of the service process running now, if any. */
  servicePid(): number | undefined;
  /** Whether the service running now has said it is ready. */
  serviceReady(): boolean;
  /** How many times the service was started again after it stopped. */
  restarts(): number;
  /** Stops the service with `signal` (and closes the screen); resolves with the service's exit code. Idempotent. */
  stop(signal?: NodeJS.Signals): Promise<number>;
  /** Resolves with the exit code once the supervisor is done (stopped, or the first start failed). */
  readonly done: Promise<number>;
}

export function startSupervisor(options: SupervisorOptions): Supervisor {
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? Date.now;
  const pingEveryMs = options.pingEveryMs ?? 1_000;
  const hungAfterMs = options.hungAfterMs ?? 5_000;
  const startupLimitMs = options.startupLimitMs ?? 60_000;
  const policy = options.policy ?? createRestartPolicy();

  let child: ServiceChild | null = null;
  let childReady = false;
  let everReady = false;
  let stopping: Promise<number> | null = null;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let screen: OpenedScreen | null = null;
  let restartCount = 0;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));

  const start = () => {
    restartTimer = null;
    const startedAt = now();
    let lastAnswerAt = startedAt;
    let ready = false;
    let seq = 0;
    let killedAsHung = false;
    const current = options.spawnService();
    child = current;
    childReady = false;

    const watch = setInterval(() => {
      const silentMs = now() - lastAnswerAt;
      const limit = ready ? hungAfterMs : startupLimitMs;
      if (silentMs >= limit && !killedAsHung) {
        killedAsHung = true;
        log(`Supervisor: the station service (pid ${current.pid}) has not answered for ${silentMs} ms; treating it as crashed`);
        // SIGKILL also ends a stopped (SIGSTOP) or wedged process.
        current.kill('SIGKILL');
        return;
      }
      if (current.connected) {
        try {
          current.send({ type: 'ping', seq: ++seq });
        } catch {
          // The channel closed: the exit event follows.
        }
      }
    }, pingEveryMs);

    current.on('message', (message) => {
      if (!isServiceMessage(message)) return;
      lastAnswerAt = now();
      if (message.type === 'ready') {
        ready = true;
        everReady = true;
        if (child === current) childReady = true;
      } else if (message.type === 'screen' && options.openScreen && !stopping && !screenOpen()) {
        screen = options.openScreen(message.screen);
      }
    });
    current.on('error', (error) => log(`Supervisor: the station service process failed: ${error.message}`));
    current.on('exit', (code, signal) => {
      clearInterval(watch);
      if (child === current) {
        child = null;
        childReady = false;
      }
      const exitCode = code ?? (signal ? 128 : 1);
      if (stopping) return finish(code ?? 0);
      if (!everReady) {
        // It never came up: restarting would only repeat the same failure.
        return finish(exitCode);
      }
      const delay = policy.nextDelay(now() - startedAt);
      restartCount++;
      log(`Supervisor: the station service stopped (${signal ?? `exit code ${code}`}); starting it again in ${delay} ms`);
      restartTimer = setTimeout(start, delay);
    });
  };

  const screenOpen = () => screen !== null && screen.exitCode === null && screen.signalCode === null;

  const stop = (signal: NodeJS.Signals = 'SIGTERM'): Promise<number> => {
    stopping ??= (() => {
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      if (screenOpen()) screen?.kill('SIGTERM');
      const running = child;
      if (!running) {
        finish(0);
      } else {
        running.kill(signal);
        const limit = setTimeout(() => running.kill('SIGKILL'), options.stopLimitMs ?? 12_000);
        void done.then(() => clearTimeout(limit));
      }
      return done;
    })();
    return stopping;
  };

  start();
  return { servicePid: () => child?.pid, serviceReady: () => childReady, restarts: () => restartCount, stop, done };
}
