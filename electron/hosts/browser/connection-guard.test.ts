/** The connection guard on a real HTTP server on 127.0.0.1: eviction order and the page-socket cap. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../hardware/testing/wait-until';
import { guardConnections, type ConnectionGuard } from './connection-guard';

let server: Server;
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function listen(limits: Parameters<typeof guardConnections>[1]): Promise<{ port: number; guard: ConnectionGuard; accepted: Socket[] }> {
  server = createServer((_req, res) => res.end('ok'));
  const accepted: Socket[] = [];
  server.on('connection', (s: Socket) => accepted.push(s));
  const guard = guardConnections(server, limits);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as AddressInfo).port, guard, accepted };
}

interface Client {
  readonly socket: Socket;
  closed(): boolean;
}

function open(port: number): Promise<Client> {
  return new Promise((resolve) => {
    let closed = false;
    const socket = connect({ host: '127.0.0.1', port }, () => resolve({ socket, closed: () => closed }));
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
  });
}

describe('connection guard', () => {
  it('past maxPending, the oldest idle connection is dropped first and the newest is kept', async () => {
    const { port, guard } = await listen({ maxPending: 3, maxSessions: 1, idleMs: 60_000, requestMs: 60_000 });
    const clients: Client[] = [];
    for (let i = 0; i < 5; i++) clients.push(await open(port));
    await waitUntil(() => clients.filter((c) => c.closed()).length === 2, 'two evicted');
    expect(clients.map((c) => c.closed())).toEqual([true, true, false, false, false]);
    expect(guard.connections).toBe(3);
    for (const c of clients) c.socket.destroy();
  });

  it('admits page sockets up to maxSessions; a page socket is never evicted as pending', async () => {
    const { port, guard, accepted } = await listen({ maxPending: 2, maxSessions: 1, idleMs: 60_000, requestMs: 60_000 });
    const page = await open(port);
    await waitUntil(() => accepted.length === 1, 'accepted');
    expect(guard.admitSession(accepted[0] as Socket)).toBe(true);
    const other = await open(port);
    await waitUntil(() => accepted.length === 2, 'accepted');
    expect(guard.admitSession(accepted[1] as Socket)).toBe(false);
    const flood: Client[] = [];
    for (let i = 0; i < 4; i++) flood.push(await open(port));
    await waitUntil(() => guard.connections === 3, 'flood trimmed');
    expect(page.closed()).toBe(false);
    for (const c of [page, other, ...flood]) c.socket.destroy();
  });

  it('closes a connection that sends nothing within idleMs', async () => {
    const { port } = await listen({ maxPending: 8, maxSessions: 1, idleMs: 200, requestMs: 1000 });
    const idle = await open(port);
    const opened = performance.now();
    await waitUntil(() => idle.closed(), 'idle closed', 3000);
    const after = performance.now() - opened;
    expect(after).toBeGreaterThanOrEqual(150);
    expect(after).toBeLessThan(2000);
  });
});
