/**
 * One connected page on the browser host's WebSocket: parses calls, dispatches them through
 * the contract and answers each by id. Bad input is answered (when it has an id) or dropped;
 * it never throws out of here.
 */
import type { WebSocket } from 'ws';
import type { StationApi } from '../../../common/contract';
import { dispatchCall } from '../../../common/dispatch';
import { err, type Result } from '../../../common/result';
import { clientMessageSchema, type ServerMessage } from '../../../common/socket-protocol';

/** Calls one page may have in flight; more are refused so one page cannot flood the service. */
export const MAX_CALLS_IN_FLIGHT = 64;

/**
 * How much output a page may leave unread. A page that stops reading (a hung tab, a hostile
 * client) would otherwise make every answer and event pile up in this process's memory.
 */
export interface BacklogLimits {
  /** Queued output (bytes, `ws.bufferedAmount`) past which the page's calls stop being read. Default 256 KiB. */
  readonly pauseBytes: number;
  /** Queued output past which the page is closed at once. Default 1 MiB. */
  readonly closeBytes: number;
  /** Longest a page may stay behind (calls not read) before it is closed, ms. Default 5000. */
  readonly behindMs: number;
}

export const DEFAULT_BACKLOG_LIMITS: BacklogLimits = { pauseBytes: 256 * 1024, closeBytes: 1024 * 1024, behindMs: 5000 };

/** How often a paused page is looked at again, ms. */
const BACKLOG_POLL_MS = 50;

/** Checks a page's backlog after something was queued for it. */
const backlogChecks = new WeakMap<WebSocket, () => void>();

export function attachSocketSession(ws: WebSocket, api: StationApi, limits: BacklogLimits = DEFAULT_BACKLOG_LIMITS): void {
  let inFlight = 0;
  backlogChecks.set(ws, watchBacklog(ws, limits));

  // ws emits 'error' for protocol violations (e.g. over-size frames) and then closes the
  // socket itself; without a listener the error would crash the host.
  ws.on('error', () => undefined);

  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = clientMessageSchema.safeParse(withArgKey(json));
    if (!parsed.success) {
      const id = idOf(json);
      if (id !== null) answer(ws, id, err('invalid-argument', 'malformed call message'));
      return;
    }
    const { id, method, arg } = parsed.data;
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      answer(ws, id, err('unavailable', 'too many calls in flight'));
      return;
    }
    inFlight += 1;
    void dispatchCall(api, method, arg).then((result) => {
      inFlight -= 1;
      answer(ws, id, result);
    });
  });
}

/** Sends one message if the socket is still open; a closed page simply misses it. */
export function sendMessage(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState !== ws.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch {
    // A value JSON cannot encode (cycle, BigInt) must not take the host down.
    if (message.type !== 'result') return;
    text = JSON.stringify({ ...message, result: err('internal', 'answer could not be encoded') });
  }
  ws.send(text);
  backlogChecks.get(ws)?.();
}

/**
 * Pauses reading a page's calls while its output backs up, resumes once it has read half of
 * that, and closes it when the backlog passes `closeBytes` or lasts `behindMs`. Closing
 * destroys the socket, which frees everything queued for it.
 */
function watchBacklog(ws: WebSocket, limits: BacklogLimits): () => void {
  let behindSince: number | null = null;
  let poll: ReturnType<typeof setInterval> | undefined;
  const stopPolling = () => {
    clearInterval(poll);
    poll = undefined;
  };
  ws.once('close', stopPolling);
  const check = () => {
    const queued = ws.bufferedAmount;
    if (queued > limits.closeBytes || (behindSince !== null && performance.now() - behindSince > limits.behindMs)) {
      stopPolling();
      ws.terminate();
    } else if (behindSince === null && queued > limits.pauseBytes) {
      behindSince = performance.now();
      ws.pause();
      poll = setInterval(check, BACKLOG_POLL_MS);
    } else if (behindSince !== null && queued <= limits.pauseBytes / 2) {
      behindSince = null;
      stopPolling();
      ws.resume();
    }
  };
  return check;
}

function answer(ws: WebSocket, id: number, result: Result<unknown>): void {
  sendMessage(ws, { type: 'result', id, result });
}

/**
 * JSON has no `undefined`, so a call without an argument arrives with no `arg` key, which
 * the schema (zod 4: a missing key is not an `undefined` value) would refuse.
 */
function withArgKey(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || 'arg' in json) return json;
  return { ...json, arg: undefined };
}

function idOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = (json as { id: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
