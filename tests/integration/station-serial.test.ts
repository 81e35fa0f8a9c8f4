/**
 * The station service with a serial reader on a real socat pty pair: simulator frames go
 * through the real serialport binding into check-in, and land as rows in a real SQLite file,
 * read back through a second connection. Killing socat takes the reader offline (a
 * `deviceStatus` event); a new pair brings it back and taps are logged again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckInOutcome, DeviceStatus } from '../../common/domain';
import { createSerialCardReader } from '../../hardware/drivers/card-reader/serial-card-reader';
import { CardReaderSimulator } from '../../hardware/simulators/card-reader-simulator';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';
import { createStationService, type CreatedStationService } from '../../electron/service/station-service';

let dir: string;
let dataDir: string;
let hostLink: string;
let deviceLink: string;
let pair: PtyPair;
let device: SerialTransport;
let simulator: CardReaderSimulator;
let station: CreatedStationService;
let outcomes: CheckInOutcome[];
let statuses: DeviceStatus[];

async function plugIn(): Promise<void> {
  pair = await openPtyPair({ hostLink, deviceLink });
  device = new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
  await device.open();
  simulator = new CardReaderSimulator(device);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'station-serial-'));
  dataDir = join(dir, 'data');
  hostLink = join(dir, 'reader-host');
  deviceLink = join(dir, 'reader-device');
  await plugIn();
  const reader = createSerialCardReader({
    id: 'door', name: 'Door reader', codec: 'em4100-ascii',
    createTransport: () => new SerialTransport({ path: hostLink, baudRate: 9600 }),
    livenessPath: hostLink,
  });
  station = await createStationService({ dataDir, readers: [reader], onWarning: () => {} });
  outcomes = [];
  statuses = [];
  station.events.on('checkIn', ({ deviceId, outcome }) => {
    expect(deviceId).toBe('door');
    outcomes.push(outcome);
  });
  station.events.on('deviceStatus', ({ devices }) => statuses.push(...devices));
  await waitUntil(() => reader.state === 'online', 'reader online');
  // The first open may be reported after subscribing; the tests look at what follows it.
  statuses.length = 0;
});

afterEach(async () => {
  await station.close();
  await device.close();
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A second, read-only connection: what is on disk, not what the service holds in memory. */
function rowsOnDisk() {
  const db = new Database(join(dataDir, 'station.db'), { readonly: true, fileMustExist: true });
  try {
    return {
      cards: db.prepare('SELECT id, visit_count FROM cards ORDER BY id').all() as { id: number; visit_count: number }[],
      visits: db.prepare('SELECT id, card_id, kind, source, device_id, left_ms IS NULL AS open FROM visits ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

describe('station service over a real serial reader', () => {
  it('logs simulator taps as visit rows in station.db, one visit per card inside the window', async () => {
    await simulator.tap('0040856634', 'em4100');
    await waitUntil(() => outcomes.length === 1, 'first check-in');
    await simulator.tap('3A6C6F02', 'em4100');
    await waitUntil(() => outcomes.length === 2, 'second check-in');
    // The first card again, in another rendering (8 hex): the same visit.
    await simulator.tap('026F6C3A', 'em4100');
    await waitUntil(() => outcomes.length === 3, 'repeat tap');

    expect(outcomes.map((o) => [o.kind, o.visitId])).toEqual([['welcome', 1], ['welcome', 2], ['already-here', 1]]);
    expect(rowsOnDisk()).toEqual({
      cards: [{ id: 1, visit_count: 1 }, { id: 2, visit_count: 1 }],
      visits: [
        { id: 1, card_id: 1, kind: 'member', source: 'reader', device_id: 'door', open: 1 },
        { id: 2, card_id: 2, kind: 'member', source: 'reader', device_id: 'door', open: 1 },
      ],
    });
    // Only keyed hashes reach the disk: neither rendering of the card number is in the file.
    const bytes = readFileSync(join(dataDir, 'station.db')).toString('latin1') + readFileSync(join(dataDir, 'station.db-wal')).toString('latin1');
    for (const text of ['0040856634', '026F6C3A', '026f6c3a', '3A6C6F02']) expect(bytes).not.toContain(text);
  });

  it('reports the reader offline when socat dies, and logs taps again after a new pair', async () => {
    process.kill(pair.pid ?? 0, 'SIGKILL');
    await waitUntil(() => statuses.some((s) => s.state === 'offline'), 'offline deviceStatus event', 2500);
    expect(statuses[0]).toMatchObject({ id: 'door', kind: 'card-reader', name: 'Door reader', simulated: false, state: 'offline' });
    const asked = await station.api.getDeviceStatus();
    expect(asked.ok && asked.value.map((s) => [s.id, s.state])).toEqual([['door', 'offline']]);
    await device.close();
    await pair.close();

    const replugAt = Date.now();
    await plugIn();
    await waitUntil(() => statuses.at(-1)?.state === 'online', 'online deviceStatus event', 5000);
    expect(Date.now() - replugAt).toBeLessThan(5000);
    await simulator.tap('0040856634', 'em4100');
    await waitUntil(() => outcomes.length === 1, 'check-in after replug', 5000);
    expect(outcomes[0]).toMatchObject({ kind: 'welcome', visitNumber: 1 });
    expect(statuses.map((s) => s.state)).toEqual(['offline', 'online']);
    expect(rowsOnDisk().visits).toHaveLength(1);
  });
});
