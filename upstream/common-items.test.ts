/**
 * The cheaper check of the common kinds against zod: on valid items and on a mutation of every
 * field of them (each value swapped for a wrong type, a bound off by one, a fraction, a missing
 * or an extra key), it vouches for an item exactly when `upstreamItemSchema` accepts it.
 */
import { describe, expect, it } from 'vitest';
import { MAX_COUNT, MAX_DEVICE_ID_LENGTH, MAX_EPOCH_MS, MAX_HEARTBEAT_DEVICES, upstreamItemSchema } from '../common/upstream-wire';
import { commonValidItem } from './common-items';
import { heartbeatItem, hourlyItem, supplyAlertItem, wishItem } from './test-items';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const clone = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

const VALUES: Json[] = [-1, 0, 1.5, MAX_COUNT, MAX_COUNT + 1, MAX_EPOCH_MS, MAX_EPOCH_MS + 1, 2 ** 53, '1', '', 'x'.repeat(MAX_DEVICE_ID_LENGTH + 1), null, true, [], {},
  'card-reader', 'online', 'visits.hourly', 'device.health', '2026-03-02T09+08:00', '2026-03-02+08:00', '2026-03-02T9+08:00', 'st-1/visits.hourly/x', 'st 1/visits.hourly/x'];

/** Every variant of `value` with one thing changed: each leaf swapped for each of VALUES, each key dropped, a key added to each object. */
function* mutations(value: Json): Generator<Json> {
  yield* VALUES;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      for (const m of mutations(value[i]!)) yield value.map((v, j) => (j === i ? m : v));
      yield value.filter((_, j) => j !== i);
    }
    if (value.length > 0) yield [...value, value[0]!];
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      for (const m of mutations(value[key]!)) yield { ...value, [key]: m };
      const { [key]: _dropped, ...rest } = value;
      yield rest;
    }
    yield { ...value, extra: 1 };
    yield JSON.parse(`{${JSON.stringify(value).slice(1, -1)}${Object.keys(value).length > 0 ? ',' : ''}"__proto__":{}}`) as Json;
  }
}

const valid = [
  hourlyItem('st-1', 0),
  hourlyItem('st-1', 7, 0),
  hourlyItem('st-1', 3, MAX_COUNT),
  heartbeatItem('st-1', 0),
  heartbeatItem('st-1', 40),
  { ...heartbeatItem('st-1', 1), payload: { ...heartbeatItem('st-1', 1).payload, devices: [] } },
  {
    ...heartbeatItem('st-1', 2),
    payload: {
      ...heartbeatItem('st-1', 2).payload,
      devices: Array.from({ length: MAX_HEARTBEAT_DEVICES }, (_, i) => ({ id: 'd'.repeat(i === 0 ? MAX_DEVICE_ID_LENGTH : 3), kind: 'receipt-printer', state: 'degraded' })),
    },
  },
];

describe('the cheaper check of the common kinds', () => {
  it('vouches for valid visits.hourly and device.health items, and returns them as they are', () => {
    for (const item of valid) {
      expect(upstreamItemSchema.safeParse(item).success).toBe(true);
      expect(commonValidItem(clone(item))).toEqual(item);
    }
  });

  it('leaves every other kind to zod', () => {
    for (const item of [wishItem('st-1', 1, '谢谢'), supplyAlertItem('st-1', 1, 'opened', 2)]) {
      expect(upstreamItemSchema.safeParse(item).success).toBe(true);
      expect(commonValidItem(clone(item))).toBeUndefined();
    }
  });

  it('agrees with zod on a mutation of every field of them', () => {
    let tried = 0;
    let refused = 0;
    for (const item of valid.slice(0, 5)) {
      for (const mutated of mutations(clone(item))) {
        const zod = upstreamItemSchema.safeParse(mutated).success;
        tried += 1;
        if (!zod) refused += 1;
        if ((commonValidItem(mutated) !== undefined) !== zod) expect.fail(`zod ${zod ? 'accepts' : 'refuses'} ${JSON.stringify(mutated)}`);
      }
    }
    // Most mutations break the item; some (another valid count) do not: both sides are exercised.
    expect(tried).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(tried / 2);
    expect(refused).toBeLessThan(tried);
  });
});
