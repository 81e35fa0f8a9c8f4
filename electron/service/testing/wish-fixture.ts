/**
 * The wish service over a real station database in a temp dir, with real check-ins (cards
 * and guests), a hand-driven clock and the steward access double, for tests.
 */
import { uid32 } from '../../../hardware/card-id/normalise';
import type { PostWishOutcome, WishCategory, WishSticker } from '../../../common/wishes';
import { createWishService, type WishService } from '../wishes/wish-service';
import type { WishSettings } from '../wishes/wish-settings';
import type { WordFilter } from '../wishes/word-filter';
import { useCheckInFixture, type CheckInFixture } from './check-in-fixture';
import { createStewardAccessDouble, type StewardAccessDouble } from './steward-access-double';

export const DEFAULT_WISH_SETTINGS: WishSettings = { maxLength: 140, perCardPerDay: 3, perGuestVisit: 2, moderation: 'immediate', passMinutes: 10 };

export interface WishFixture extends CheckInFixture {
  readonly wishes: WishService;
  readonly steward: StewardAccessDouble;
  /** Taps card `n` (a fresh visit or the same one) and returns its wish pass. */
  tap(n: number): string;
  /** A guest check-in's wish pass. */
  guest(): string;
  post(pass: string, text: string, category?: WishCategory, sticker?: WishSticker | null): PostWishOutcome;
}

export function useWishFixture(): (options?: { settings?: Partial<WishSettings>; filter?: WordFilter; now?: () => number; onHidden?: (uid: string, atMs: number) => void }) => WishFixture {
  const makeCheckIn = useCheckInFixture();
  return (options = {}) => {
    const base = makeCheckIn({ duplicateWindowMinutes: 0 });
    const steward = createStewardAccessDouble(base.db);
    const now = options.now ?? (() => base.clock.ms);
    const wishes = createWishService({
      db: base.db,
      settings: { ...DEFAULT_WISH_SETTINGS, ...options.settings },
      stewardAccess: steward,
      now,
      filter: options.filter,
      onHidden: options.onHidden,
    });
    const fixture: WishFixture = {
      ...base,
      wishes,
      steward,
      tap(n) {
        const outcome = base.checkIn.tapCard(uid32(0x02000000 + n), 'reader', 'door');
        if (outcome.kind === 'goodbye') throw new Error('unexpected tap-out');
        return wishes.issuePass(outcome.visitId);
      },
      guest: () => wishes.issuePass(base.checkIn.guestCheckIn('screen').visitId),
      post(pass, text, category = 'wish', sticker = null) {
        const result = wishes.post({ pass, category, text, sticker });
        if (!result.ok) throw new Error(`postWish failed: ${result.code} ${result.message}`);
        return result.value;
      },
    };
    return fixture;
  };
}
