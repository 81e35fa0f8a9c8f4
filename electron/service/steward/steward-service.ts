/**
 * The steward slice: the steward list, sign-in (steward card at the open sign-in screen, then
 * PIN; or PIN only for stewards with no card), sessions, the first-steward setup code and
 * the audit log. It implements {@link StewardAccess} for every other steward-only capability.
 *
 * Lockouts live in `attempt_limits` (migration 0003), so a restart gives no fresh tries:
 * per steward for card sign-ins (target = steward id), one shared count for PIN-only
 * sign-ins (target 0) and one for the setup code.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { MethodInput, MethodOutput } from '../../../common/contract';
import { stationMethods } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { STEWARD_IDLE_SECONDS, type StewardSignInOutcome, type StewardSignedIn } from '../../../common/steward';
import type { NormalisedCard } from '../../../hardware/card-id/card-id';
import type { Clock } from '../../../hardware/drivers/clock';
import type { StationEventBus } from '../../service-contract';
import { createAttemptLimiter, type AttemptLimiter } from '../lockers/attempt-limiter';
import { createAttemptRecords } from '../lockers/attempt-store';
import { hashStewardPin, verifyStewardPin } from './pin-hash';
import { createStewardSessions, newToken, type SessionEnd } from './sessions';
import type { StewardAccess, StewardIdentity } from './steward-access';
import { applyStewardRoster, SETUP_STEWARD_NAME, stewardCardHashes } from './steward-roster';
import { createStewardStore, type StewardRecord } from './steward-store';

/** Wrong PINs in a row before a lockout, and the first lockout's length (later ones escalate). */
export const STEWARD_PIN_ATTEMPTS = 5;
export const STEWARD_LOCKOUT_MS = 15 * 60_000;
/** How long after `openStewardSignIn` a steward card still signs in, ms. */
export const SIGN_IN_WINDOW_MS = STEWARD_IDLE_SECONDS * 1000;
/** How long a tapped steward card waits for its PIN, ms. */
export const PENDING_SIGN_IN_MS = 60_000;
export const STEWARD_SETUP_CODE_LENGTH = 8;
/** The attempt target of PIN-only sign-ins (steward ids start at 1). */
export const PIN_ONLY_TARGET = 0;

const SHUT = 'The station service has shut down.';

export interface StewardServiceDeps {
  readonly db: Database;
  readonly dataDir: string;
  /** The station's keyed card hash (as visits use). */
  readonly hashCard: (canonical: string) => string;
  /**
   * The card pseudonym the district's pulled stewards are listed by (fleet key); null when
   * the station has no fleet key. Default: none, so pulled stewards cannot tap in.
   */
  readonly pulledCardHash?: (canonical: string) => string | null;
  /** `stewardPin` from station.json: migrated once, then refused. */
  readonly legacyPin: string | null;
  readonly clock: Clock;
  readonly events: StationEventBus;
  /** Start-up lines for the station console (the setup code). */
  readonly onNotice: (line: string) => void;
  readonly onWarning: (line: string) => void;
}

type Api = {
  [M in 'openStewardSignIn' | 'closeStewardSignIn' | 'signInSteward' | 'signOutSteward' | 'setUpSteward' | 'listStewardAudit']: (
    input: MethodInput<M>,
  ) => Result<MethodOutput<M>>;
};

export interface StewardService {
  readonly access: StewardAccess;
  readonly api: Api;
  /**
   * A card was read. True when it was a steward's card at the open sign-in screen: it is
   * then the first half of a sign-in (the `stewardCard` event is sent) and no check-in.
   * Any other card ends the steward session (someone else is at the screen now).
   */
  claimTap(card: NormalisedCard): boolean;
  /** Ends every session; later calls answer `unavailable`. */
  close(): void;
}

