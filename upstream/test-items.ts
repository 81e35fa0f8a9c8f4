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

/** A `wish.posted` item: note `n` of the station (its uid is `n` in hex, padded). */
export function wishItem(stationId: string, n: number, text: string, category: 'wish' | 'thanks' | 'suggestion' | 'help' = 'wish'): UpstreamItem {
  const wishId = n.toString(16).padStart(32, '0');
  return {
    key: `${stationId}/wish.posted/${wishId}`, kind: 'wish.posted', producedAtMs: DAY_START_MS + 10 * HOUR_MS,
    payload: { wishId, category, text, sticker: null, postedAtMs: DAY_START_MS + 9 * HOUR_MS + n * 60_000 },
  };
}

/** A `supply.alert` item for alert `alertId` of bottled water. */
export function supplyAlertItem(stationId: string, alertId: number, change: 'opened' | 'cleared', stock: number): UpstreamItem {
  return {
    key: `${stationId}/supply.alert/${alertId}.${change}`, kind: 'supply.alert', producedAtMs: DAY_START_MS + 11 * HOUR_MS,
    payload: {
      alertId, change, atMs: DAY_START_MS + 10 * HOUR_MS + alertId * 60_000, stock, lowAt: 5,
      item: { itemId: alertId, name: { 'zh-CN': `矿泉水${alertId}`, en: `Water ${alertId}` }, unit: { 'zh-CN': '瓶', en: 'bottles' } },
    },
  };
}

/** An `inspection.result` item with the microwave failed (note given) and everything else passed. */
export function inspectionItem(stationId: string, inspectionId: number, note: string): UpstreamItem {
  const items = ['site', 'signage', 'facilities', 'publicity', 'service', 'rules', 'results', 'clean', 'water-dispenser', 'microwave', 'first-aid-kit'] as const;
  return {
    key: `${stationId}/inspection.result/${inspectionId}`, kind: 'inspection.result', producedAtMs: DAY_START_MS + 12 * HOUR_MS,
    payload: {
      inspectionId, atMs: DAY_START_MS + 11 * HOUR_MS, failed: 1,
      results: items.map((item) => ({ item, passed: item !== 'microwave', note: item === 'microwave' ? note : null })),
    },
  };
}

/** The visits.daily item of the local day starting at {@link DAY_START_MS} (2026-03-02, UTC+8). */
export function dailyItem(stationId: string, members: number, guests: number): UpstreamItem {
  return {
    key: `${stationId}/visits.daily/2026-03-02+08:00`, kind: 'visits.daily', producedAtMs: DAY_START_MS + 24 * HOUR_MS,
    payload: {
      period: { startMs: DAY_START_MS, endMs: DAY_START_MS + 24 * HOUR_MS, label: '2026-03-02+08:00' },
      members, guests, uniqueMembers: members, newMembers: 0,
      byCategory: { 'food-delivery': members, courier: 0, 'ride-hailing': 0, sanitation: 0, other: 0, unanswered: 0 },
      byHour: Array.from({ length: 24 }, (_, h) => (h === 9 ? { members, guests } : { members: 0, guests: 0 })),
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
