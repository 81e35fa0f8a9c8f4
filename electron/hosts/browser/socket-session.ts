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

export function attachSocketSession(ws: WebSocket, api: StationApi): void {
  let inFlight = 0;

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
