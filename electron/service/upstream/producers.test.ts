/**
 * Producers over a real SQLite file: visits checked in through the real check-in code, and
 * locker rows written into the real tables, come out as exactly these summary items, once
 * per period, in local time (UTC+8 here), and not again after a restart.
 */
import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../testing/time-zone';
import { uid32 } from '../../../hardware/card-id/normalise';
import { MINUTE, useCheckInFixture } from '../testing/check-in-fixture';
import { createOutboxStore } from './outbox-store';
import { periodContaining, SLOT_MS } from './periods';
import { createProducers } from './producers';
import { createSummaries } from './summaries';

const HOUR = 60 * MINUTE;
useTimeZone('Asia/Shanghai');

/** 2026-03-02 09:00 in Beijing. */
const NINE = Date.UTC(2026, 2, 2, 1, 0);
const fixture = useCheckInFixture();
const zeros = { 'food-delivery': 0, courier: 0, 'ride-hailing': 0, sanitation: 0, other: 0, unanswered: 0 };

function setUp() {
  const f = fixture({}, NINE + 10 * MINUTE);
  const outbox = createOutboxStore(f.db);
  const make = () => createProducers({ stationId: 'st-1', outbox, summaries: createSummaries(f.db) });
  return { f, outbox, producers: make(), make };
}

