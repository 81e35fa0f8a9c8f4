/**
 * The station → collector wire format, version 1. Both ends validate with these schemas;
 * `upstream/schema/*.json` is generated from them (`npm run upstream:schema`) and
 * `upstream/README.md` explains each field. Everything sent is a count or a device state:
 * no card number, card hash or personal data has a field to travel in.
 */
import * as z from 'zod';
import { deviceStatusSchema } from './domain';
import { decodeSketch, HLL_ENCODED_LENGTH, HLL_PRECISION } from './hyperloglog';
import { inspectionResultSchema, suppliesDailySchema, supplyAlertSchema, wishPostedSchema, wishRetractedSchema } from './upstream-records-wire';

/** The version this build writes and the only one its collector stores. */
export const UPSTREAM_SCHEMA_VERSION = 1;
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [UPSTREAM_SCHEMA_VERSION];
/** Items per batch the collector takes; more is a 413. */
export const MAX_ITEMS_PER_BATCH = 500;
/** Request body limit, bytes; larger is a 413 before any parsing. */
export const MAX_BATCH_BYTES = 1024 * 1024;

/** Station ids as in station.json: letters, digits, `_ . -`. */
export const stationIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const count = z.number().int().min(0).max(100_000_000);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/**
 * A closed local-time period: `[startMs, endMs)` epoch ms, and its label in the station's
 * own time, `YYYY-MM-DDTHH±hh:mm` (hour) or `YYYY-MM-DD±hh:mm` (day); the offset keeps the
 * two 01:00 hours of a DST change apart.
 */
export const periodSchema = z.strictObject({
  startMs: epochMs,
  endMs: epochMs,
  label: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2})?[+-]\d{2}:\d{2}$/),
});
export type Period = z.infer<typeof periodSchema>;

/** Member visits by the worker category their card holds now; `unanswered` = not chosen or skipped. */
export const categoryCountsSchema = z.strictObject({
  'food-delivery': count,
  courier: count,
  'ride-hailing': count,
  sanitation: count,
  other: count,
  unanswered: count,
});
export type CategoryCounts = z.infer<typeof categoryCountsSchema>;

/** Visits that began in the period. `uniqueMembers` counts distinct cards (a count only, never which). */
export const visitCountsSchema = z.strictObject({
  period: periodSchema,
  members: count,
  guests: count,
  uniqueMembers: count,
  /** Cards seen for the first time at this station in the period. */
  newMembers: count,
  byCategory: categoryCountsSchema,
});

export const visitsHourlySchema = visitCountsSchema;
export const visitsDailySchema = visitCountsSchema.extend({
  /** Index = local hour of day (0–23); on a 25-hour DST day the repeated hour adds into one slot. */
  byHour: z.array(z.strictObject({ members: count, guests: count })).length(24),
});

export const lockersDailySchema = z.strictObject({
  period: periodSchema,
  /** Sessions claimed in the period. */
  sessions: count,
  memberSessions: count,
  guestSessions: count,
  /** Sessions that ended in the period after the door had been shut on a phone. */
  completedSessions: count,
  /** Mean door-shut → ended time of `completedSessions`, seconds; null when there were none. */
  averageDurationSeconds: z.number().int().min(0).max(31_536_000).nullable(),
  /** Lockers marked faulty (by a steward or a jammed lock) in the period. */
  faults: count,
  /** Open commands the lock did not confirm. */
  openFailures: count,
});

export const deviceHealthSchema = z.strictObject({
  /** Start of the 5-minute slot this heartbeat stands for, epoch ms. */
  slotStartMs: epochMs,
  uptimeSeconds: z.number().int().min(0),
  devices: z
    .array(z.strictObject({ id: z.string().max(128), kind: deviceStatusSchema.shape.kind, state: deviceStatusSchema.shape.state }))
    .max(64),
  /** Outbox items waiting when the heartbeat was made (itself not counted). */
  outboxLength: count,
});

/**
 * The day's distinct card holders as a HyperLogLog sketch (common/hyperloglog.ts) of fleet
 * pseudonyms: HMAC of the canonical card id under the fleet key of `pseudonymPeriod` (the
 * local month). The collector merges the sketches of one month across stations and days into
 * district-wide unique workers (±1.6 % standard error); the registers reveal no card.
 */
