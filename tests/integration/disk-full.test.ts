/**
 * A full disk: the station on a real 3 MB tmpfs. Writes are refused with a clear answer, the
 * steward console's storage status says "full", everything else keeps answering, and nothing
 * acknowledged before or during is lost or corrupted; freeing space brings writes back.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStationService } from '../../electron/service/station-service';
import { stationDatabasePath } from '../../electron/service/storage/database';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/small-disk';

const unavailable = smallDiskUnavailable();
if (unavailable) console.warn(`disk-full tests skipped: ${unavailable}`);

let disk: SmallDisk | undefined;
afterEach(() => {
  disk?.unmount();
  disk = undefined;
});

describe.skipIf(unavailable !== null)('a full disk', () => {
  it('refuses new visits with "unavailable", reports full, keeps answering, loses nothing; freed space brings writes back', async () => {
    disk = mountSmallDisk(3 * 1024 * 1024);
    const dataDir = join(disk.path, 'data');
    const warnings: string[] = [];
    const service = await createStationService({ dataDir, onWarning: (w) => warnings.push(w), onNotice: () => {} });
    let acknowledged = 0;
    try {
      for (let i = 0; i < 20; i++) {
        expect(await service.api.guestCheckIn()).toMatchObject({ ok: true });
        acknowledged += 1;
      }
      expect(await service.api.getStorageStatus()).toMatchObject({ ok: true, value: { state: 'ok', lastFullAtMs: null, clock: 'ok' } });

      const filler = disk.fill();
      let refused: unknown;
      for (let i = 0; i < 20_000 && refused === undefined; i++) {
        const answer = await service.api.guestCheckIn();
        if (answer.ok) acknowledged += 1;
        else refused = answer;
      }
      expect(refused).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/^Could not save: database or disk is full/) });

      const full = await service.api.getStorageStatus();
      expect(full).toMatchObject({ ok: true, value: { state: 'full', lastFullAtMs: expect.any(Number) } });
      expect(full.ok && full.value.freeBytes).toBeLessThan(64 * 1024);
      // Still answering everything that needs no new row.
      expect(await service.api.ping()).toMatchObject({ ok: true });
      expect(await service.api.getStationInfo()).toMatchObject({ ok: true });
      expect(await service.api.getDeviceStatus()).toEqual({ ok: true, value: [] });
      expect(await service.api.guestCheckIn()).toMatchObject({ ok: false, code: 'unavailable' });

      rmSync(filler);
      expect(await service.api.getStorageStatus()).toMatchObject({ ok: true, value: { state: 'ok', lastFullAtMs: null } });
      expect(await service.api.guestCheckIn()).toMatchObject({ ok: true });
      acknowledged += 1;
    } finally {
      await service.close();
    }
    const db = new Database(stationDatabasePath(dataDir), { readonly: true });
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: acknowledged });
    } finally {
      db.close();
    }
  });
});