describe('upstream producers', () => {
  it('writes one visits.hourly item per closed local hour, counting members, guests, categories and distinct cards', () => {
    const { f, outbox, producers, make } = setUp();
    const a = f.checkIn.tapCard(uid32(0x026f6c3a), 'reader', 'door');
    if (a.kind !== 'welcome') throw new Error(a.kind);
    f.checkIn.setWorkerCategory(a.visitId, 'courier');
    f.clock.ms = NINE + 20 * MINUTE;
    f.checkIn.tapCard(uid32(0x11223344), 'reader', 'door');
    f.checkIn.guestCheckIn('screen');
    f.clock.ms = NINE + 55 * MINUTE; // same card again, past the 30-minute window: a second visit, one worker
    f.checkIn.tapCard(uid32(0x026f6c3a), 'reader', 'door');
    f.clock.ms = NINE + HOUR + 5 * MINUTE;
    f.checkIn.guestCheckIn('screen');

    expect(producers.produceClosedPeriods(NINE + HOUR - 1)).toBe(0);
    expect(producers.produceClosedPeriods(NINE + 2 * HOUR)).toBe(2);
    const items = outbox.pending(10).map((e) => e.item);
    expect(items).toEqual([
      {
        key: 'st-1/visits.hourly/2026-03-02T09+08:00',
        kind: 'visits.hourly',
        producedAtMs: NINE + 2 * HOUR,
        payload: {
          period: { startMs: NINE, endMs: NINE + HOUR, label: '2026-03-02T09+08:00' },
          members: 3, guests: 1, uniqueMembers: 2, newMembers: 2,
          byCategory: { ...zeros, courier: 2, unanswered: 1 },
        },
      },
      {
        key: 'st-1/visits.hourly/2026-03-02T10+08:00',
        kind: 'visits.hourly',
        producedAtMs: NINE + 2 * HOUR,
        payload: {
          period: { startMs: NINE + HOUR, endMs: NINE + 2 * HOUR, label: '2026-03-02T10+08:00' },
          members: 0, guests: 1, uniqueMembers: 0, newMembers: 0, byCategory: zeros,
        },
      },
    ]);
    // Again, and after a restart (new producers on the same file): nothing twice.
    expect(producers.produceClosedPeriods(NINE + 2 * HOUR + 30 * MINUTE)).toBe(0);
    expect(make().produceClosedPeriods(NINE + 2 * HOUR + 30 * MINUTE)).toBe(0);
    expect(outbox.stats()).toEqual({ pending: 2, rejected: 0, oldestPendingMs: NINE + 2 * HOUR });
  });

  it('at local midnight writes visits.daily with 24 hour slots and lockers.daily; a station off over midnight catches up', () => {
    const { f, outbox, producers } = setUp();
    f.checkIn.tapCard(uid32(0x026f6c3a), 'reader', 'door');
    f.clock.ms = NINE + 8 * HOUR; // 17:00
    f.checkIn.guestCheckIn('screen');
    f.db.exec(`
      INSERT INTO lockers (number, bus_id, board, lock, cable) VALUES (1, 'wall-a', 1, 1, 'usb-c'), (2, 'wall-a', 1, 2, 'usb-c');
      INSERT INTO locker_sessions (locker_number, holder, card_id, state, claimed_ms, started_ms, due_ms, ended_ms, end_reason)
        VALUES (1, 'member', 1, 'ended', ${NINE + 11 * MINUTE}, ${NINE + 12 * MINUTE}, 0, ${NINE + 72 * MINUTE}, 'retrieved');
      INSERT INTO locker_sessions (locker_number, holder, code_hash, state, claimed_ms, started_ms, due_ms, ended_ms, end_reason)
        VALUES (2, 'guest', '${'c'.repeat(64)}', 'ended', ${NINE + 8 * HOUR}, ${NINE + 8 * HOUR + MINUTE}, 0, ${NINE + 8 * HOUR + 31 * MINUTE}, 'retrieved');
      INSERT INTO locker_events (at_ms, kind, locker_number, detail) VALUES
        (${NINE + 3 * HOUR}, 'open-failed', 2, '{}'), (${NINE + 3 * HOUR}, 'marked-faulty', 2, '{}'), (${NINE + 15 * HOUR + 1}, 'marked-faulty', 1, '{}');
    `);
    // Off from 17:00 until 02:00 the next day; on start it writes what closed meanwhile.
    const nextDay = NINE + 15 * HOUR; // 2026-03-03 00:00
    producers.produceClosedPeriods(nextDay + 2 * HOUR);
    const items = outbox.pending(100).map((e) => e.item);
    expect(items.filter((i) => i.kind === 'visits.hourly').map((i) => i.key.split('/')[2])).toEqual(
      [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map((h) => `2026-03-02T${String(h).padStart(2, "0")}+08:00`).concat(['2026-03-03T00+08:00', '2026-03-03T01+08:00']),
    );
    const daily = items.find((i) => i.kind === 'visits.daily');
    const byHour = Array.from({ length: 24 }, () => ({ members: 0, guests: 0 }));
    byHour[9] = { members: 1, guests: 0 };
    byHour[17] = { members: 0, guests: 1 };
    expect(daily).toEqual({
      key: 'st-1/visits.daily/2026-03-02+08:00',
      kind: 'visits.daily',
      producedAtMs: nextDay + 2 * HOUR,
      payload: {
        period: { startMs: NINE - 9 * HOUR, endMs: nextDay, label: '2026-03-02+08:00' },
        members: 1, guests: 1, uniqueMembers: 1, newMembers: 1, byCategory: { ...zeros, unanswered: 1 }, byHour,
      },
    });
    expect(items.filter((i) => i.kind === 'lockers.daily')).toEqual([{
      key: 'st-1/lockers.daily/2026-03-02+08:00',
      kind: 'lockers.daily',
      producedAtMs: nextDay + 2 * HOUR,
      payload: {
        period: { startMs: NINE - 9 * HOUR, endMs: nextDay, label: '2026-03-02+08:00' },
        sessions: 2, memberSessions: 1, guestSessions: 1, completedSessions: 2,
        averageDurationSeconds: (60 * 60 + 30 * 60) / 2, faults: 1, openFailures: 1,
      },
    }]);
  });

  it('writes one device.health heartbeat per 5-minute slot, device states only', () => {
    const { outbox, producers } = setUp();
    const devices = [{ id: 'door', kind: 'card-reader' as const, state: 'offline' as const }];
    expect(producers.produceHeartbeat(NINE + 10 * MINUTE + 1, { uptimeSeconds: 7, devices })).toBe(true);
    expect(producers.produceHeartbeat(NINE + 14 * MINUTE, { uptimeSeconds: 9, devices })).toBe(false);
    expect(producers.produceHeartbeat(NINE + 15 * MINUTE, { uptimeSeconds: 300, devices })).toBe(true);
    expect(outbox.pending(10).map((e) => e.item)).toEqual([
      { key: `st-1/device.health/${NINE + 10 * MINUTE}`, kind: 'device.health', producedAtMs: NINE + 10 * MINUTE + 1, payload: { slotStartMs: NINE + 10 * MINUTE, uptimeSeconds: 7, devices, outboxLength: 0 } },
      { key: `st-1/device.health/${NINE + 15 * MINUTE}`, kind: 'device.health', producedAtMs: NINE + 15 * MINUTE, payload: { slotStartMs: NINE + 15 * MINUTE, uptimeSeconds: 300, devices, outboxLength: 1 } },
    ]);
    expect(SLOT_MS).toBe(5 * MINUTE);
  });
});

describe('local periods', () => {
  it('label the repeated hour of a DST change apart, and a 25-hour day is one day', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // 2026-11-01: 01:00–02:00 happens twice (EDT, then EST).
      const first = periodContaining('hour', Date.UTC(2026, 10, 1, 5, 30));
      const second = periodContaining('hour', Date.UTC(2026, 10, 1, 6, 30));
      expect([first.label, second.label]).toEqual(['2026-11-01T01-04:00', '2026-11-01T01-05:00']);
      expect(second.startMs).toBe(first.endMs);
      const day = periodContaining('day', Date.UTC(2026, 10, 1, 12));
      expect({ label: day.label, hours: (day.endMs - day.startMs) / HOUR }).toEqual({ label: '2026-11-01-04:00', hours: 25 });
    } finally {
      process.env.TZ = saved;
    }
  });
});
