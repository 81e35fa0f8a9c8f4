/**
 * Charging lockers: claim, retrieve, steward actions and what the screens and stewards see.
 * Sessions, door events, faults and steward actions are written to SQLite as they happen;
 * door readings from the buses move sessions on (see door-watch.ts). Card passes live only
 * in memory; pickup codes only as keyed hashes.
 *
 * Which locker a claim gets: the lowest-numbered free, working, enabled locker with the
 * cable on a reachable bus. Predictable for stewards restocking cables and for installers
 * testing; wear is spread by use anyway, since low numbers are busy when traffic is high.
 */
import type { Database } from 'better-sqlite3';
import type { StationEventBus } from '../../service-contract';
import type { DeviceStatus } from '../../../common/domain';
import type { ClaimOutcome, HeldLocker, LockerAvailability, LockerView, RecoverPickupCodeOutcome, RetrieveOutcome } from '../../../common/lockers';
import { stationMethods, type MethodInput, type MethodOutput } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { Clock } from '../../../hardware/drivers/clock';
import type { LockerBus, OpenFailureReason, OpenOutcome } from '../../../hardware/drivers/locker-bus/locker-bus';
import { timingSafeEqual } from 'node:crypto';
import { createAttemptLimiter } from './attempt-limiter';
import { createAttemptRecords } from './attempt-store';
import { createCardPasses } from './card-passes';
import { createChargingClock } from './charging-clock';
import { createClaimRelease } from './claim-release';
import { watchDoors } from './door-watch';
import { createLockerFleet } from './locker-fleet';
import type { LoadedLockerLayout } from './locker-layout';
import { createLockerStore, type LockerRecord, type SessionRecord } from './locker-store';
import { availability, heldLocker, isFree, lockerView } from './locker-views';
import { hashPickupCode, uniquePickupCode } from './pickup-codes';
import { retryWhileBusy } from '../storage/busy-retry';
import type { StewardAccess, StewardIdentity } from '../steward/steward-access';
import { openAllLockers } from './open-all';

/**
 * A card pass outlives its personal screen by this much, ms: the screen counts from when the
 * tap reached it, and the last touch before it clears still has to travel to the service.
 */
export const CARD_PASS_GRACE_MS = 2000;

/** The station settings lockers use (station.json; see station-config.ts for ranges). */
export interface LockerSettings {
  readonly lockerMaxMinutes: number;
  readonly doorOpenAlarmSeconds: number;
  readonly lockersPerPerson: number;
  /** The personal screen's life after a tap; the card pass lives as long (plus the grace). */
  readonly personalScreenSeconds: number;
  /** A claim whose door is never shut is released after this many minutes. */
  readonly claimReleaseMinutes: number;
  readonly pickupCodeAttempts: number;
  readonly pickupLockoutSeconds: number;
}

export interface LockerServiceDeps {
  readonly db: Database;
  /** The station key: pickup codes are stored as HMACs with it. */
  readonly key: Buffer;
  /** Started and stopped by the caller; the service only listens and sends commands. */
  readonly buses: readonly LockerBus[];
  readonly layout: LoadedLockerLayout;
  readonly settings: LockerSettings;
  /** Time and timers (door alarms, pass and lockout expiry). */
  readonly clock: Clock;
  /** `locker` events go here. */
  readonly events: StationEventBus;
  /** A bus changed state: send the full device status. */
  readonly onDeviceChange: () => void;
  readonly onError: (message: string) => void;
  /** Who is signed in for a steward session, and the audit log (the steward slice). */
  readonly access: StewardAccess;
}

/** What a tap gives the UI for lockers. */
export interface CardLockerInfo {
  readonly cardPass: string;
  readonly locker: HeldLocker | null;
}

