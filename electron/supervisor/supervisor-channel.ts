/**
 * The messages between the supervisor (`electron/supervise.ts`) and the station service it
 * runs, over Node's IPC channel. The supervisor pings; a service whose event loop is stuck
 * cannot answer, which is how a hung service is told apart from a busy one.
 */

/** The service's process is run by the supervisor when this variable is "1". */
export const SUPERVISED_ENV = 'STATION_SUPERVISED';

/** Supervisor → service. */
export type SupervisorMessage = { readonly type: 'ping'; readonly seq: number };

/** Where and how the supervisor opens the station's own screen (it outlives the service). */
export interface ScreenRequest {
  readonly chromium: string;
  /** `file:` URL of the owner-only launch page (see `screen-launch.ts`). */
  readonly launchUrl: string;
  readonly profileDir: string;
}

/** Service → supervisor. */
export type ServiceMessage =
  | { readonly type: 'pong'; readonly seq: number }
  /** The service is up: from now on, a stop is a crash to recover from. */
  | { readonly type: 'ready' }
  | { readonly type: 'screen'; readonly screen: ScreenRequest };

export function isServiceMessage(value: unknown): value is ServiceMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'pong') return typeof m.seq === 'number';
  if (m.type === 'ready') return true;
  if (m.type === 'screen') {
    const s = m.screen as Record<string, unknown> | null | undefined;
    return typeof s === 'object' && s !== null && typeof s.chromium === 'string' && typeof s.launchUrl === 'string' && typeof s.profileDir === 'string';
  }
  return false;
}

/** The part of `process` the service side uses (the real one fits). */
export interface ServiceSideProcess {
  readonly env: NodeJS.ProcessEnv;
  send?(message: ServiceMessage): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/** The service's end of the channel; every method is a no-op when not supervised. */
export interface SupervisorLink {
  readonly supervised: boolean;
  /** Tells the supervisor the service is up. */
  ready(): void;
  /** Asks the supervisor to open the screen; false when not supervised (open it yourself). */
  openScreen(screen: ScreenRequest): boolean;
}

/**
 * Answers the supervisor's pings and, when the supervisor goes away (killed, say), calls
 * `onOrphaned` so the service shuts down instead of running on unwatched.
 */
export function connectToSupervisor(proc: ServiceSideProcess, onOrphaned: () => void): SupervisorLink {
  const send = proc.send?.bind(proc);
  const supervised = proc.env[SUPERVISED_ENV] === '1' && send !== undefined;
  if (!supervised) return { supervised, ready: () => undefined, openScreen: () => false };
  const trySend = (message: ServiceMessage) => {
    try {
      send(message);
    } catch {
      // The channel closed under us: 'disconnect' follows and handles it.
    }
  };
  proc.on('message', (message) => {
    const m = message as Partial<SupervisorMessage> | null;
    if (m?.type === 'ping' && typeof m.seq === 'number') trySend({ type: 'pong', seq: m.seq });
  });
  proc.on('disconnect', onOrphaned);
  return {
    supervised,
    ready: () => trySend({ type: 'ready' }),
    openScreen: (screen) => {
      trySend({ type: 'screen', screen });
      return true;
    },
  };
}
