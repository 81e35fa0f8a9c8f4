/**
 * What only the browser host has: the page it serves, the token and Origin guard on its
 * socket, and how it survives bad input. Real HTTP and WebSocket on 127.0.0.1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../common/socket-protocol';
import { createWebSocketClient } from '../../renderer/api/ws-client';
import { socketUrl, startBrowserHarness, TEST_INDEX_HTML, webSocketWithOrigin, type BrowserHarness } from './harness';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A GET with the path sent exactly as given (no URL normalisation by a client library). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Handshake = { kind: 'open'; ws: WebSocket } | { kind: 'refused'; status: number };

function handshake(url: string, origin?: string): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => resolve({ kind: 'open', ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('browser host', () => {
  let h: BrowserHarness;
  let origin: string;

  beforeEach(async () => {
    h = await startBrowserHarness();
    origin = `http://127.0.0.1:${h.host.port}`;
  });

  afterEach(async () => {
    await h.close();
  });

  it('listens on 127.0.0.1 and reports its URL', () => {
    expect(h.host.url).toBe(`http://127.0.0.1:${h.host.port}/`);
    expect(h.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h.host.screenUrl).toBe(`http://127.0.0.1:${h.host.port}/#token=${h.host.token}`);
  });

  it.each(['/', '/index.html', '/steward', '/?token=1'])('never puts the token into the page it serves at %s', async (path) => {
    const res = await rawGet(h.host.port, path, { host: `127.0.0.1:${h.host.port}` });
    expect(res.status).toBe(200);
    expect(res.body).toBe(TEST_INDEX_HTML);
    expect(res.body).not.toContain(h.host.token);
    expect(JSON.stringify(res.headers)).not.toContain(h.host.token);
  });

  it('serves index.html unchanged, with no caching and a CSP that allows its own socket', async () => {
    const res = await rawGet(h.host.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`ws://127.0.0.1:${h.host.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their content types', async () => {
    mkdirSync(join(h.staticDir, 'assets'), { recursive: true });
    writeFileSync(join(h.staticDir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(h.staticDir, 'assets', 'index-abc.css'), 'body{}');
    const js = await rawGet(h.host.port, '/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await rawGet(h.host.port, '/assets/index-abc.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawGet(h.host.port, '/assets/missing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html'])(
    'refuses path traversal %s with 404',
    async (path) => {
      writeFileSync(join(dirname(h.staticDir), 'secret.txt'), 'do not serve');
      const res = await rawGet(h.host.port, path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('do not serve');
    },
  );

  it('refuses a foreign Host header (DNS rebinding) and non-GET methods', async () => {
    expect((await rawGet(h.host.port, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await rawGet(h.host.port, '/', {}, 'POST')).status).toBe(405);
  });

  it.each([
    ['missing', (url: string) => url.replace(/\?token=.*/, '')],
    ['wrong', (url: string) => url.replace(/token=.*/, 'token=not-the-token')],
    ['old', (url: string) => url.replace(/token=.*/, `token=${'A'.repeat(43)}`)],
  ])('rejects a %s token before upgrading, and says so', async (_label, mangle) => {
    const result = await handshake(mangle(socketUrl(h.host)), origin);
    expect(result).toEqual({ kind: 'refused', status: 401 });
    expect(h.refused).toEqual(['Refused a socket without the screen token']);
  });

  it.each([['https://evil.example'], ['http://127.0.0.1:1'], [undefined]])('rejects Origin %s with 403', async (bad) => {
    expect(await handshake(socketUrl(h.host), bad)).toEqual({ kind: 'refused', status: 403 });
  });

  it('answers malformed calls and unknown methods without dropping the socket', async () => {
    const result = await handshake(socketUrl(h.host), origin);
    if (result.kind !== 'open') throw new Error('handshake refused');
    const ws = result.ws;
    ws.send('this is not json');
    ws.send(JSON.stringify({ type: 'call', id: 5, method: 42 }));
    expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 5, result: { ok: false, code: 'invalid-argument' } });
    ws.send(JSON.stringify({ type: 'call', id: 6, method: 'formatDisk' }));
    expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 6, result: { ok: false, code: 'unknown-method' } });
    ws.send(JSON.stringify({ type: 'call', id: 7, method: 'guestCheckIn' }));
    expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 7, result: { ok: true } });
    ws.close();
  });

  it('closes a socket that sends an over-size message and keeps serving others', async () => {
    const result = await handshake(socketUrl(h.host), origin);
    if (result.kind !== 'open') throw new Error('handshake refused');
    const closed = closeCode(result.ws);
    result.ws.send('x'.repeat(MAX_SOCKET_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    expect(await h.client.getStationInfo()).toMatchObject({ ok: true });
    expect((await rawGet(h.host.port, '/')).status).toBe(200);
  });

  it('forwards events to every connected page', async () => {
    const second = createWebSocketClient({ url: socketUrl(h.host), WebSocketImpl: webSocketWithOrigin(origin) });
    try {
      expect((await second.getDeviceStatus()).ok).toBe(true);
      const got = [h.client, second].map(
        (client) => new Promise((resolve) => client.on('cardError', resolve)),
      );
      h.service.events.emit('cardError', { deviceId: 'door', reason: 'unsupported-format' });
      expect(await Promise.all(got)).toEqual([
        { deviceId: 'door', reason: 'unsupported-format' },
        { deviceId: 'door', reason: 'unsupported-format' },
      ]);
    } finally {
      second.close();
    }
  });

  it('close() terminates open sockets and stops listening', async () => {
    const result = await handshake(socketUrl(h.host), origin);
    if (result.kind !== 'open') throw new Error('handshake refused');
    const closed = closeCode(result.ws);
    await h.host.close();
    expect(await closed).toBe(1006);
    await expect(rawGet(h.host.port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
