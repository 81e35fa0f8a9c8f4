/**
 * The sender against real HTTP on 127.0.0.1: a closed port (backoff, with jitter, on a
 * hand-driven clock) and a scripted collector (a test double of the collector's answers:
 * per-item results, 413, a 200 that is no answer, 200s signed wrongly or not at all), over a
 * real SQLite outbox.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../storage/database';
import { createManualClock } from '../testing/manual-clock';
import { useTempDirs } from '../testing/temp-dirs';
import { parseSignatureInput } from '../../../common/upstream-signature';
import { hourlyItem } from '../../../upstream/test-items';
import { signBatchAnswer } from './answer-signing';
import { postJson } from './http-post';
import { createOutboxStore } from './outbox-store';
import { createSender, type Sender } from './sender';

const temp = useTempDirs('upstream-sender-');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const KEY = Buffer.alloc(32, 3);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function outboxWith(count: number) {
  const db = openStationDatabase({ dataDir: temp.make() });
  cleanup.push(() => {
    db.close();
  });
  const outbox = createOutboxStore(db);
  for (let n = 0; n < count; n++) outbox.enqueue(hourlyItem('st-1', n));
  return outbox;
}

interface ScriptedReply {
  readonly status: number;
  readonly body: unknown;
  /**
   * How a 200 is signed. Default: as the collector does, with the station's key and the
   * request's nonce. `false`: not at all; otherwise with this key or nonce, or over the body
   * before `tamper` changed it.
   */
  readonly sign?: false | { readonly key?: Buffer; readonly nonce?: string; readonly tamper?: (text: string) => string };
}

/** Scripted collector: answers each request with the next scripted reply; records item keys and nonces. */
async function scripted(replies: ((keys: string[]) => ScriptedReply)[]) {
  const requests: string[][] = [];
  const nonces: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const keys = (JSON.parse(Buffer.concat(chunks).toString()) as { items: { key: string }[] }).items.map((i) => i.key);
      requests.push(keys);
      const nonce = parseSignatureInput(String(req.headers['signature-input']))!.nonce;
      nonces.push(nonce);
      const reply: ScriptedReply = (replies.shift() ?? (() => ({ status: 500, body: {} })))(keys);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const how = reply.sign ?? {};
      const signature =
        reply.status === 200 && how !== false
          ? signBatchAnswer({ key: how.key ?? KEY, body: text, params: { created: Math.floor(Date.UTC(2026, 2, 2) / 1000), keyId: 'st-1', nonce: how.nonce ?? nonce } })
          : {};
      res.writeHead(reply.status, { 'content-type': 'application/json', ...signature }).end(how === false || !how.tamper ? text : how.tamper(text));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), requests, nonces };
}

async function closedPort(): Promise<URL> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return new URL(`http://127.0.0.1:${port}`);
}

function sender(outbox: ReturnType<typeof createOutboxStore>, url: URL, extra: { random?: () => number; batchSize?: number } = {}) {
  const clock = createManualClock(Date.UTC(2026, 2, 2));
  const s: Sender = createSender({ outbox, collectorUrl: url, stationId: 'st-1', key: KEY, clock, post: postJson, backoffBaseMs: 2000, backoffMaxMs: 300_000, ...extra });
  cleanup.push(() => s.close());
  return { s, clock };
}

const answer = (results: { key: string; status: string; reason?: string }[]) => ({ status: 200, body: { schemaVersion: 1, serverTimeMs: Date.UTC(2026, 2, 2), results } });