export const workersDailySchema = z.strictObject({
  period: periodSchema,
  pseudonymPeriod: z.string().regex(/^\d{4}-\d{2}$/),
  precision: z.literal(HLL_PRECISION),
  /** 4,096 one-byte registers, base64. */
  registers: z
    .string()
    .length(HLL_ENCODED_LENGTH)
    .regex(/^[A-Za-z0-9+/]+=*$/)
    .refine((text) => decodeSketch(text) !== undefined, 'not a sketch: a register above 53'),
});

/**
 * Steward actions in the day, counted by action name (from the steward console's log, or the
 * lockers' audit on older stations); a name outside this pattern is counted as `other`.
 * Counts only: no reason, subject or who.
 */
export const stewardDailySchema = z.strictObject({
  period: periodSchema,
  total: count,
  byAction: z.record(z.string().regex(/^[a-z][a-z0-9._-]{0,59}$/), count).refine((r) => Object.keys(r).length <= 50, 'at most 50 actions'),
});

/** Idempotency key: `<stationId>/<kind>/<period label or slot or event id>`. */
export const itemKeySchema = z.string().min(3).max(200).regex(/^[A-Za-z0-9_.-]{1,64}\/[a-z.]+\/[A-Za-z0-9_.:+-]{1,100}$/);

const item = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
  z.strictObject({ key: itemKeySchema, kind: z.literal(kind), producedAtMs: epochMs, payload });

/** One summary. The collector stores an item once per key and answers later copies as duplicates. */
export const upstreamItemSchema = z.discriminatedUnion('kind', [
  item('visits.hourly', visitsHourlySchema),
  item('visits.daily', visitsDailySchema),
  item('lockers.daily', lockersDailySchema),
  item('device.health', deviceHealthSchema),
  item('workers.daily', workersDailySchema),
  item('steward.daily', stewardDailySchema),
  item('supplies.daily', suppliesDailySchema),
  item('supply.alert', supplyAlertSchema),
  item('inspection.result', inspectionResultSchema),
  item('wish.posted', wishPostedSchema),
  item('wish.retracted', wishRetractedSchema),
]);
export type UpstreamItem = z.infer<typeof upstreamItemSchema>;
export type UpstreamKind = UpstreamItem['kind'];
export const UPSTREAM_KINDS = upstreamItemSchema.options.map((o) => o.shape.kind.value) as readonly UpstreamKind[];

/**
 * `POST /v1/batches` body. Items are checked one by one, so a bad item is rejected alone;
 * a batch of an unknown `schemaVersion` is refused whole (422) before any item is read.
 */
export const batchSchema = z.strictObject({
  schemaVersion: z.literal(UPSTREAM_SCHEMA_VERSION),
  stationId: stationIdSchema,
  /** Station clock when sent, epoch ms; the collector reports the difference as skew. */
  sentAtMs: epochMs,
  items: z.array(upstreamItemSchema).min(1).max(MAX_ITEMS_PER_BATCH),
});
export type Batch = z.infer<typeof batchSchema>;

export const itemStatusSchema = z.enum(['accepted', 'duplicate', 'rejected']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

/** 200 answer: one result per item, in the batch's order. `accepted` and `duplicate` both mean "stored". */
export const batchResponseSchema = z.strictObject({
  schemaVersion: z.literal(UPSTREAM_SCHEMA_VERSION),
  /** Collector clock, epoch ms. */
  serverTimeMs: epochMs,
  results: z.array(z.strictObject({ key: z.string().max(200), status: itemStatusSchema, reason: z.string().max(300).optional() })),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

/** Why a whole request was refused; nothing of it was stored. */
export const REFUSAL_CODES = [
  'unsigned',
  'bad-signature',
  'unknown-station',
  'stale-timestamp',
  'replayed-nonce',
  'digest-mismatch',
  'malformed',
  'too-large',
  'unsupported-schema-version',
  'unavailable',
  'not-set',
] as const;
export const refusalSchema = z.strictObject({
  error: z.enum(REFUSAL_CODES),
  message: z.string().max(500),
  serverTimeMs: epochMs,
  supportedSchemaVersions: z.array(z.number().int()).optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;
