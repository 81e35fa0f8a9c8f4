/**
 * Connection limits for the browser host. Anything on the machine can open TCP connections
 * to 127.0.0.1; without limits, a few thousand idle ones use up the process's descriptors
 * and the station's own page can no longer connect.
 *
 * The rule: a connection that has not become a page socket is "pending". Pending ones are
 * few (the oldest is dropped to make room for a new one, so a flood can never lock the page
 * out, it only ages itself out) and short-lived (closed after `idleMs` without traffic).
 * Page sockets passed the token check and are capped separately.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ConnectionLimits {
  /** Most connections at once that are not page sockets; a new one drops the oldest. Default 64. */
  readonly maxPending: number;
  /** Most page sockets at once; more are refused with 503. Default 8 (one kiosk page, a few steward tabs). */
  readonly maxSessions: number;
  /**
   * A connection that is not a page socket and stays silent this long is closed, ms; also the
   * limit for sending a request's headers and the keep-alive idle time. Default 3000.
   */
  readonly idleMs: number;
  /** Longest a whole HTTP request may take to arrive, ms. Default 10000. */
  readonly requestMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxPending: 64, maxSessions: 8, idleMs: 3000, requestMs: 10_000 };

/** `createServer` options: how often Node checks the header and request timeouts, ms. */
export const SERVER_OPTIONS = { connectionsCheckingInterval: 500 } as const;

export interface ConnectionGuard {
  /** Call when an upgrade passed the token check: true when there is room for one more page socket. */
  admitSession(socket: Duplex): boolean;
  /** Open TCP connections: pending and page sockets. */
  readonly connections: number;
}

export function guardConnections(server: Server, limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): ConnectionGuard {
  const pending = new Set<Socket>();
  const sessions = new Set<Duplex>();
  server.headersTimeout = limits.idleMs;
  server.requestTimeout = limits.requestMs;
  server.keepAliveTimeout = limits.idleMs;
  // Inactivity timeout of every HTTP socket; Node destroys a socket that reaches it. ws clears
  // it on the sockets it takes over, so page sockets are not affected.
  server.timeout = limits.idleMs;

  server.on('connection', (socket: Socket) => {
    pending.add(socket);
    socket.once('close', () => {
      pending.delete(socket);
      sessions.delete(socket);
    });
    if (pending.size > limits.maxPending) {
      // Insertion order: the first is the oldest.
      const oldest = pending.values().next().value;
      if (oldest) {
        pending.delete(oldest);
        oldest.destroy();
      }
    }
  });

  return {
    admitSession(socket) {
      if (sessions.size >= limits.maxSessions) return false;
      pending.delete(socket as Socket);
      sessions.add(socket);
      return true;
    },
    get connections() {
      return pending.size + sessions.size;
    },
  };
}