export function createStewardService(deps: StewardServiceDeps): StewardService {
  const { clock } = deps;
  const now = () => clock.now();
  const store = createStewardStore(deps.db);
  for (const line of applyStewardRoster({ dataDir: deps.dataDir, store, hashCard: deps.hashCard, legacyPin: deps.legacyPin, now: now() })) deps.onWarning(line);
  const attempts = createAttemptRecords(deps.db);
  const limiter = (scope: 'steward-pin' | 'steward-setup', target: number): AttemptLimiter =>
    createAttemptLimiter({ now, attempts: STEWARD_PIN_ATTEMPTS, lockoutMs: STEWARD_LOCKOUT_MS, state: attempts.of(scope, target) });
  const identity = (s: StewardRecord): StewardIdentity => ({ stewardId: s.id, name: s.name, role: s.role });
  const audit = (who: StewardIdentity | null, action: string, subject: string | null, reason: string | null) =>
    store.insertAudit({ atMs: now(), stewardId: who?.stewardId ?? null, stewardName: who?.name ?? null, action, subject, reason });

  const END_REASONS: Record<SessionEnd, string> = {
    'signed-out': 'signed out',
    idle: `${STEWARD_IDLE_SECONDS} s without a touch`,
    'worker-tap': 'a worker card was tapped',
    replaced: 'another steward signed in',
    shutdown: 'the station service stopped',
  };
  const sessions = createStewardSessions({
    clock,
    idleMs: STEWARD_IDLE_SECONDS * 1000,
    onEnd: (who, why) => {
      if (why === 'shutdown') return; // the database is closing; a restart ends sessions anyway
      try {
        audit(who, 'steward.sign-out', null, END_REASONS[why]);
      } catch {
        // A session must end even when the disk refuses its audit row.
      }
    },
  });

  let setupCode: string | null = null;
  if (store.active().length === 0) {
    setupCode = String(randomInt(0, 10 ** STEWARD_SETUP_CODE_LENGTH)).padStart(STEWARD_SETUP_CODE_LENGTH, '0');
    deps.onNotice(stewardSetupNotice(setupCode));
  }
  let signInOpenUntil = 0;
  let pending: { token: string; stewardId: number; untilMs: number } | null = null;
  let closed = false;

  const signedIn = (s: StewardRecord): StewardSignedIn => {
    const who = identity(s);
    const session = sessions.start(who);
    audit(who, 'steward.sign-in', null, null);
    return { session, name: s.name, role: s.role, idleSeconds: STEWARD_IDLE_SECONDS };
  };

  /** Checks one PIN against candidates under one limiter. */
  const tryPin = (gate: AttemptLimiter, candidates: readonly StewardRecord[], pin: string, lockoutWho: StewardIdentity | null): StewardSignInOutcome => {
    const state = gate.check();
    if (state.kind === 'locked-out') return state;
    const match = candidates.find((s) => verifyStewardPin(pin, s.pinHash));
    if (match) {
      gate.succeed();
      return { kind: 'signed-in', steward: signedIn(match) };
    }
    const verdict = gate.fail();
    if (verdict.kind === 'wrong') return { kind: 'wrong-pin', attemptsLeft: verdict.attemptsLeft };
    if (verdict.justLocked) audit(lockoutWho, 'steward.pin-lockout', null, `${STEWARD_PIN_ATTEMPTS} wrong PINs in a row; locked for ${verdict.retryAfterSeconds} s`);
    return { kind: 'locked-out', retryAfterSeconds: verdict.retryAfterSeconds };
  };

  const api: Api = {
    openStewardSignIn() {
      if (closed) return err('unavailable', SHUT);
      signInOpenUntil = now() + SIGN_IN_WINDOW_MS;
      const active = store.active();
      return ok({ needsSetup: active.length === 0, pinOnly: active.some((s) => s.cardHash === null) });
    },
    closeStewardSignIn() {
      signInOpenUntil = 0;
      pending = null;
      return ok({});
    },
    signInSteward(input) {
      if (closed) return err('unavailable', SHUT);
      const parsed = stationMethods.signInSteward.input.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'signInSteward: pending (32 characters or null) and a 4–8 digit PIN are required');
      const { pin } = parsed.data;
      if (parsed.data.pending === null) {
        const pinOnly = store.active().filter((s) => s.cardHash === null);
        if (pinOnly.length === 0) return ok({ kind: 'tap-again' });
        return ok(tryPin(limiter('steward-pin', PIN_ONLY_TARGET), pinOnly, pin, null));
      }
      const held = pending;
      if (!held || !sameText(held.token, parsed.data.pending) || now() > held.untilMs) return ok({ kind: 'tap-again' });
      const steward = store.byId(held.stewardId);
      if (!steward?.active) return ok({ kind: 'tap-again' });
      const outcome = tryPin(limiter('steward-pin', steward.id), [steward], pin, identity(steward));
      if (outcome.kind === 'signed-in') {
        pending = null;
        signInOpenUntil = 0;
      }
      return ok(outcome);
    },
    signOutSteward(input) {
      const parsed = stationMethods.signOutSteward.input.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'signOutSteward: session is required');
      // Signing out a session that already ended is no error: the console is closing either way.
      sessions.end(parsed.data.session, 'signed-out');
      return ok({});
    },
    setUpSteward(input) {
      if (closed) return err('unavailable', SHUT);
      const parsed = stationMethods.setUpSteward.input.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'setUpSteward: setupCode must be 8 digits and pin 4–8 digits');
      if (setupCode === null || store.active().length > 0) return err('forbidden', 'This station already has a steward.');
      const gate = limiter('steward-setup', 0);
      const state = gate.check();
      if (state.kind === 'locked-out') return err('forbidden', `Too many wrong setup codes; try again in ${state.retryAfterSeconds} s.`);
      if (!sameText(parsed.data.setupCode, setupCode)) {
        const verdict = gate.fail();
        if (verdict.kind === 'wrong') return err('forbidden', `Wrong setup code; ${verdict.attemptsLeft} tries left.`);
        if (verdict.justLocked) audit(null, 'steward.setup-lockout', null, `${STEWARD_PIN_ATTEMPTS} wrong setup codes in a row`);
        return err('forbidden', `Too many wrong setup codes; try again in ${verdict.retryAfterSeconds} s.`);
      }
      gate.succeed();
      const steward = store.insert(
        { name: SETUP_STEWARD_NAME, role: 'cadre', cardHash: null, cardHash24: null, pinHash: hashStewardPin(parsed.data.pin), source: 'setup' },
        now(),
      );
      setupCode = null;
      audit(identity(steward), 'steward.setup', null, 'first steward set up with the setup code');
      deps.onNotice('First steward set up on the kiosk; the setup code is spent.');
      return ok(signedIn(steward));
    },
    listStewardAudit(input) {
      const parsed = stationMethods.listStewardAudit.input.safeParse(input);
      if (!parsed.success) return err('invalid-argument', 'listStewardAudit: session, limit 1–200 and an optional beforeId are required');
      const who = access.authorise(parsed.data.session);
      if (!who.ok) return who;
      return ok(store.audit(parsed.data.limit, parsed.data.beforeId));
    },
  };

  const access: StewardAccess = {
    authorise(session) {
      const who = closed ? null : sessions.touch(session);
      return who ? ok(who) : err('forbidden', 'Not signed in (or signed out after 2 minutes without a touch): sign in again.');
    },
    audit(entry) {
      audit(entry.steward, entry.action, entry.subject, entry.reason);
    },
  };

  return {
    access,
    api,
    claimTap(card) {
      if (closed) return false;
      const atMs = now();
      const steward = atMs <= signInOpenUntil ? findSteward(store.active(), card, deps.hashCard, deps.pulledCardHash) : undefined;
      if (!steward) {
        // Someone else is at the screen now: the console (and its session) is gone for them.
        sessions.endAll('worker-tap');
        return false;
      }
      pending = { token: newToken(), stewardId: steward.id, untilMs: atMs + PENDING_SIGN_IN_MS };
      deps.events.emit('stewardCard', { pending: pending.token, name: steward.name });
      return true;
    },
    close() {
      closed = true;
      sessions.endAll('shutdown');
      pending = null;
    },
  };
}

