/**
 * The page's side of the browser host: a `StationClient` over the loopback WebSocket
 * (`common/socket-protocol.ts`). Calls carry ids and are answered by id; events are
 * re-dispatched to listeners. The socket reconnects with backoff; a call made while it is
 * down waits for the reconnect, up to its own timeout.
 */
import { createStationClient } from '../../common/client';
import type { EventName, MethodName, StationClient } from '../../common/contract';
import { err } from '../../common/result';
import { pageContract } from './page-contract';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  SOCKET_PATH,
  serverMessageSchema,
  type ClientMessage,
} from '../../common/socket-protocol';

/**
 * The part of a WebSocket this client uses. The browser's `WebSocket` and `ws`'s class both
 * fit it. Handler parameters are `never` so either implementation's event types are accepted.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
}

export type SocketConstructor = new (url: string) => SocketLike;

/** Options of {@link createWebSocketClient}. */
export interface WebSocketClientOptions {
  /** Full endpoint URL including the token, e.g. `ws://127.0.0.1:8080/api?token=…`. */
  readonly url: string;
  /** Defaults to the page's global `WebSocket`; Node tests pass `ws`'s class. */
  readonly WebSocketImpl?: SocketConstructor;
  /** Milliseconds a call may wait (for a connection and its answer). Default 10 000. */
  readonly callTimeoutMs?: number;
  /** First reconnect delay in ms, doubled after each failure. Default 250. */
  readonly reconnectInitialMs?: number;
  /** Longest reconnect delay in ms. Default 5 000. */
  readonly reconnectMaxMs?: number;
}

/**
 * A station client over the socket. Guarantees: every call resolves (never rejects) —
 * with `unavailable` on timeout, when the connection drops after the call was sent (it is
 * never re-sent, because the service may already have acted on it) or after `close()`.
 */
export type WebSocketStationClient = StationClient & {
  /** Stops reconnecting, closes the socket and fails every waiting call. Idempotent. */
  close(): void;
};

const OPEN = 1;

interface PendingCall {
  readonly message: string;
  sent: boolean;
  readonly resolve: (answer: unknown) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export function createWebSocketClient(options: WebSocketClientOptions): WebSocketStationClient {
  const Impl = options.WebSocketImpl ?? defaultWebSocket();
  const callTimeoutMs = options.callTimeoutMs ?? 10_000;
  const initialDelay = options.reconnectInitialMs ?? 250;
  const maxDelay = options.reconnectMaxMs ?? 5_000;

  const pending = new Map<number, PendingCall>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let closed = false;
  let delay = initialDelay;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  function settle(id: number, answer: unknown): void {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(answer);
  }

  function connect(): void {
    if (closed) return;
    let ws: SocketLike;
    try {
      ws = new Impl(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      delay = initialDelay;
      for (const call of pending.values()) {
        if (!call.sent) {
          call.sent = true;
          ws.send(call.message);
        }
      }
    };
    ws.onmessage = (event: { data: unknown }) => onMessage(event.data);
    // A failed connection fires error then close; close alone drives the retry.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, call] of pending) {
        if (call.sent) settle(id, err('unavailable', 'connection lost before the answer arrived'));
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
    delay = Math.min(delay * 2, maxDelay);
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = serverMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'result') {
      settle(message.id, message.result);
      return;
    }
    const set = listeners.get(message.event as EventName);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(message.payload);
      } catch (error) {
        // One faulty listener must not starve the others of the event.
        console.error('station event listener failed', error);
      }
    }
  }

  function call(method: MethodName, arg: unknown): Promise<unknown> {
    if (closed) return Promise.resolve(err('unavailable', 'client closed'));
    const id = nextId++;
    const body: ClientMessage = { type: 'call', id, method, arg };
    const message = JSON.stringify(body);
    // Over-size messages would make the host close the socket for everyone on this page.
    if (new TextEncoder().encode(message).length > MAX_SOCKET_MESSAGE_BYTES) {
      return Promise.resolve(err('invalid-argument', `${method}: argument too large`));
    }
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => settle(id, err('unavailable', `${method}: no answer within ${callTimeoutMs} ms`)),
        callTimeoutMs,
      );
      const entry: PendingCall = { message, sent: false, resolve, timer };
      pending.set(id, entry);
      if (socket && socket.readyState === OPEN) {
        entry.sent = true;
        socket.send(message);
      }
    });
  }

  function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      listeners.get(event)?.delete(listener);
    };
  }

  function close(): void {
    if (closed) return;
    closed = true;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    const ws = socket;
    socket = null;
    ws?.close(1000, 'client closed');
    for (const id of [...pending.keys()]) settle(id, err('unavailable', 'client closed'));
    listeners.clear();
  }

  connect();
  return Object.assign(createStationClient(call, subscribe, pageContract), { close });
}

/**
 * The socket URL for the page the host served: same host, `SOCKET_PATH`, and the screen token
 * (see `screen-token.ts`). `null` when there is no token (the page was not opened by the
 * station). Call as `pageSocketUrl(location, token)`.
 */
export function pageSocketUrl(location: PageLocation, token: string | null): string | null {
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`;
}

/** The parts of `window.location` {@link pageSocketUrl} reads. */
export interface PageLocation {
  readonly protocol: string;
  readonly host: string;
}

function defaultWebSocket(): SocketConstructor {
  const impl = (globalThis as { WebSocket?: SocketConstructor }).WebSocket;
  if (!impl) throw new Error('No WebSocket implementation: pass WebSocketImpl');
  return impl;
}
