/**
 * What the station tells the steward console about its upstream link.
 */
import * as z from 'zod/mini';
import { method, noInput } from './contract-method';

export const syncStateSchema = z.enum(['not-configured', 'idle', 'sending', 'backing-off', 'stopped']);

/** One kind of configuration pulled down from the collector (notices, stewards, words, wish replies). */
export const pullStatusSchema = z.object({
  kind: z.enum(['notices', 'stewards', 'words', 'wish-replies']),
  /** ETag of the document in force; null before the first one was applied. */
  etag: z.nullable(z.string()),
  /** Last download that ended well (applied, unchanged 304, or not set by the district), epoch ms. */
  lastPullAtMs: z.nullable(z.int()),
  /** When the document in force was applied, epoch ms. */
  lastChangeAtMs: z.nullable(z.int()),
  /** Why the last download was not applied (the configuration in force was kept), or why the kind is not pulled. */
  lastError: z.nullable(z.object({ atMs: z.int(), message: z.string().check(z.maxLength(500)) })),
  /** When the next download is due, epoch ms; null when this kind is not pulled. */
  nextPullAtMs: z.nullable(z.int()),
});
export type PullStatus = z.infer<typeof pullStatusSchema>;

export const syncStatusSchema = z.object({
  /** `not-configured`: station.json names no collector, and nothing is sent. */
  state: syncStateSchema,
  /** Collector origin, e.g. `https://collector.example.org`; null when not configured. */
  collector: z.nullable(z.string()),
  /** Items waiting to be sent (rejected ones not included). */
  queueLength: z.int().check(z.gte(0)),
  /** When the oldest waiting item was made, epoch ms; null when the queue is empty. */
  oldestItemAtMs: z.nullable(z.int()),
  /** Items the collector refused as invalid; kept on the station, not resent. */
  rejectedItems: z.int().check(z.gte(0)),
  /** Last batch the collector answered, epoch ms (station clock). */
  lastSuccessAtMs: z.nullable(z.int()),
  /** Last failure (network, refusal), with the station-clock time it happened. */
  lastError: z.nullable(z.object({ atMs: z.int(), message: z.string().check(z.maxLength(500)) })),
  /** Collector clock minus station clock, ms, from the last answer; null before any. */
  clockSkewMs: z.nullable(z.int()),
  /** When the next attempt is due while backing off, epoch ms. */
  nextAttemptAtMs: z.nullable(z.int()),
  /** The configuration pulled down, per kind; empty when not configured. */
  pulls: z.array(pullStatusSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The upstream capability's section of the station contract (see `contract.ts`). */
export const upstreamMethods = {
  /** The upstream link: queue length, oldest item, last success and error; `not-configured` without a collector. */
  getSyncStatus: method(noInput, syncStatusSchema),
} as const;