export interface LockerService {
  /** True when lockers.json names at least one locker. */
  readonly configured: boolean;
  availability(): LockerAvailability;
  claim(input: MethodInput<'claimLocker'>): Promise<Result<ClaimOutcome>>;
  retrieve(input: MethodInput<'openMyLocker'>): Promise<Result<RetrieveOutcome>>;
  recoverPickupCode(input: MethodInput<'recoverPickupCode'>): Result<RecoverPickupCodeOutcome>;
  list(input: MethodInput<'listLockers'>): Result<LockerView[]>;
  stewardAction(input: MethodInput<'stewardLockerAction'>): Promise<Result<Record<string, never>>>;
  openAll(input: MethodInput<'openAllLockers'>): Promise<Result<MethodOutput<'openAllLockers'>>>;
  /** A fresh card pass for a tapped card (by `cards.id`), with the locker it holds. Earlier passes are void. */
  forCard(cardId: number): CardLockerInfo;
  /** The screen holding this pass has gone: it is void. */
  releasePass(input: MethodInput<'releaseCardPass'>): Result<Record<string, never>>;
  /** A card was tapped: every earlier pass is void (the person who held it has left the screen). */
  revokePasses(): void;
  /**
   * A guest's pickup code for a printed slip, while that session's door is still open for the
   * phone (as `recoverPickupCode`, but the code stays kept); null otherwise. Each call is
   * logged as a showing of the code.
   */
  pickupCodeForSlip(lockerNumber: number, sessionId: number): string | null;
  /** Whether the card holds a live session (tap-out waits until it is over). */
  holdsLocker(cardId: number): boolean;
  busStatus(): DeviceStatus[];
  /** Stops listening and clears timers; later calls answer `unavailable`. Idempotent. */
  close(): void;
}

const NO_LOCKERS = 'This station has no lockers.';
const OFFLINE = 'The lockers are not answering right now; check-in still works. A steward has been told.';

