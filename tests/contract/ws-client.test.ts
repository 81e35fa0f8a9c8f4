/**
 * The page's WebSocket client against a real `ws` server on 127.0.0.1 whose behaviour each
 * test controls: refusing connections, dropping them, or never answering.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { ok } from '../../common/result';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../common/socket-protocol';
import { createWebSocketClient, pageSocketUrl, type WebSocketStationClient } from '../../renderer/api/ws-client';
import { ANSWERS } from './station-service-double';

interface ControlledServer {
  readonly url: string;
  /** When false, handshakes are refused (the client sees a failed connection). */
  accepting: boolean;
  /** When false, calls are received but never answered. */
  answering: boolean;
  readonly received: Array<{ id: number; method: string; arg?: unknown }>;
  /** Resolves at the next accepted connection. */
  nextConnection(): Promise<WebSocket>;
  dropAll(): void;
  broadcast(message: unknown): void;
  close(): Promise<void>;
}

async function startControlledServer(): Promise<ControlledServer> {
  const waiting: Array<(ws: WebSocket) => void> = [];
  const state = { accepting: true, answering: true };
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (_info, done) => done(state.accepting, 503),
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const received: ControlledServer['received'] = [];
  wss.on('connection', (ws) => {
    waiting.splice(0).forEach((resolve) => resolve(ws));
    ws.on('message', (data) => {
      const call = JSON.parse(String(data)) as { id: number; method: keyof typeof ANSWERS; arg?: unknown };
      received.push(call);
      if (state.answering) ws.send(JSON.stringify({ type: 'result', id: call.id, result: ok(ANSWERS[call.method]) }));
    });
  });
  const port = (wss.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `ws://127.0.0.1:${port}/api?token=t`,
    received,
    nextConnection: () => new Promise<WebSocket>((resolve) => waiting.push(resolve)),
    dropAll: () => wss.clients.forEach((ws) => ws.terminate()),
    broadcast: (message: unknown) => wss.clients.forEach((ws) => ws.send(JSON.stringify(message))),
    close: () =>
      new Promise<void>((resolve) => {
        wss.clients.forEach((ws) => ws.terminate());
        wss.close(() => resolve());
      }),
  });
}

describe('WebSocket station client', () => {
  let server: ControlledServer;
  let client: WebSocketStationClient;

  const connect = (callTimeoutMs = 5_000) =>
    createWebSocketClient({
      url: server.url,
      WebSocketImpl: WebSocket,
      callTimeoutMs,
      reconnectInitialMs: 10,
      reconnectMaxMs: 40,
    });

  beforeEach(async () => {
    server = await startControlledServer();
  });

  afterEach(async () => {
    client?.close();
    await server.close();
  });

  it('answers calls by id, whatever order the answers come in', async () => {
    client = connect();
    const [info, guest] = await Promise.all([client.getStationInfo(), client.guestCheckIn()]);
    expect(info).toEqual({ ok: true, value: ANSWERS.getStationInfo });
    expect(guest).toEqual({ ok: true, value: ANSWERS.guestCheckIn });
    expect(new Set(server.received.map((c) => c.id)).size).toBe(2);
  });

  it('holds calls made while disconnected and sends them once a reconnect succeeds', async () => {
    server.accepting = false;
    client = connect();
    const pending = client.getDeviceStatus();
    const connected = server.nextConnection();
    server.accepting = true;
    await connected;
    expect(await pending).toEqual({ ok: true, value: ANSWERS.getDeviceStatus });
  });

  it('reconnects after the connection drops, and keeps event listeners', async () => {
    client = connect();
    expect((await client.getStationInfo()).ok).toBe(true);
    const events: unknown[] = [];
    client.on('cardError', (p) => events.push(p));
    const reconnected = server.nextConnection();
    server.dropAll();
    await reconnected;
    expect((await client.getStationInfo()).ok).toBe(true);
    const delivered = new Promise((resolve) => client.on('cardError', resolve));
    server.broadcast({ type: 'event', event: 'cardError', payload: { deviceId: 'd', reason: 'unreadable' } });
    await delivered;
    expect(events).toEqual([{ deviceId: 'd', reason: 'unreadable' }]);
  });

  it('fails a call that was sent when the connection drops, without re-sending it', async () => {
    server.answering = false;
    client = connect();
    const pending = client.guestCheckIn();
    await expect.poll(() => server.received.length).toBe(1);
    server.dropAll();
    expect(await pending).toMatchObject({ ok: false, code: 'unavailable' });
    server.answering = true;
    expect((await client.getStationInfo()).ok).toBe(true);
    expect(server.received.filter((c) => c.method === 'guestCheckIn')).toHaveLength(1);
  });

  it('gives up on a call after its timeout with unavailable', async () => {
    server.answering = false;
    client = connect(150);
    expect(await client.getStationInfo()).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('times out calls while the host stays unreachable', async () => {
    server.accepting = false;
    client = connect(150);
    expect(await client.getStationInfo()).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('refuses an over-size argument locally instead of getting the socket closed', async () => {
    client = connect();
    const result = await client.submitWedgeRead({ text: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES) } as never);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(server.received).toEqual([]);
  });

  it('ignores malformed server messages and unknown answer ids', async () => {
    client = connect();
    expect((await client.getStationInfo()).ok).toBe(true);
    server.broadcast('not an object');
    server.broadcast({ type: 'result', id: 999_999, result: ok(1) });
    server.broadcast({ type: 'mystery' });
    expect((await client.getStationInfo()).ok).toBe(true);
  });

  it('close() fails waiting calls and stops reconnecting', async () => {
    server.accepting = false;
    client = connect();
    const pending = client.getStationInfo();
    client.close();
    expect(await pending).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await client.getStationInfo()).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

describe('pageSocketUrl', () => {
  it('builds the socket URL from the page location and the screen token', () => {
    expect(pageSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, 'a b')).toBe('ws://127.0.0.1:8080/api?token=a%20b');
  });

  it('is null without a token', () => {
    expect(pageSocketUrl({ protocol: 'http:', host: 'x' }, null)).toBeNull();
  });
});
