import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../common/contract';
import { low24, uid32 } from '../../hardware/card-id/normalise';
import { createStationService } from './station-service';
import type { TapFaultRecord, TapTimingRecord } from './tap-timing';
import { CardReaderDouble } from './testing/card-reader-double';
import { MINUTE } from './testing/check-in-fixture';
import { useTempDirs } from './testing/temp-dirs';

/** A read's check-in is saved at once; its event follows once the pending promise callbacks ran. */
const afterSaved = () => new Promise<void>((resolve) => process.nextTick(resolve));

const temp = useTempDirs('station-readers-');

async function startWith(readers: CardReaderDouble[]) {
  const clock = { ms: Date.UTC(2025, 5, 1, 8, 0) };
  const warnings: string[] = [];
  const service = await createStationService({ dataDir: temp.make(), readers, now: () => clock.ms, onWarning: (w) => warnings.push(w) });
  const seen: { event: EventName; payload: unknown }[] = [];
  for (const event of ['checkIn', 'cardError', 'deviceStatus'] as const) {
    service.events.on(event, (payload: EventPayload<typeof event>) => seen.push({ event, payload }));
  }
  return { service, clock, seen, warnings };
}

describe('station service with card readers', () => {
  it('starts every reader, and stops each exactly once however often close() is called', async () => {
    const door = new CardReaderDouble('door', 'Door reader');
    const desk = new CardReaderDouble('desk', 'Desk reader');
    const { service } = await startWith([door, desk]);
    expect([door.startCalls, desk.startCalls]).toEqual([1, 1]);
    expect(await service.api.getDeviceStatus()).toEqual({
      ok: true,
      value: [
        { id: 'door', kind: 'card-reader', name: 'Door reader', simulated: true, state: 'online', detail: '' },
        { id: 'desk', kind: 'card-reader', name: 'Desk reader', simulated: true, state: 'online', detail: '' },
      ],
    });
    await Promise.all([service.close(), service.close()]);
    await service.close();
    expect([door.stopCalls, desk.stopCalls]).toEqual([1, 1]);
  });

  it('with tap timing on, each read gives one record, stamped in order around the commit and the event', async () => {
    const door = new CardReaderDouble('door');
    const records: TapTimingRecord[] = [];
    let sentSeenAt = 0;
    const service = await createStationService({ dataDir: temp.make(), readers: [door], tapTiming: (r) => records.push(r) });
    service.events.on('checkIn', () => (sentSeenAt = performance.timeOrigin + performance.now()));
    try {
      door.tap(uid32(0x026f6c3a), '0040856634');
      await afterSaved();
      expect(records).toHaveLength(1);
      const [r] = records;
      expect(r?.visitId).toBe(1);
      expect(r!.decodedAtMs).toBeLessThanOrEqual(r!.committedAtMs);
      // "sent" is after every subscriber ran, this one included.
      expect(r!.committedAtMs).toBeLessThanOrEqual(sentSeenAt);
      expect(sentSeenAt).toBeLessThanOrEqual(r!.sentAtMs);
    } finally {
      await service.close();
    }
  });

  it('with tap timing on, every fault (rate-limited on screen or not) gives its chunk times as epoch ms', async () => {
    const door = new CardReaderDouble('door');
    const faults: TapFaultRecord[] = [];
    const sink = Object.assign(() => undefined, { fault: (r: TapFaultRecord) => faults.push(r) });
    const service = await createStationService({ dataDir: temp.make(), readers: [door], tapTiming: sink, onWarning: () => undefined });
    try {
      const timing = { chunks: [{ atMs: 10, bytes: 7, deafMs: 0 }], atMs: 111, deafMs: 1 };
      door.fault('truncated', 'frame stopped after 7 bytes', timing);
      door.fault('malformed', '7 bytes outside a frame', timing);
      door.fault('unsupported-format');
      const at = (ms: number) => performance.timeOrigin + ms;
      const record = { deviceId: 'door', chunks: [{ atMs: at(10), bytes: 7, deafMs: 0 }], atMs: at(111), deafMs: 1 };
      expect(faults).toEqual([{ ...record, reason: 'truncated' }, { ...record, reason: 'malformed' }]);
    } finally {
      await service.close();
    }
  });

  it('the checkIn event goes out before the tap\'s log line is written; closing at once still writes it', async () => {
    const door = new CardReaderDouble('door');
    const order: string[] = [];
    const line = (level: string) => (fields: object, message: string) => order.push(`${level} ${message} ${JSON.stringify(fields)}`);
    const log = { info: line('info'), warn: line('warn'), error: line('error') };
    const service = await createStationService({ dataDir: temp.make(), readers: [door], log, onWarning: () => undefined });
    service.events.on('checkIn', ({ outcome }) => order.push(`event ${outcome.kind}`));
    try {
      door.tap(uid32(0x026f6c3a), '0040856634');
      await afterSaved();
      expect(order).toEqual(['event welcome']);
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(order).toEqual(['event welcome', 'info check-in {"event":"check-in","source":"reader","deviceId":"door","outcome":"welcome","visitId":1}']);
      door.tap(uid32(0x11223344), '0287454020');
      await afterSaved();
    } finally {
      await service.close();
    }
    expect(order.slice(2)).toEqual(['event welcome', 'info check-in {"event":"check-in","source":"reader","deviceId":"door","outcome":"welcome","visitId":2}']);
  });

  it('a read becomes a check-in and a checkIn event with the exact outcome', async () => {
    const door = new CardReaderDouble('door');
    const { service, clock, seen } = await startWith([door]);
    try {
      door.tap(uid32(0x026f6c3a), '0040856634');
      clock.ms += 5 * MINUTE;
      door.tap(low24(0x6f6c3a), '111,27706');
      await afterSaved();
      expect(seen).toEqual([
        { event: 'checkIn', payload: { deviceId: 'door', outcome: { kind: 'welcome', visitId: 1, visitNumber: 1, needsCategory: true, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) } } },
        { event: 'checkIn', payload: { deviceId: 'door', outcome: { kind: 'already-here', visitId: 1, visitNumber: 1, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) } } },
      ]);
      // The wedge path shares the same visits.
      expect(await service.api.submitWedgeRead({ text: '026F6C3A' })).toMatchObject({ ok: true, value: { kind: 'already-here', visitId: 1 } });
    } finally {
      await service.close();
    }
  });

  it('faults become cardError at most once per second per reader', async () => {
    const door = new CardReaderDouble('door');
    const desk = new CardReaderDouble('desk');
    const { service, clock, seen, warnings } = await startWith([door, desk]);
    try {
      const t0 = clock.ms;
      door.fault('bad-checksum', 'checksum 00 should be 5B');
      clock.ms = t0 + 500;
      door.fault('truncated', 'frame stopped after 6 bytes: 02 30 30 34 30 38');
      desk.fault('unsupported-format');
      clock.ms = t0 + 999;
      door.fault('malformed');
      clock.ms = t0 + 1000;
      door.fault('unsupported-format');
      clock.ms = t0 + 1500;
      door.fault('oversize');
      expect(seen).toEqual([
        { event: 'cardError', payload: { deviceId: 'door', reason: 'unreadable' } },
        { event: 'cardError', payload: { deviceId: 'desk', reason: 'unsupported-format' } },
        { event: 'cardError', payload: { deviceId: 'door', reason: 'unsupported-format' } },
      ]);
      // Each one shown also leaves a line in the station log, with its detail.
      expect(warnings.filter((w) => w.startsWith('Card reader '))).toEqual([
        'Card reader door: bad-checksum (checksum 00 should be 5B)',
        'Card reader desk: unsupported-format',
        'Card reader door: unsupported-format',
      ]);
    } finally {
      await service.close();
    }
  });

  it('a reader state change sends deviceStatus with every device', async () => {
    const door = new CardReaderDouble('door', 'Door reader');
    const desk = new CardReaderDouble('desk', 'Desk reader');
    const { service, seen } = await startWith([door, desk]);
    try {
      desk.setState('offline', 'USB reader unplugged');
      expect(seen).toEqual([
        {
          event: 'deviceStatus',
          payload: {
            devices: [
              { id: 'door', kind: 'card-reader', name: 'Door reader', simulated: true, state: 'online', detail: '' },
              { id: 'desk', kind: 'card-reader', name: 'Desk reader', simulated: true, state: 'offline', detail: 'USB reader unplugged' },
            ],
          },
        },
      ]);
    } finally {
      await service.close();
    }
  });

  it('after close() reader events reach no one and write nothing', async () => {
    const door = new CardReaderDouble('door');
    const { service, seen } = await startWith([door]);
    await service.close();
    door.tap(uid32(1));
    door.fault('malformed');
    door.setState('degraded', 'x');
    await afterSaved();
    expect(seen).toEqual([]);
    expect(door.listenerCount('read') + door.listenerCount('fault') + door.listenerCount('state')).toBe(0);
  });

  it('a reader that fails to start is reported; the station still opens and the others work', async () => {
    const broken = new CardReaderDouble('broken');
    broken.failStart = 'port busy';
    const door = new CardReaderDouble('door');
    const { service, seen, warnings } = await startWith([broken, door]);
    try {
      expect(warnings).toEqual(['Reader broken could not start: port busy']);
      door.tap(uid32(5));
      await afterSaved();
      expect(seen).toEqual([{ event: 'checkIn', payload: { deviceId: 'door', outcome: { kind: 'welcome', visitId: 1, visitNumber: 1, needsCategory: true, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) } } }]);
    } finally {
      await service.close();
    }
  });
});
