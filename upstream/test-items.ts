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
