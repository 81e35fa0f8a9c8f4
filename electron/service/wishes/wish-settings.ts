/** The `wishes` field of station.json: the wish wall's limits and its first moderation mode. */
import * as z from 'zod';

export const wishSettingsSchema = z.strictObject({
  /** Longest note, characters (grapheme clusters). Default 140. */
  maxLength: z.number().int().min(10).max(500),
  /** Notes one card may post per local day (held ones count). Default 3. */
  perCardPerDay: z.number().int().min(1).max(50),
  /** Notes one guest check-in may post. Default 2. */
  perGuestVisit: z.number().int().min(1).max(20),
  /**
   * `immediate`: notes reach the wall at once (word-list hits still wait for a steward);
   * `approval`: every note waits. A steward's choice in the console overrides this.
   */
  moderation: z.enum(['immediate', 'approval']),
  /** Minutes a wish pass from a check-in stays valid for posting and "me too". Default 10. */
  passMinutes: z.number().int().min(1).max(60),
});
export type WishSettings = z.infer<typeof wishSettingsSchema>;