/**
 * The active steward a tapped card belongs to, by its keyed hashes: the station's own for
 * local stewards, the district's pseudonym for pulled ones (`source = 'upstream'`).
 */
function findSteward(
  stewards: readonly StewardRecord[],
  card: NormalisedCard,
  hash: (c: string) => string,
  pulledHash: ((c: string) => string | null) | undefined,
): StewardRecord | undefined {
  const match = (candidates: readonly StewardRecord[], h: (c: string) => string | null) => {
    if (card.kind === 'low24') {
      const h24 = h(card.low24);
      return h24 === null ? undefined : candidates.find((s) => s.cardHash24 === h24);
    }
    const { cardHash } = stewardCardHashes(card, (c) => h(c) ?? '');
    return cardHash === '' ? undefined : candidates.find((s) => s.cardHash === cardHash);
  };
  const local = match(stewards.filter((s) => s.source !== 'upstream'), hash);
  if (local || !pulledHash) return local;
  return match(stewards.filter((s) => s.source === 'upstream'), pulledHash);
}

/** The console line for a station with no steward yet (see README, "First steward"). */
export function stewardSetupNotice(code: string): string {
  return `Steward setup code: ${code} (no steward is set up yet; on the screen tap "Steward", enter this code, then choose the PIN)`;
}

/** Compares through digests so the time taken says nothing about how much was right. */
function sameText(a: string, b: string): boolean {
  const digest = (s: string) => createHmac('sha256', 'steward-compare').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
