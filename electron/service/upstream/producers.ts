/**
 * Producers: turn closed periods into outbox items. Each producer keeps a cursor (the end
 * of the last period it wrote) in the same transaction as the items, so a restart, a power
 * cut or a station that was off over midnight writes every closed period exactly once.
 *
 * To add a kind: give it a wire schema in `common/upstream-wire.ts`, then a producer here
 * (a period unit and a payload function) or an `enqueue` in the transaction of its fact.
 */
import type { DeviceStatus } from '../../../common/domain';
import type { UpstreamItem } from '../../../common/upstream-wire';
import type { OutboxStore } from './outbox-store';
import { periodContaining, slotStart, type PeriodUnit } from './periods';
import type { Summaries } from './summaries';
import type { StewardSummaries } from './steward-summaries';
import type { WorkerSketches } from './worker-sketches';
import { encodeSketch, HLL_PRECISION } from '../../../common/hyperloglog';
import type { RecordEvents } from './record-events';
import type { SupplyLevels } from './supply-levels';

/** Periods written per transaction: one fsync per chunk keeps a long catch-up quick. */
const PERIODS_PER_TRANSACTION = 500;

type PeriodKind = 'visits.hourly' | 'visits.daily' | 'lockers.daily' | 'workers.daily' | 'steward.daily' | 'supplies.daily';

interface PeriodProducer {
  readonly kind: PeriodKind;
  readonly unit: PeriodUnit;
  /** Where a first run starts: the earliest fact this producer summarises. */
  readonly firstFact: (facts: ReturnType<Summaries['firstFacts']>) => number | null;
  readonly item: (key: string, startMs: number, producedAtMs: number) => UpstreamItem;
}

export interface Producers {
  /** Writes every period closed by `nowMs` that is not yet written. Returns how many items were added. */
  produceClosedPeriods(nowMs: number): number;
  /** Writes the heartbeat of the 5-minute slot containing `nowMs` (once per slot). */
  produceHeartbeat(nowMs: number, health: { uptimeSeconds: number; devices: readonly Pick<DeviceStatus, 'id' | 'kind' | 'state'>[] }): boolean;
}

export interface ProducersDeps {
  readonly stationId: string;
  readonly outbox: OutboxStore;
  readonly summaries: Summaries;
  /** With a fleet key: the day sketches `workers.daily` is made from; without, that kind is not produced. */
  readonly workerSketches?: WorkerSketches;
  /** Where the station keeps a steward audit: `steward.daily` is made from it; without, not produced. */
  readonly stewardSummaries?: StewardSummaries;
  /** Supply levels for `supplies.daily`; without, not produced. */
  readonly supplyLevels?: SupplyLevels;
  /** Supply alerts, inspections and wall notes, one item per fact; run with the periods. */
  readonly recordEvents?: RecordEvents;
}

export function createProducers(deps: ProducersDeps): Producers {
  const { stationId, outbox, summaries, workerSketches, stewardSummaries, supplyLevels, recordEvents } = deps;
  const keyOf = (kind: string, label: string) => `${stationId}/${kind}/${label}`;

  const producers: PeriodProducer[] = [
    {
      kind: 'visits.hourly',
      unit: 'hour',
      firstFact: (f) => f.visitMs,
      item: (key, startMs, producedAtMs) => ({
        key, kind: 'visits.hourly', producedAtMs, payload: summaries.visits(periodContaining('hour', startMs)),
      }),
    },
    {
      kind: 'visits.daily',
      unit: 'day',
      firstFact: (f) => f.visitMs,
      item: (key, startMs, producedAtMs) => {
        const period = periodContaining('day', startMs);
        return { key, kind: 'visits.daily', producedAtMs, payload: { ...summaries.visits(period), byHour: summaries.visitsByHour(period) } };
      },
    },
    {
      kind: 'lockers.daily',
      unit: 'day',
      firstFact: (f) => f.lockerMs,
      item: (key, startMs, producedAtMs) => {
        const period = periodContaining('day', startMs);
        return { key, kind: 'lockers.daily', producedAtMs, payload: { period, ...summaries.lockers(period) } };
      },
    },
  ];
  if (workerSketches) {
    producers.push({
      kind: 'workers.daily',
      unit: 'day',
      firstFact: (f) => f.visitMs,
      item: (key, startMs, producedAtMs) => {
        const period = periodContaining('day', startMs);
        const sketch = workerSketches.sketchOf(period.label, startMs);
        return {
          key, kind: 'workers.daily', producedAtMs,
          payload: { period, pseudonymPeriod: sketch.pseudonymPeriod, precision: HLL_PRECISION, registers: encodeSketch(sketch.registers) },
        };
      },
    });
  }

  if (stewardSummaries) {
    producers.push({
      kind: 'steward.daily',
      unit: 'day',
      firstFact: () => stewardSummaries.firstActionMs(),
      item: (key, startMs, producedAtMs) => {
        const period = periodContaining('day', startMs);
        const byAction = stewardSummaries.actions(period);
        return { key, kind: 'steward.daily', producedAtMs, payload: { period, total: Object.values(byAction).reduce((a, b) => a + b, 0), byAction } };
      },
    });
  }

  if (supplyLevels) {
    producers.push({
      kind: 'supplies.daily',
      unit: 'day',
      firstFact: () => supplyLevels.firstRecordMs(),
      item: (key, startMs, producedAtMs) => {
        const period = periodContaining('day', startMs);
        return { key, kind: 'supplies.daily', producedAtMs, payload: { period, items: supplyLevels.at(period) } };
      },
    });
  }

  const runOne = (producer: PeriodProducer, nowMs: number): number => {
    let from = outbox.cursor(producer.kind);
    if (from === undefined) {
      // First run: back to the first fact, or the current period when there is none yet.
      const first = producer.firstFact(summaries.firstFacts()) ?? nowMs;
      from = periodContaining(producer.unit, Math.min(first, nowMs)).startMs;
      outbox.setCursor(producer.kind, from);
    }
    let added = 0;
    let cursor = from;
    while (periodContaining(producer.unit, cursor).endMs <= nowMs) {
      cursor = outbox.transaction(() => {
        let at = cursor;
        for (let i = 0; i < PERIODS_PER_TRANSACTION; i++) {
          const period = periodContaining(producer.unit, at);
          if (period.endMs > nowMs) break;
          if (outbox.enqueue(producer.item(keyOf(producer.kind, period.label), period.startMs, nowMs))) added += 1;
          at = period.endMs;
        }
        outbox.setCursor(producer.kind, at);
        return at;
      });
    }
    return added;
  };

  return {
    produceClosedPeriods: (nowMs) =>
      producers.reduce((sum, producer) => sum + runOne(producer, nowMs), 0) + (recordEvents?.produce(nowMs) ?? 0),
    produceHeartbeat: (nowMs, health) => {
      const slot = slotStart(nowMs);
      return outbox.enqueue({
        key: keyOf('device.health', String(slot)),
        kind: 'device.health',
        producedAtMs: nowMs,
        payload: {
          slotStartMs: slot,
          uptimeSeconds: health.uptimeSeconds,
          devices: health.devices.slice(0, 64).map((d) => ({ id: d.id.slice(0, 128), kind: d.kind, state: d.state })),
          outboxLength: outbox.stats().pending,
        },
      });
    },
  };
}
