/**
 * station.json's `upstream`: without it nothing is produced or sent; a plain-http collector
 * off this machine falls back to "not configured" with a warning naming the field; a missing
 * or bad key file stops the link with a clear status, and check-in carries on.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStationService } from '../station-service';
import { stationDatabasePath } from '../storage/database';
import { useTempDirs } from '../testing/temp-dirs';
import { loadCollectorKey } from './upstream-settings';

const temp = useTempDirs('upstream-settings-');

async function start(stationJson: Record<string, unknown>) {
  const dataDir = temp.make();
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify(stationJson));
  const warnings: string[] = [];
  const service = await createStationService({ dataDir, onWarning: (w) => warnings.push(w) });
  await service.api.guestCheckIn();
  const status = await service.api.getSyncStatus();
  await service.close();
  const db = new Database(stationDatabasePath(dataDir), { readonly: true });
  const outbox = db.prepare('SELECT count(*) AS n FROM upstream_outbox').get();
  db.close();
  return { status, warnings, outbox, dataDir };
}

const notConfigured = {
  state: 'not-configured', collector: null, queueLength: 0, oldestItemAtMs: null, rejectedItems: 0,
  lastSuccessAtMs: null, lastError: null, clockSkewMs: null, nextAttemptAtMs: null, pulls: [],
};

describe('upstream settings', () => {
  it('without an upstream nothing is queued and the status says not-configured', async () => {
    const { status, warnings, outbox } = await start({});
    expect(status).toEqual({ ok: true, value: notConfigured });
    expect(warnings).toEqual([]);
    expect(outbox).toEqual({ n: 0 });
  });

  it('plain http:// to another host is refused: a warning, and nothing is sent', async () => {
    const { status, warnings, outbox } = await start({ upstream: { collectorUrl: 'http://192.168.1.5:8780', keyFile: 'collector.key' } });
    expect(status).toEqual({ ok: true, value: notConfigured });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('field "upstream" is invalid (upstream.collectorUrl: must be https:// (http:// only to 127.0.0.1, [::1] or localhost))');
    expect(outbox).toEqual({ n: 0 });
  });

  it('a missing key file stops the link with its reason; check-in still works', async () => {
    const { status, warnings } = await start({ upstream: { collectorUrl: 'https://collector.example.org', keyFile: 'collector.key' } });
    expect(status).toMatchObject({ ok: true, value: { state: 'stopped', collector: 'https://collector.example.org', lastError: { message: expect.stringContaining('collector.key') } } });
    expect(warnings).toEqual([expect.stringMatching(/^Upstream is configured but cannot start: ENOENT.*collector\.key/)]);
  });

  it('a key file must hold the 32-byte base64url key', () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'short.key'), 'abc\n');
    writeFileSync(join(dir, 'good.key'), `${Buffer.alloc(32, 9).toString('base64url')}\n`);
    expect(() => loadCollectorKey(dir, 'short.key')).toThrow(/short\.key must hold the 32-byte key printed by add-station/);
    expect(loadCollectorKey(dir, 'good.key')).toEqual(Buffer.alloc(32, 9));
  });
});
