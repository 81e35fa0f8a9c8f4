/**
 * What the station tells the steward console about its upstream link.
 */
import { z } from 'zod';

export const syncStateSchema = z.enum(['not-configured', 'idle', 'sending', 'backing-off', 'stopped']);

export const syncStatusSchema = z.object({
  /** `not-configured`: station.json names no collector, and nothing is sent. */
  state: syncStateSchema,
  /** Collector origin, e.g. `https://collector.example.org`; null when not configured. */
  collector: z.string().nullable(),
  /** Items waiting to be sent (rejected ones not included). */
  queueLength: z.number().int().min(0),
  /** When the oldest waiting item was made, epoch ms; null when the queue is empty. */
  oldestItemAtMs: z.number().int().nullable(),
  /** Items the collector refused as invalid; kept on the station, not resent. */
  rejectedItems: z.number().int().min(0),
  /** Last batch the collector answered, epoch ms (station clock). */
  lastSuccessAtMs: z.number().int().nullable(),
  /** Last failure (network, refusal), with the station-clock time it happened. */
  lastError: z.object({ atMs: z.number().int(), message: z.string().max(500) }).nullable(),
  /** Collector clock minus station clock, ms, from the last answer; null before any. */
  clockSkewMs: z.number().int().nullable(),
  /** When the next attempt is due while backing off, epoch ms. */
  nextAttemptAtMs: z.number().int().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
