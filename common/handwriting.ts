/**
 * Handwriting input for the wish wall: strokes drawn on the pad go to the station's offline
 * recogniser and come back as candidate characters. Points are in the pad's own pixels,
 * (0, 0) top left; the service scales them, so pads of any size work.
 */
import * as z from 'zod/mini';
import { method, noInput } from './contract-method';

/** Bounds the service enforces on every request (the pad stays well inside them). */
export const HANDWRITING_LIMITS = {
  /** Pad side, pixels. */
  minSide: 16,
  maxSide: 4096,
  /** Strokes in one character (the most complex common characters have about 30). */
  maxStrokes: 64,
  /** Points in one stroke, after the pad drops points closer than a few pixels. */
  maxPointsPerStroke: 1024,
  /** Points in the whole request. */
  maxPoints: 8192,
  /** Candidates returned at most. */
  maxCandidates: 20,
} as const;

/** A point [x, y] in pad pixels; the service refuses points outside the pad. */
export const strokePointSchema = z.tuple([z.number(), z.number()]);

export const recogniseHandwritingInputSchema = z.object({
  /** Strokes in the order drawn, each the points of one pen-down to pen-up. */
  strokes: z
    .array(z.array(strokePointSchema).check(z.minLength(1), z.maxLength(HANDWRITING_LIMITS.maxPointsPerStroke)))
    .check(z.minLength(1), z.maxLength(HANDWRITING_LIMITS.maxStrokes)),
  width: z.int().check(z.gte(HANDWRITING_LIMITS.minSide), z.lte(HANDWRITING_LIMITS.maxSide)),
  height: z.int().check(z.gte(HANDWRITING_LIMITS.minSide), z.lte(HANDWRITING_LIMITS.maxSide)),
});
export type RecogniseHandwritingInput = z.infer<typeof recogniseHandwritingInputSchema>;

/** Likely characters for the strokes, most likely first (possibly none). */
export const handwritingCandidatesSchema = z.object({
  candidates: z.array(
    z.object({
      /** One character. */
      text: z.string(),
      /** The recogniser's own score; higher is likelier; only comparable within one answer. */
      score: z.number(),
    }),
  ),
});
export type HandwritingCandidates = z.infer<typeof handwritingCandidatesSchema>;

/**
 * Whether handwriting works on this station. `recogniser-missing`: the recogniser library or
 * its helper is not installed; `model-missing`: the character model file is not there. The
 * composer hides its handwriting key then and says why.
 */
export const handwritingAvailabilitySchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({ available: z.literal(false), reason: z.enum(['recogniser-missing', 'model-missing']) }),
]);
export type HandwritingAvailability = z.infer<typeof handwritingAvailabilitySchema>;

export const handwritingMethods = {
  /** Whether handwriting input works here (see the schema for the reasons it may not). */
  getHandwritingAvailability: method(noInput, handwritingAvailabilitySchema),
  /**
   * Candidates for one handwritten character. `invalid-argument` for strokes beyond the limits
   * or points outside the pad; `unavailable` where the recogniser is missing.
   */
  recogniseHandwriting: method(recogniseHandwritingInputSchema, handwritingCandidatesSchema),
} as const;
