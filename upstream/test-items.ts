/**
 * Valid wire items for collector tests and the bench.
 */
import type { UpstreamItem } from '../common/upstream-wire';

const HOUR_MS = 3_600_000;
/** 2026-03-02 00:00 in UTC+8. */
export const DAY_START_MS = Date.UTC(2026, 2, 1, 16, 0);

/** The visits.hourly item of hour `n` counted from {@link DAY_START_MS} (any n ≥ 0). */
export function hourlyItem(stationId: string, n: number, members = 1): UpstreamItem {
  const startMs = DAY_START_MS + n * HOUR_MS;
  const local = new Date(startMs + 8 * HOUR_MS).toISOString().slice(0, 13);
  return {
    key: `${stationId}/visits.hourly/${local}+08:00`,
    kind: 'visits.hourly',
    producedAtMs: startMs + HOUR_MS,
    payload: {
      period: { startMs, endMs: startMs + HOUR_MS, label: `${local}+08:00` },
      members,
      guests: 1,
      uniqueMembers: members,
      newMembers: 0,
      byCategory: { 'food-delivery': members, courier: 0, 'ride-hailing': 0, sanitation: 0, other: 0, unanswered: 0 },
    },
  };
}

/** The device.health heartbeat of 5-minute slot `n` counted from {@link DAY_START_MS} (any n ≥ 0). */
export function heartbeatItem(stationId: string, n: number): UpstreamItem {
  const slotStartMs = DAY_START_MS + n * 300_000;
  return {
    key: `${stationId}/device.health/${slotStartMs}`,
    kind: 'device.health',
    producedAtMs: slotStartMs + 1_000,
    payload: {
      slotStartMs,
      uptimeSeconds: 86_400 + n * 300,
      devices: [
        { id: 'card-reader', kind: 'card-reader', state: 'online' },
        { id: 'lockers-1', kind: 'locker-bus', state: 'online' },
      ],
      outboxLength: 0,
    },
  };
}

/** One station's hour as it posts it: the hour's visits.hourly and its 12 heartbeats (13 items). */
export function hourBatch(stationId: string, hour: number): UpstreamItem[] {
  return [hourlyItem(stationId, hour), ...Array.from({ length: 12 }, (_, i) => heartbeatItem(stationId, hour * 12 + i))];
}