describe('upstream sender', () => {
  it('backs off exponentially from 2 s to the 5-minute cap, the delay drawn from [cap/2, cap)', async () => {
    const outbox = outboxWith(1);
    for (const [random, expected] of [
      [0, [1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 150_000, 150_000]],
      [0.999, [1999, 3998, 7996, 15_992, 31_984, 63_968, 127_936, 255_872, 299_850, 299_850]],
    ] as const) {
      const { s, clock } = sender(outbox, await closedPort(), { random: () => random });
      const delays: number[] = [];
      s.kick();
      for (let i = 0; i < expected.length; i++) {
        await s.settled();
        const status = s.status();
        expect(status.state).toBe('backing-off');
        delays.push(status.nextAttemptAtMs! - clock.now());
        clock.advance(status.nextAttemptAtMs! - clock.now());
        await nextTurn();
      }
      expect(delays).toEqual(expected);
      expect(s.status().lastError?.message).toMatch(/unreachable: .*ECONNREFUSED/);
      expect(outbox.stats().pending).toBe(1);
      await s.close();
    }
  });

  it('removes accepted and duplicate items, parks rejected ones, and resends what the answer left out', async () => {
    const outbox = outboxWith(4);
    const keys = [0, 1, 2, 3].map((n) => hourlyItem('st-1', n).key);
    const collector = await scripted([
      () => answer([{ key: keys[0]!, status: 'accepted' }, { key: keys[1]!, status: 'duplicate' }, { key: keys[2]!, status: 'rejected', reason: 'payload.members: too small' }]),
      () => answer([{ key: keys[3]!, status: 'accepted' }]),
    ]);
    const { s } = sender(outbox, collector.url);
    s.kick();
    await s.settled();
    expect(collector.requests).toEqual([keys, [keys[3]]]);
    expect(outbox.stats()).toEqual({ pending: 0, rejected: 1, oldestPendingMs: null });
    expect(s.status()).toMatchObject({ state: 'idle', lastError: null });
  });

  it('halves the batch on 413 and carries on; a 200 that is not an answer keeps the items and backs off', async () => {
    const outbox = outboxWith(4);
    const accept = (keys: string[]) => answer(keys.map((key) => ({ key, status: 'accepted' })));
    const collector = await scripted([
      () => ({ status: 413, body: { error: 'too-large', message: 'too big', serverTimeMs: Date.UTC(2026, 2, 2) } }),
      accept,
      () => ({ status: 200, body: '<html>proxy login</html>' }),
    ]);
    const { s } = sender(outbox, collector.url, { batchSize: 4, random: () => 0 });
    s.kick();
    await s.settled();
    expect(collector.requests.map((r) => r.length)).toEqual([4, 2, 2]);
    expect(outbox.stats().pending).toBe(2);
    expect(s.status()).toMatchObject({ state: 'backing-off', lastError: { message: expect.stringContaining('not a batch answer') } });
  });

  it('a 200 answer about none of the items backs off instead of resending at once', async () => {
    const outbox = outboxWith(2);
    const collector = await scripted([() => answer([]), () => answer([{ key: 'st-1/visits.hourly/other', status: 'accepted' }])]);
    const { s, clock } = sender(outbox, collector.url, { random: () => 0 });
    s.kick();
    await s.settled();
    expect(collector.requests).toHaveLength(1);
    expect(s.status()).toMatchObject({ state: 'backing-off', nextAttemptAtMs: clock.now() + 1000, lastError: { message: expect.stringContaining('about none of the 2 items') } });
    clock.advance(1000);
    await nextTurn();
    await s.settled();
    expect(collector.requests).toHaveLength(2);
    expect(outbox.stats().pending).toBe(2);
  });

  it('acts only on a batch answer the collector signed for this request: unsigned, forged, replayed or changed answers delete and park nothing', async () => {
    const outbox = outboxWith(2);
    const keys = [0, 1].map((n) => hourlyItem('st-1', n).key);
    // Accepts the first item, rejects the second; an hour ahead, so a believed answer would move the skew.
    const results = answer([{ key: keys[0]!, status: 'accepted' }, { key: keys[1]!, status: 'rejected', reason: 'payload: bad' }]);
    const later = { ...results, body: { ...results.body, serverTimeMs: Date.UTC(2026, 2, 2) + 3_600_000 } };
    let firstNonce = '';
    const collector = await scripted([
      () => ({ ...later, sign: false }),
      () => ({ ...later, sign: { key: Buffer.alloc(32, 9) } }),
      () => ({ ...later, sign: { nonce: firstNonce } }),
      () => ({ ...later, sign: { tamper: (text) => text.replace('"rejected"', '"accepted"') } }),
      () => ({ ...later, sign: { tamper: () => '' } }),
      () => results,
    ]);
    const { s, clock } = sender(outbox, collector.url, { random: () => 0 });
    const messages: string[] = [];
    s.kick();
    for (let attempt = 0; attempt < 5; attempt++) {
      await s.settled();
      if (attempt === 0) firstNonce = collector.nonces[0]!;
      const status = s.status();
      expect(status).toMatchObject({ state: 'backing-off', lastSuccessAtMs: null, clockSkewMs: null });
      expect(outbox.stats()).toEqual({ pending: 2, rejected: 0, oldestPendingMs: expect.any(Number) });
      messages.push(status.lastError!.message);
      clock.advance(status.nextAttemptAtMs! - clock.now());
      await nextTurn();
    }
    expect(messages.map((m) => m.replace(/^http:\/\/127\.0\.0\.1:\d+ answered 200 but /, ''))).toEqual([
      'the answer is not signed by the collector; nothing was deleted',
      "the answer's signature does not match it and this station's key (forged or changed on the way); nothing was deleted",
      "the answer is signed for another request (not this request's nonce): a replay; nothing was deleted",
      'the answer body does not match its Content-Digest (cut off or changed on the way); nothing was deleted',
      'the answer body does not match its Content-Digest (cut off or changed on the way); nothing was deleted',
    ]);
    await s.settled();
    expect(new Set(collector.nonces).size).toBe(6);
    expect(outbox.stats()).toEqual({ pending: 0, rejected: 1, oldestPendingMs: null });
    expect(s.status()).toMatchObject({ state: 'idle', lastSuccessAtMs: clock.now(), clockSkewMs: Date.UTC(2026, 2, 2) - clock.now() });
  });

  it('refuses plain http:// to anything but loopback', () => {
    const outbox = outboxWith(0);
    const make = (url: string) => () => createSender({ outbox, collectorUrl: new URL(url), stationId: 'st-1', key: KEY, clock: createManualClock(0), post: postJson });
    expect(make('http://collector.example.org')).toThrow('plain http:// is allowed only to loopback');
    expect(make('http://192.168.1.5:8780')).toThrow(TypeError);
    for (const ok of ['http://127.0.0.1:8780', 'http://[::1]:8780', 'http://localhost', 'https://collector.example.org']) expect(make(ok)).not.toThrow();
  });
});
