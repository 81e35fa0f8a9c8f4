/**
 * Arrival check-in: what a card tap, a guest button or a category choice does. Pure logic
 * over a {@link CheckInRepository}; each call is one transaction, committed (fsynced with
 * `synchronous=FULL`) before its outcome is returned.
 */
import type { CheckInOutcome, GuestCheckIn, WorkerCategory } from '../../common/domain';
import type { NormalisedCard } from '../../hardware/card-id/card-id';
import type { CardRecord, CheckInRepository, VisitRecord } from './check-in-repository';
import { localDayBounds } from './local-day';

const MINUTE_MS = 60_000;

/** The station settings that shape check-in. */
export interface CheckInSettings {
  /**
   * A tap less than this many minutes after the previous tap of the same card (measured
   * from that tap, not from arrival) is the same visit. 0 makes every tap a new visit.
   */
  readonly duplicateWindowMinutes: number;
  /** A tap inside the window, at least `minStayBeforeTapOutMinutes` after arrival, records leaving. */
  readonly tapOutEnabled: boolean;
  readonly minStayBeforeTapOutMinutes: number;
}

export interface CheckInDeps {
  readonly repo: CheckInRepository;
  /** Keyed hash of a canonical card id (`U…`, `L…`, `T:…`); raw ids go no further. */
  readonly hashCard: (canonical: string) => string;
  /** Wall clock, epoch ms. */
  readonly now: () => number;
  readonly settings: CheckInSettings;
  /** Whether the card (by id) holds a charging locker; such a card is not tapped out. Default never. */
  readonly holdsLocker?: (cardId: number) => boolean;
}

export type CategoryAnswer = 'ok' | 'not-found' | 'guest-visit';

export interface CheckIn {
  /** A card was read. `deviceId` names the reader (or `wedge`). */
  tapCard(card: NormalisedCard, source: 'reader' | 'wedge', deviceId: string): CheckInOutcome;
  /** A worker without a card; counts guest visits in the local day. */
  guestCheckIn(deviceId: string): GuestCheckIn;
  /** Remembers the worker's category on the card of `visitId`; `null` = skipped, do not ask again. */
  setWorkerCategory(visitId: number, category: WorkerCategory | null): CategoryAnswer;
  /** Counts an "I'm interested" on the join screen. */
  registerJoinInterest(from: 'attract' | 'guest'): void;
}

export function createCheckIn(deps: CheckInDeps): CheckIn {
  const { repo, hashCard, now, settings } = deps;
  const holdsLocker = deps.holdsLocker ?? (() => false);
  const windowMs = settings.duplicateWindowMinutes * MINUTE_MS;
  const minStayMs = settings.minStayBeforeTapOutMinutes * MINUTE_MS;

  /** Finds the stored card for a read, upgrading a 24-bit-only card when its full id shows up. */
  function resolveCard(card: NormalisedCard, atMs: number): CardRecord {
    if (card.kind === 'low24') {
      const hash24 = hashCard(card.low24);
      return repo.findCardByHash24(hash24, false) ?? repo.insertCard({ hash32: null, hash24, firstSeenMs: atMs });
    }
    const hash32 = hashCard(card.canonical);
    const known = repo.findCardByHash32(hash32);
    if (known) return known;
    if (card.kind === 'token') return repo.insertCard({ hash32, hash24: null, firstSeenMs: atMs });
    const hash24 = hashCard(card.low24);
    const partial = repo.findCardByHash24(hash24, true);
    if (partial) {
      repo.setCardHash32(partial.id, hash32);
      return { ...partial, hash32 };
    }
    return repo.insertCard({ hash32, hash24, firstSeenMs: atMs });
  }

  /** The outcome when the tap belongs to the card's latest visit, or null for a new visit. */
  function continueVisit(card: CardRecord, latest: VisitRecord, atMs: number): CheckInOutcome | null {
    // Negative when the clock went back: that still counts as "just now".
    const sinceLastTap = atMs - latest.lastTapMs;
    if (latest.leftMs !== null) {
      // A second tap right after tapping out repeats the goodbye instead of opening a visit.
      if (!settings.tapOutEnabled || sinceLastTap >= minStayMs) return null;
      repo.updateVisitTaps(latest.id, atMs, latest.leftMs);
      return { kind: 'goodbye', visitId: latest.id, dwellMinutes: dwellMinutes(latest.arrivedMs, latest.leftMs) };
    }
    if (windowMs <= 0 || sinceLastTap >= windowMs) return null;
    // Someone with a phone in a locker is not leaving yet: the tap is for the locker.
    if (settings.tapOutEnabled && atMs - latest.arrivedMs >= minStayMs && !holdsLocker(card.id)) {
      repo.updateVisitTaps(latest.id, atMs, atMs);
      return { kind: 'goodbye', visitId: latest.id, dwellMinutes: dwellMinutes(latest.arrivedMs, atMs) };
    }
    // Taking the new time even when it is earlier: later taps are measured on the clock as it is now.
    repo.updateVisitTaps(latest.id, atMs, null);
    return { kind: 'already-here', visitId: latest.id, visitNumber: Math.max(1, card.visitCount), category: card.category };
  }

  return {
    tapCard(read, source, deviceId) {
      return repo.transaction(() => {
        const atMs = now();
        const card = resolveCard(read, atMs);
        const latest = repo.latestVisitOfCard(card.id);
        const continued = latest ? continueVisit(card, latest, atMs) : null;
        if (continued) return continued;
        const visitId = repo.insertVisit({
          cardId: card.id,
          kind: 'member',
          arrivedMs: atMs,
          lastTapMs: atMs,
          leftMs: null,
          source,
          deviceId,
        });
        const visitNumber = repo.incrementVisitCount(card.id);
        return { kind: 'welcome', visitId, visitNumber, needsCategory: !card.categoryChosen, category: card.category };
      });
    },

    guestCheckIn(deviceId) {
      return repo.transaction(() => {
        const atMs = now();
        const visitId = repo.insertVisit({
          cardId: null,
          kind: 'guest',
          arrivedMs: atMs,
          lastTapMs: atMs,
          leftMs: null,
          source: 'guest',
          deviceId,
        });
        const { startMs, endMs } = localDayBounds(atMs);
        return { visitId, guestVisitsToday: repo.countVisits('guest', startMs, endMs) };
      });
    },

    setWorkerCategory(visitId, category) {
      return repo.transaction(() => {
        const visit = repo.findVisit(visitId);
        if (!visit) return 'not-found';
        if (visit.cardId === null) return 'guest-visit';
        repo.answerCategory(visit.cardId, category);
        return 'ok';
      });
    },

    registerJoinInterest(from) {
      repo.transaction(() => repo.insertEvent('join-interest', { from }, now()));
    },
  };
}

/** Whole minutes of a stay; never negative, even across a clock jump. */
function dwellMinutes(arrivedMs: number, leftMs: number): number {
  return Math.max(0, Math.floor((leftMs - arrivedMs) / MINUTE_MS));
}
