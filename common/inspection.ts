/**
 * The steward console's inspection section: the "seven haves" (七有) standard every station
 * is built to, plus the daily checks, each pass or fail with a note.
 */
import * as z from 'zod/mini';
import { characters } from './character-limit';
import { method } from './contract-method';
import { withStewardSession } from './steward-session';

/** 有场地, 有标识, 有设施, 有宣传, 有服务, 有制度, 有成效 — in that order. */
export const SEVEN_HAVES = ['site', 'signage', 'facilities', 'publicity', 'service', 'rules', 'results'] as const;
/** Checked every day. */
export const DAILY_CHECKS = ['clean', 'water-dispenser', 'microwave', 'first-aid-kit'] as const;
export const INSPECTION_ITEMS = [...SEVEN_HAVES, ...DAILY_CHECKS] as const;

export const inspectionItemSchema = z.enum(INSPECTION_ITEMS);
export type InspectionItem = z.infer<typeof inspectionItemSchema>;

/** A result's note, in characters (grapheme clusters, as the composer counts). */
export const INSPECTION_NOTE_LIMIT = 300;

export const inspectionResultSchema = z.object({
  item: inspectionItemSchema,
  passed: z.boolean(),
  /** Up to INSPECTION_NOTE_LIMIT characters; null when there is nothing to add. */
  note: z.nullable(characters(INSPECTION_NOTE_LIMIT)),
});
export type InspectionResult = z.infer<typeof inspectionResultSchema>;

export const inspectionSchema = z.object({
  id: z.int().check(z.positive()),
  atMs: z.int(),
  stewardName: z.string(),
  failed: z.int().check(z.nonnegative()),
  /** In the order of INSPECTION_ITEMS. */
  results: z.array(inspectionResultSchema),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionMethods = {
  /** Records one inspection: every item exactly once (else `invalid-argument`); audited. */
  recordInspection: method(withStewardSession({ results: z.array(inspectionResultSchema) }), inspectionSchema),
  /** Inspections newest first (at most `limit`, default 30). */
  listInspections: method(withStewardSession({ limit: z.optional(z.int().check(z.gte(1), z.lte(500))) }), z.array(inspectionSchema)),
} as const;
