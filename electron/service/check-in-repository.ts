/**
 * What the check-in logic needs from storage. The SQLite implementation is
 * `storage/check-in-store.ts`; the logic itself (`check-in.ts`) never sees SQL.
 */
import type { WorkerCategory } from '../../common/domain';

/** A card as stored: keyed hashes only, never the number itself. */
export interface CardRecord {
  readonly id: number;
  /** HMAC of the full canonical id (uid32 or token); null while only 24 bits are known. */
  readonly hash32: string | null;
  /** HMAC of the low 24 bits; null for token cards. */
  readonly hash24: string | null;
  readonly category: WorkerCategory | null;
  /** True once a category was chosen or the question skipped: never ask again. */
  readonly categoryChosen: boolean;
  /** Epoch ms of the first tap. */
  readonly firstSeenMs: number;
  /** Visits of this card at this station, the current one included. */
  readonly visitCount: number;
}

export type VisitKind = 'member' | 'guest';
export type VisitSource = 'reader' | 'wedge' | 'guest';

export interface VisitRecord {
  readonly id: number;
  /** Null for guest visits. */
  readonly cardId: number | null;
  readonly kind: VisitKind;
  /** Epoch ms of the tap that started the visit. */
  readonly arrivedMs: number;
  /** Epoch ms of the latest tap that belonged to this visit. */
  readonly lastTapMs: number;
  /** Epoch ms of the tap-out; null while open (or when tap-out is off). */
  readonly leftMs: number | null;
  readonly source: VisitSource;
  readonly deviceId: string;
}

/**
 * Storage for check-in. All writes made inside {@link CheckInRepository.transaction} are
 * committed durably (fsynced) when it returns, or none of them are.
 */
export interface CheckInRepository {
  transaction<T>(fn: () => T): T;
  findCard(cardId: number): CardRecord | undefined;
  findCardByHash32(hash32: string): CardRecord | undefined;
  /**
   * A card with this low-24 hash: the one whose latest visit started most recently when
   * several share it. `withoutHash32Only` limits the search to cards never read in full.
   */
  findCardByHash24(hash24: string, withoutHash32Only: boolean): CardRecord | undefined;
  insertCard(card: { hash32: string | null; hash24: string | null; firstSeenMs: number }): CardRecord;
  setCardHash32(cardId: number, hash32: string): void;
  /** Adds one visit to the card; returns the new count. */
  incrementVisitCount(cardId: number): number;
  /** Marks the category question answered; `null` keeps any category already stored. */
  answerCategory(cardId: number, category: WorkerCategory | null): void;
  findVisit(visitId: number): VisitRecord | undefined;
  latestVisitOfCard(cardId: number): VisitRecord | undefined;
  insertVisit(visit: Omit<VisitRecord, 'id'>): number;
  updateVisitTaps(visitId: number, lastTapMs: number, leftMs: number | null): void;
  /** Visits of `kind` that arrived in [fromMs, toMs). */
  countVisits(kind: VisitKind, fromMs: number, toMs: number): number;
  /** `detail` is serialised to JSON. */
  insertEvent(kind: string, detail: Record<string, unknown>, atMs: number): number;
}