export function createLockerService(deps: LockerServiceDeps): LockerService {
  const { settings, clock } = deps;
  const store = createLockerStore(deps.db);
  store.syncLayout(deps.layout.lockers);
  const fleet = createLockerFleet(deps.buses, deps.layout.lockers, deps.layout.unreachable);
  const maxMs = settings.lockerMaxMinutes * 60_000;
  const now = () => clock.now();
  const charging = createChargingClock(clock, maxMs);
  const passes = createCardPasses({ now, lifetimeMs: settings.personalScreenSeconds * 1000 + CARD_PASS_GRACE_MS });
  const attempts = createAttemptRecords(deps.db);
  // Per locker: wrong codes typed for locker 3 never lock out the guest of locker 5.
  const codeLimiter = (lockerNumber: number) =>
    createAttemptLimiter({ now, attempts: settings.pickupCodeAttempts, lockoutMs: settings.pickupLockoutSeconds * 1000, state: attempts.of('pickup-code', lockerNumber) });
  /**
   * Pickup codes in plain text, by locker, only while the claim's door has not been shut:
   * the one route back to a lost code is standing at that open door. Memory only.
   */
  const openDoorCodes = new Map<number, { sessionId: number; code: string }>();
  let lastAvailability = '';
  // The door watch reports the buses' current doors while it is being built: nothing to send then.
  let started = false;
  let closed = false;
  /** Sends availability to the screens when it differs from what they were last sent. */
  const pushAvailability = () => {
    if (!started || closed) return;
    try {
      const value = currentAvailability();
      const text = JSON.stringify(value);
      if (text === lastAvailability) return;
      lastAvailability = text;
      deps.events.emit('lockerAvailability', value);
    } catch (error) {
      deps.onError(`lockers: availability update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const releases = createClaimRelease({
    store,
    clock,
    releaseMs: settings.claimReleaseMinutes * 60_000,
    onReleased: (session) => {
      openDoorCodes.delete(session.lockerNumber);
      deps.events.emit('locker', { kind: 'claim-released', sessionId: session.id, lockerNumber: session.lockerNumber });
      pushAvailability();
    },
    onError: deps.onError,
  });
  const watch = watchDoors({
    store,
    fleet,
    clock,
    alarmMs: settings.doorOpenAlarmSeconds * 1000,
    maxMs,
    charging,
    emit: (event) => {
      if (event.kind !== 'door-left-open') openDoorCodes.delete(event.lockerNumber);
      // Shut on a phone (charging) or ended: its claim has nothing left to release.
      if (event.kind === 'session-started' || event.kind === 'session-ended') releases.settle(event.sessionId);
      deps.events.emit('locker', event);
    },
    onDeviceChange: deps.onDeviceChange,
    onChange: () => pushAvailability(),
    onError: deps.onError,
  });
  for (const session of store.liveSessions()) if (session.state === 'claimed') releases.watch(session);
  const claimingCards = new Set<number>();

  const liveByLocker = () => new Map(store.liveSessions().map((s) => [s.lockerNumber, s]));
  const currentAvailability = () => availability(store.lockers(), liveByLocker(), fleet, settings.lockerMaxMinutes, watch.leftOpen(), charging);
  const lockerRecord = (n: number) => store.lockers().find((l) => l.number === n);
  const shutDown = () => err('unavailable', 'The station service has shut down.');
  started = true;
  lastAvailability = JSON.stringify(currentAvailability());

  /** Sends the open command, reserving the locker meanwhile; records a failure as a fault. */
  async function openLocker(locker: LockerRecord, purpose: 'claim' | 'retrieve' | 'steward', sessionId: number | null): Promise<OpenOutcome | null> {
    const bus = fleet.bus(locker.busId);
    if (!bus || !fleet.reserve(locker.number)) return null;
    let outcome: OpenOutcome;
    try {
      outcome = await bus.open(locker.board, locker.lock);
    } finally {
      fleet.release(locker.number);
    }
    if (closed) return null;
    const atMs = now();
    // A door has moved: what it did must be written even if another connection holds the lock for a moment.
    if (outcome.ok) {
      await noteOpened(locker, sessionId, { purpose, attempts: outcome.attempts }, outcome.elapsedMs, atMs);
      return outcome;
    }
    const detail = { purpose, reason: outcome.reason, attempts: outcome.attempts, detail: outcome.detail.slice(0, 200) };
    await retryWhileBusy(() => store.transaction(() => {
      store.insertEvent({ kind: 'open-failed', lockerNumber: locker.number, sessionId, detail }, atMs);
      // An offline bus, or a port lost under the open, says nothing about the lock itself.
      if (!portFailed(outcome.reason) && !locker.faulty) {
        const reason = `did not open: ${outcome.reason}`;
        store.markFaulty(locker.number, reason, atMs);
        store.insertEvent({ kind: 'marked-faulty', lockerNumber: locker.number, sessionId, detail: { reason } }, atMs);
      }
    }));
    return outcome;
  }

  /** Writes the `opened` event and starts watching the door. */
  async function noteOpened(locker: LockerRecord, sessionId: number | null, detail: Record<string, unknown>, elapsedMs: number, atMs: number): Promise<void> {
    // Timings are sub-millisecond; a tenth of a ms is all the audit log needs.
    const rounded = Math.round(elapsedMs * 10) / 10;
    await retryWhileBusy(() => store.insertEvent({ kind: 'opened', lockerNumber: locker.number, sessionId, detail: { ...detail, elapsedMs: rounded } }, atMs));
    watch.doorOpened(locker.number);
  }

  async function claim(input: MethodInput<'claimLocker'>): Promise<Result<ClaimOutcome>> {
    const parsed = stationMethods.claimLocker.input.safeParse(input);
    if (!parsed.success) return err('invalid-argument', 'claimLocker: claimant must be a member with a card pass or a guest, and cable one of usb-c, lightning, micro-usb');
    const { claimant, cable } = parsed.data;
    if (store.lockers().length === 0) return err('unavailable', NO_LOCKERS);
    let cardId: number | null = null;
    if (claimant.kind === 'member') {
      cardId = passes.resolve(claimant.cardPass);
      if (cardId === null) return err('forbidden', 'This card pass is not valid (expired or already used): tap the card again.');
      const held = store.liveSessionsOfCard(cardId);
      const first = held[0];
      if (first && held.length >= settings.lockersPerPerson) return ok({ kind: 'already-holding', locker: heldLocker(first, charging) });
      if (claimingCards.has(cardId)) return err('unavailable', 'A locker is already being opened for this card.');
      claimingCards.add(cardId);
    }
    try {
      return await claimFree(cardId, cable, claimant.kind === 'member' ? claimant.cardPass : null);
    } finally {
      if (cardId !== null) claimingCards.delete(cardId);
    }
  }

  async function claimFree(cardId: number | null, cable: LockerRecord['cable'], pass: string | null): Promise<Result<ClaimOutcome>> {
    if (currentAvailability().state === 'offline') return err('unavailable', OFFLINE);
    const skippedFaulty: number[] = [];
    const silentBoards = new Set<string>();
    for (;;) {
      const live = liveByLocker();
      const next = store
        .lockers()
        .find((l) => l.cable === cable && isFree(l, live, fleet) && !silentBoards.has(`${l.busId}/${l.board}`));
      if (!next) break;
      const outcome = await openLocker(next, 'claim', null);
      if (closed) return shutDown();
      if (outcome === null) continue; // taken by a claim running alongside: pick again
      if (outcome.ok) return ok(await retryWhileBusy(() => startSession(next, cardId, pass, skippedFaulty)));
      if (portFailed(outcome.reason)) return err('unavailable', OFFLINE);
      skippedFaulty.push(next.number);
      // A board that did not answer will not answer for its other locks either.
      if (outcome.reason === 'no-reply') silentBoards.add(`${next.busId}/${next.board}`);
    }
    return ok({ kind: 'none-free' });
  }

  function startSession(locker: LockerRecord, cardId: number | null, pass: string | null, skippedFaulty: number[]): ClaimOutcome {
    const atMs = now();
    const code = cardId === null ? uniquePickupCode(deps.key, (hash) => store.liveSessionByCodeHash(hash) !== undefined) : null;
    // A new code: wrong guesses at the previous one say nothing about it.
    if (cardId === null) attempts.clear('pickup-code', locker.number);
    const session = store.insertSession({
      lockerNumber: locker.number,
      holder: cardId === null ? 'guest' : 'member',
      cardId,
      codeHash: code?.hash ?? null,
      claimedMs: atMs,
      dueMs: atMs + maxMs,
    });
    if (pass !== null) passes.spend(pass);
    if (code) openDoorCodes.set(locker.number, { sessionId: session.id, code: code.code });
    releases.watch(session);
    return {
      kind: 'opened',
      sessionId: session.id,
      lockerNumber: locker.number,
      pickupCode: code?.code ?? null,
      maxMinutes: settings.lockerMaxMinutes,
      skippedFaulty,
    };
  }

  async function retrieve(input: MethodInput<'openMyLocker'>): Promise<Result<RetrieveOutcome>> {
    const parsed = stationMethods.openMyLocker.input.safeParse(input);
    if (!parsed.success) return err('invalid-argument', 'openMyLocker: a member card pass (32 hex), or a locker number (1–999) and its 6-digit pickup code, is required');
    if (store.lockers().length === 0) return err('unavailable', NO_LOCKERS);
    const claimant = parsed.data;
    let session: SessionRecord | undefined;
    if (claimant.kind === 'member') {
      const cardId = passes.resolve(claimant.cardPass);
      if (cardId === null) return err('forbidden', 'This card pass is not valid (expired or already used): tap the card again.');
      session = store.liveSessionsOfCard(cardId)[0];
      if (!session) return ok({ kind: 'no-locker' });
    } else {
      const limiter = codeLimiter(claimant.lockerNumber);
      const gate = limiter.check();
      if (gate.kind === 'locked-out') return ok(gate);
      const live = store.liveSessionOfLocker(claimant.lockerNumber);
      session = live && sameHash(live.codeHash, hashPickupCode(deps.key, claimant.pickupCode)) ? live : undefined;
      if (!session) {
        // The same answer whether the locker has no guest session or another code: it tells nothing.
        const verdict = limiter.fail();
        if (verdict.kind === 'wrong') return ok({ kind: 'wrong-code', attemptsLeft: verdict.attemptsLeft });
        if (verdict.justLocked) {
          store.insertAudit('code-lockout', claimant.lockerNumber, `${settings.pickupCodeAttempts} wrong pickup codes in a row`, `locked out for ${verdict.retryAfterSeconds} s`, now());
        }
        return ok({ kind: 'locked-out', retryAfterSeconds: verdict.retryAfterSeconds });
      }
      limiter.succeed();
    }
    const locker = lockerRecord(session.lockerNumber);
    if (!locker || !fleet.reachable(locker)) return err('unavailable', OFFLINE);
    const outcome = await openLocker(locker, 'retrieve', session.id);
    if (closed) return shutDown();
    if (outcome === null) return err('unavailable', `Locker ${locker.number} is being opened already.`);
    if (!outcome.ok) return portFailed(outcome.reason) ? err('unavailable', OFFLINE) : ok({ kind: 'lock-failed', lockerNumber: locker.number });
    const current = store.session(session.id);
    if (current?.state === 'charging') await retryWhileBusy(() => store.startRetrieving(current.id, now()));
    if (claimant.kind === 'member') passes.spend(claimant.cardPass);
    return ok({ kind: 'opened', sessionId: session.id, lockerNumber: locker.number });
  }

  async function stewardAction(input: MethodInput<'stewardLockerAction'>): Promise<Result<Record<string, never>>> {
    const parsed = stationMethods.stewardLockerAction.input.safeParse(input);
    if (!parsed.success) return err('invalid-argument', 'stewardLockerAction: session, lockerNumber, action and a reason (1–200 characters) are required');
    const { session: token, lockerNumber, action, reason } = parsed.data;
    const who = deps.access.authorise(token);
    if (!who.ok) return who;
    const locker = lockerRecord(lockerNumber);
    if (!locker) return err('not-found', `No locker ${lockerNumber}.`);
    auditAs(who.value, `locker.${action}`, `locker ${lockerNumber}`, reason);
    const atMs = now();
    const session = store.liveSessionOfLocker(lockerNumber);
    switch (action) {
      case 'remote-open': {
        if (!fleet.reachable(locker)) {
          store.insertAudit(action, lockerNumber, reason, 'offline', atMs);
          return err('unavailable', `Locker ${lockerNumber} is offline.`);
        }
        const outcome = await openLocker(locker, 'steward', session?.id ?? null);
        if (closed) return shutDown();
        const result = outcome === null ? 'busy' : outcome.ok ? 'done' : outcome.reason;
        store.insertAudit(action, lockerNumber, reason, result, now());
        return result === 'done' ? ok({}) : err('unavailable', `Locker ${lockerNumber} did not open (${result}).`);
      }
      case 'mark-faulty':
        store.transaction(() => {
          store.markFaulty(lockerNumber, `steward: ${reason}`, atMs);
          store.insertEvent({ kind: 'marked-faulty', lockerNumber, sessionId: session?.id ?? null, detail: { reason, by: 'steward' } }, atMs);
          store.insertAudit(action, lockerNumber, reason, 'done', atMs);
        });
        return ok({});
      case 'mark-repaired':
        store.transaction(() => {
          store.markRepaired(lockerNumber);
          store.insertEvent({ kind: 'repaired', lockerNumber, detail: { reason } }, atMs);
          store.insertAudit(action, lockerNumber, reason, 'done', atMs);
        });
        return ok({});
      case 'clear-lockout': {
        const cleared = attempts.lockedOut('pickup-code', lockerNumber, atMs);
        attempts.clear('pickup-code', lockerNumber);
        store.insertAudit(action, lockerNumber, reason, cleared ? 'done' : 'not locked out', atMs);
        return ok({});
      }
      case 'end-session': {
        if (!session) {
          store.insertAudit(action, lockerNumber, reason, 'no session', atMs);
          return err('not-found', `Locker ${lockerNumber} holds no session.`);
        }
        store.transaction(() => {
          store.endSession(session.id, atMs, 'steward', charging.ended(session));
          store.insertAudit(action, lockerNumber, reason, 'done', atMs);
        });
        releases.settle(session.id);
        deps.events.emit('locker', { kind: 'session-ended', sessionId: session.id, lockerNumber });
        void fleet.bus(locker.busId)?.setHoldPower(locker.board, locker.lock, false);
        return ok({});
      }
    }
  }

  /** Who did it, in the steward audit log (the locker audit keeps the outcome). */
  function auditAs(who: StewardIdentity, action: string, subject: string | null, reason: string | null): void {
    deps.access.audit({ steward: who, action, subject, reason });
  }

  async function openAll(input: MethodInput<'openAllLockers'>): Promise<Result<MethodOutput<'openAllLockers'>>> {
    const parsed = stationMethods.openAllLockers.input.safeParse(input);
    if (!parsed.success) return err('invalid-argument', 'openAllLockers: session, confirm "open-all" and a reason (1–200 characters) are required');
    const who = deps.access.authorise(parsed.data.session);
    if (!who.ok) return who;
    auditAs(who.value, 'locker.open-all', 'every locker', parsed.data.reason);
    const sessionOf = (locker: LockerRecord) => store.liveSessionOfLocker(locker.number)?.id ?? null;
    const outcome = await openAllLockers({
      lockers: store.lockers(),
      fleet,
      openOne: (locker) => openLocker(locker, 'steward', sessionOf(locker)),
      openedByBoard: async (locker, elapsedMs) => {
        if (!closed) await noteOpened(locker, sessionOf(locker), { purpose: 'steward', method: 'board-command' }, elapsedMs, now());
      },
    });
    if (closed) return shutDown();
    auditAs(who.value, 'locker.open-all.done', `${outcome.opened.length} opened, ${outcome.failed.length} not`, null);
    return ok(outcome);
  }

  function recoverPickupCode(input: MethodInput<'recoverPickupCode'>): Result<RecoverPickupCodeOutcome> {
    const parsed = stationMethods.recoverPickupCode.input.safeParse(input);
    if (!parsed.success) return err('invalid-argument', 'recoverPickupCode: lockerNumber must be a whole number 1–999');
    const { lockerNumber } = parsed.data;
    const kept = openDoorCodes.get(lockerNumber);
    const session = store.liveSessionOfLocker(lockerNumber);
    if (!kept || session?.id !== kept.sessionId || session.state !== 'claimed') {
      // The door was shut, or the session is gone: the code is no longer kept in the clear.
      if (kept) openDoorCodes.delete(lockerNumber);
      return ok({ kind: 'not-open' });
    }
    // Once only, and on the record: whoever stands at the kiosk while that door is open could
    // ask, so a second request (the guest's or anyone's) is refused and each showing is logged.
    openDoorCodes.delete(lockerNumber);
    store.insertEvent({ kind: 'code-reshown', lockerNumber, sessionId: session.id }, now());
    return ok({ kind: 'code', sessionId: session.id, lockerNumber, pickupCode: kept.code, maxMinutes: settings.lockerMaxMinutes });
  }

  function pickupCodeForSlip(lockerNumber: number, sessionId: number): string | null {
    const kept = openDoorCodes.get(lockerNumber);
    const session = store.liveSessionOfLocker(lockerNumber);
    if (!kept || kept.sessionId !== sessionId || session?.id !== sessionId || session.state !== 'claimed') return null;
    store.insertEvent({ kind: 'code-reshown', lockerNumber, sessionId, detail: { medium: 'slip' } }, now());
    return kept.code;
  }

  /** Runs a locker call, then sends availability if the call changed it. */
  const thenPush = async <T>(call: Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await call;
    } finally {
      pushAvailability();
    }
  };

  return {
    configured: deps.layout.lockers.length > 0,
    availability: currentAvailability,
    recoverPickupCode: (input) => (closed ? shutDown() : recoverPickupCode(input)),
    releasePass: (input) => {
      const parsed = stationMethods.releaseCardPass.input.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'releaseCardPass: a card pass (32 hex) is required');
      passes.spend(parsed.data.cardPass);
      return ok({});
    },
    pickupCodeForSlip: (lockerNumber, sessionId) => (closed ? null : pickupCodeForSlip(lockerNumber, sessionId)),
    claim: (input) => (closed ? Promise.resolve(shutDown()) : thenPush(claim(input))),
    retrieve: (input) => (closed ? Promise.resolve(shutDown()) : thenPush(retrieve(input))),
    list(input) {
      if (closed) return shutDown();
      const parsed = stationMethods.listLockers.input.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'listLockers: a steward session is required');
      const who = deps.access.authorise(parsed.data.session);
      if (!who.ok) return who;
      const live = liveByLocker();
      return ok(store.lockers().map((l) => lockerView(l, live.get(l.number), fleet, charging)));
    },
    stewardAction: (input) => (closed ? Promise.resolve(shutDown()) : thenPush(stewardAction(input))),
    openAll: (input) => (closed ? Promise.resolve(shutDown()) : thenPush(openAll(input))),
    forCard(cardId) {
      const held = store.liveSessionsOfCard(cardId)[0];
      passes.revokeAll();
      return { cardPass: passes.issue(cardId), locker: held ? heldLocker(held, charging) : null };
    },
    revokePasses: () => passes.revokeAll(),
    holdsLocker: (cardId) => store.liveSessionsOfCard(cardId).length > 0,
    busStatus: () => fleet.busStatus(),
    close() {
      closed = true;
      watch.detach();
      releases.detach();
      openDoorCodes.clear();
    },
  };
}

/** The bus's port failed (offline, or lost while the open was on the wire): the lock is not to blame. */
function portFailed(reason: OpenFailureReason): boolean {
  return reason === 'bus-offline' || reason === 'port-lost';
}

/** Compares two hex hashes in constant time; a missing one (member session) never matches. */
function sameHash(stored: string | null, given: string): boolean {
  if (stored === null || stored.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(stored, 'hex'), Buffer.from(given, 'hex'));
}
