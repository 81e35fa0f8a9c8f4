/**
 * A second client of a running station's loopback WebSocket, for end-to-end tests that must
 * send what the screen cannot type (hostile text, a phone number) through the real host,
 * with the screen token the station printed.
 */
import WebSocket from 'ws';
import { SOCKET_PATH, TOKEN_FRAGMENT_KEY } from '../../common/socket-protocol';

export interface StationSocket {
  /** One call; resolves with the raw `Result` the service answered. */
  call(method: string, arg?: unknown): Promise<{ ok: boolean; value?: unknown; code?: string }>;
  close(): void;
}

export async function openStationSocket(screenUrl: string): Promise<StationSocket> {
  const url = new URL(screenUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get(TOKEN_FRAGMENT_KEY);
  if (!token) throw new Error(`no screen token in ${screenUrl}`);
  // The host accepts sockets only from its own page's origin.
  const ws = new WebSocket(`ws://${url.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`, { origin: url.origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: { ok: boolean; value?: unknown; code?: string }) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: number; result?: { ok: boolean } };
    if (message.type === 'result' && message.id !== undefined) waiting.get(message.id)?.(message.result as { ok: boolean });
  });
  return {
    call: (method, arg) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, arg }));
      }),
    close: () => ws.close(),
  };
}
