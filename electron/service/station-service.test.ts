import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../../common/dispatch';
import { uid32 } from '../../hardware/card-id/normalise';
import { createStationService, type CreatedStationService, type StationServiceOptions } from './station-service';
import { defaultStationConfig, toStationInfo } from './station-config';
import { stationDatabasePath } from './storage/database';
import { LATEST_SCHEMA_VERSION } from './storage/migrations';
import { MINUTE } from './testing/check-in-fixture';
import { useTempDirs } from './testing/temp-dirs';

const temp = useTempDirs('station-svc-');

async function start(options: Partial<StationServiceOptions> = {}) {
  const dataDir = options.dataDir ?? temp.make();
  const clock = { ms: Date.UTC(2025, 5, 1, 8, 0) };
  const warnings: string[] = [];
  const service = await createStationService({ dataDir, now: () => clock.ms, onWarning: (w) => warnings.push(w), ...options });
  return { service, dataDir, clock, warnings };
}

function count(dataDir: string, table: 'cards' | 'visits' | 'events'): number {
  const db = new Database(stationDatabasePath(dataDir), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function closing<T>(service: CreatedStationService, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    await service.close();
  }
}

describe('createStationService', () => {
  it('answers getStationInfo from station.json over the defaults, and reports bad fields', async () => {
    const dataDir = temp.make();
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ tapOutEnabled: true, idleTimeoutSeconds: 'soon' }));
    const { service, warnings } = await start({ dataDir });
    await closing(service, async () => {
      expect(await service.api.getStationInfo()).toEqual({ ok: true, value: { ...toStationInfo(defaultStationConfig()), tapOutEnabled: true } });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('field "idleTimeoutSeconds" is invalid');
      expect(service.warnings).toEqual(warnings);
    });
  });

  it('a wedge read checks the card in; the same card in another format is the same visit', async () => {
    const { service, clock, dataDir } = await start();
    await closing(service, async () => {
      expect(await service.api.submitWedgeRead({ text: '0040856634' })).toEqual({
        ok: true,
        value: { kind: 'welcome', visitId: 1, visitNumber: 1, needsCategory: true, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) },
      });
      clock.ms += 29 * MINUTE;
      expect(await service.api.submitWedgeRead({ text: ' 026f6c3a ' })).toEqual({
        ok: true,
        value: { kind: 'already-here', visitId: 1, visitNumber: 1, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) },
      });
      clock.ms += 31 * MINUTE;
      expect(await service.api.submitWedgeRead({ text: '111,27706' })).toMatchObject({ ok: true, value: { kind: 'welcome', visitId: 2, visitNumber: 2 } });
    });
    expect(count(dataDir, 'cards')).toBe(1);
    expect(count(dataDir, 'visits')).toBe(2);
  });

  it('reads 8-hex wedge text in the configured byte order', async () => {
    const { service } = await start({ stationConfigOverride: { wedgeByteOrder: 'reversed' } });
    await closing(service, async () => {
      await service.api.submitWedgeRead({ text: '3A6C6F02' });
      expect(await service.api.submitWedgeRead({ text: '0040856634' })).toMatchObject({ ok: true, value: { kind: 'already-here', visitId: 1 } });
    });
  });

  it('hostile or odd wedge text gets a clear error and writes nothing', async () => {
    const { service, dataDir, clock } = await start();
    const unreadable = [
      "'; DROP TABLE visits; --",
      '0040856634; DELETE FROM cards',
      '<script>alert(1)</script>',
      '😀😀😀😀',
      '\u202Eabcdef',
      '\u0000\u0000\u0000\u0000',
      '0040856634\n0040856634',
      '   ',
      '١٢٣٤٥٦٧٨٩٠',
      '００４０８５６６３４',
      '99999,99999',
    ];
    await closing(service, async () => {
      for (const text of unreadable) {
        // Unreadable reads count against the wedge limit too; one a second stays inside it.
        clock.ms += 1000;
        expect(await service.api.submitWedgeRead({ text }), JSON.stringify(text)).toEqual({
          ok: false,
          code: 'unreadable-card',
          message: `The reader's text (${text.length} characters) is not a card number; tap the card again.`,
        });
      }
      for (const text of ['', 'x'.repeat(65), '0'.repeat(1024 * 1024)]) {
        expect(await service.api.submitWedgeRead({ text })).toMatchObject({ ok: false, code: 'invalid-argument' });
        // The hosts' dispatch refuses it the same way before the service sees it.
        expect(await dispatchCall(service.api, 'submitWedgeRead', { text })).toMatchObject({ ok: false, code: 'invalid-argument' });
      }
      expect(await service.api.submitWedgeRead({ text: 42 } as unknown as { text: string })).toMatchObject({ ok: false, code: 'invalid-argument' });
    });
    expect(count(dataDir, 'cards')).toBe(0);
    expect(count(dataDir, 'visits')).toBe(0);
  });

  it('refuses a card-number enumeration after the burst: leaves only the allowed rows, one log line and notice per second', async () => {
    const refusals: string[] = [];
    const { service, dataDir, clock } = await start({ onRefusal: (line) => refusals.push(line) });
    const notices: unknown[] = [];
    service.events.on('screenNotice', (notice) => notices.push(notice));
    const answers = await closing(service, async () => {
      const results = [];
      for (let i = 0; i < 300; i++) {
        results.push(await service.api.submitWedgeRead({ text: String(1_000_000_000 + i) }));
        clock.ms += 5; // 200 reads a second, as a program would send them
      }
      return results;
    });
    const allowed = answers.filter((r) => r.ok);
    // The burst (5) plus what 1.5 s at one read a second refills.
    expect(allowed).toHaveLength(6);
    expect(answers.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(answers[5]).toEqual({ ok: false, code: 'rate-limited', message: 'Card reads are coming too fast; try again in 1 s.' });
    expect(count(dataDir, 'visits')).toBe(6);
    expect(count(dataDir, 'cards')).toBe(6);
    // The first refusal (read 6, at 25 ms), then the first one a second later (read 206, at
    // 1025 ms), counting the 198 refused in between: 294 refused in all, 95 not yet reported.
    expect(notices).toEqual([
      { kind: 'wedge-reads-refused', refused: 1 },
      { kind: 'wedge-reads-refused', refused: 199 },
    ]);
    expect(refusals).toEqual([
      'Wedge reads refused: 1 since the last notice, faster than a person can tap (limit 5 at once, then 1/s)',
      'Wedge reads refused: 199 since the last notice, faster than a person can tap (limit 5 at once, then 1/s)',
    ]);
  });

  it('answers ping with an instance id of its own start, and unavailable once closed', async () => {
    const dataDir = temp.make();
    const first = await start({ dataDir });
    const a = await first.service.api.ping();
    expect(a).toEqual({ ok: true, value: { instance: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    expect(await first.service.api.ping()).toEqual(a);
    await first.service.close();
    expect(await first.service.api.ping()).toMatchObject({ ok: false, code: 'unavailable' });
    const second = await start({ dataDir });
    await closing(second.service, async () => {
      const b = await second.service.api.ping();
      expect(b.ok && a.ok && b.value.instance !== a.value.instance).toBe(true);
    });
  });

  it('uses the injected normaliser for wedge text', async () => {
    const seen: string[] = [];
    const { service } = await start({
      normalise: (text, options) => {
        seen.push(`${text}|${options?.byteOrder}`);
        return text === 'door-7' ? uid32(7) : null;
      },
    });
    await closing(service, async () => {
      expect(await service.api.submitWedgeRead({ text: 'door-7' })).toMatchObject({ ok: true, value: { kind: 'welcome' } });
      expect(await service.api.submitWedgeRead({ text: '0040856634' })).toMatchObject({ ok: false, code: 'unreadable-card' });
    });
    expect(seen).toEqual(['door-7|as-read', '0040856634|as-read']);
  });

  it('stores no card number in any form: only keyed hashes reach the database files', async () => {
    const dataDir = temp.make();
    // A fixed key makes the hashes, and so this test, the same on every run.
    writeFileSync(join(dataDir, 'station.key'), Buffer.alloc(32, 9), { mode: 0o600 });
    const { service, clock } = await start({ dataDir });
    const snapshots: Buffer[] = [];
    const filesNow = () => readdirSync(dataDir).filter((f) => f.startsWith('station.db')).map((f) => readFileSync(join(dataDir, f)));
    await closing(service, async () => {
      for (const text of ['0040856634', '026F6C3A', '111,27706', 'MEMBER:ab-12', '1234567890']) {
        expect((await service.api.submitWedgeRead({ text })).ok).toBe(true);
        clock.ms += 45 * MINUTE;
      }
      await service.api.setWorkerCategory({ visitId: 1, category: 'courier' });
      await service.api.guestCheckIn();
      snapshots.push(...filesNow()); // with the WAL still holding the writes
    });
    snapshots.push(...filesNow());
    const bytes = Buffer.concat(snapshots);
    expect(bytes.length).toBeGreaterThan(4096);
    const forbidden: (string | Buffer)[] = [
      '0040856634', '40856634', '026F6C3A', '026f6c3a', '6F6C3A', '6f6c3a', '111,27706', '27706', 'MEMBER:ab-12', '1234567890', '499602D2', '499602d2',
      Buffer.from([0x02, 0x6f, 0x6c, 0x3a]), Buffer.from([0x3a, 0x6c, 0x6f, 0x02]), Buffer.from([0x49, 0x96, 0x02, 0xd2]), Buffer.from([0xd2, 0x02, 0x96, 0x49]),
    ];
    for (const needle of forbidden) expect(bytes.indexOf(needle), String(needle)).toBe(-1);
  });

  it('setWorkerCategory answers not-found for an unknown visit and refuses a guest visit', async () => {
    const { service } = await start();
    await closing(service, async () => {
      expect(await service.api.setWorkerCategory({ visitId: 5, category: 'courier' })).toEqual({ ok: false, code: 'not-found', message: 'No visit 5.' });
      const guest = await service.api.guestCheckIn();
      expect(guest).toEqual({ ok: true, value: { visitId: 1, guestVisitsToday: 1, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) } });
      expect(await service.api.setWorkerCategory({ visitId: 1, category: null })).toEqual({
        ok: false,
        code: 'invalid-argument',
        message: 'Visit 1 is a guest visit: there is no card to remember a category on.',
      });
      await service.api.submitWedgeRead({ text: '0040856634' });
      expect(await service.api.setWorkerCategory({ visitId: 2, category: 'ride-hailing' })).toEqual({ ok: true, value: {} });
    });
  });

  it('registerJoinInterest is an events row', async () => {
    const { service, dataDir, clock } = await start();
    await closing(service, async () => {
      expect(await service.api.registerJoinInterest({ from: 'attract' })).toEqual({ ok: true, value: {} });
    });
    const db = new Database(stationDatabasePath(dataDir), { readonly: true });
    try {
      expect(db.prepare('SELECT kind, detail, at_ms FROM events').all()).toEqual([{ kind: 'join-interest', detail: '{"from":"attract"}', at_ms: clock.ms }]);
    } finally {
      db.close();
    }
  });

  it('keeps visits across a restart (same key, same card)', async () => {
    const first = await start();
    await first.service.api.submitWedgeRead({ text: '0040856634' });
    await first.service.close();
    const second = await start({ dataDir: first.dataDir, now: () => first.clock.ms + 60 * MINUTE });
    await closing(second.service, async () => {
      expect(await second.service.api.submitWedgeRead({ text: '0040856634' })).toMatchObject({ ok: true, value: { kind: 'welcome', visitNumber: 2 } });
    });
  });

  it('after close() every method answers unavailable; close() twice is fine', async () => {
    const { service } = await start();
    await service.close();
    await service.close();
    expect(await service.api.submitWedgeRead({ text: '0040856634' })).toEqual({ ok: false, code: 'unavailable', message: 'The station service has shut down.' });
    expect(await service.api.guestCheckIn()).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('refuses to start on a database from a newer release', async () => {
    const dataDir = temp.make();
    const raw = new Database(stationDatabasePath(dataDir));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(start({ dataDir })).rejects.toThrow(
      new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}, but this station software only knows versions up to ${LATEST_SCHEMA_VERSION}`),
    );
  });
});
