/**
 * The charging-locker part of the kiosk state machine: "Charge my phone" → cable → claim →
 * door open → charging, and "Open my locker" / pickup code → door open → session over. Kept
 * pure like the rest of `kiosk-state`, so every outcome and pushed event is a unit-tested
 * transition. Times arrive on the events (`atMs`, epoch ms) because a reducer reads no clock.
 */
import type { MethodInput } from '../../common/contract';
import type { ErrorCode } from '../../common/result';
import type {
  CableType,
  ClaimOutcome,
  HeldLocker,
  LockerAvailability,
  LockerEvent,
  RecoverPickupCodeOutcome,
  RetrieveOutcome,
} from '../../common/lockers';
import { missingCase } from '../../common/result';
import type { KioskState, Screen } from './kiosk-state';

/** Who is claiming: a member with the card pass of their tap, or a guest. */
export type Claimant = MethodInput<'claimLocker'>['claimant'];

/** Pickup codes are exactly this many digits (see `pickupCodeSchema`). */
export const PICKUP_CODE_LENGTH = 6;
/** Locker numbers have at most this many digits (1–999, see `lockerNumberSchema`). */
export const LOCKER_NUMBER_LENGTH = 3;

/** What a member's check-in brought for the lockers. */
export interface MemberLockers {
  /** Proof of the tap for locker calls; null where the station has no lockers. */
  readonly cardPass: string | null;
  /** The locker this card holds now, if any. */
  readonly locker: HeldLocker | null;
}

/** What the kiosk knows about free lockers: still asking, could not ask, or the answer. */
export type LockerOffer = 'checking' | 'failed' | LockerAvailability;

/** A locker this kiosk just opened for a claim. */
export interface OpenedLocker {
  readonly sessionId: number;
  readonly lockerNumber: number;
  readonly holder: 'member' | 'guest';
  /** Longest session before it is overdue, minutes. */
  readonly maxMinutes: number;
  /** Lockers that would not open before this one, in the order tried. */
  readonly skippedFaulty: readonly number[];
}

/** Why a locker flow stopped, each with its own plain message. */
export type LockerProblem =
  /** The lockers (or the service behind them) cannot be reached now. */
  | 'unavailable'
  /** The lock would not open; stewards were told. */
  | 'lock-failed'
  /** The card holds no locker. */
  | 'no-locker'
  /** The card pass expired or was refused: tap the card again. */
  | 'tap-again'
  /** Anything else: try again or ask staff. */
  | 'failed';

/** Shown on the keypad after a refused code; each is about the locker number entered. */
export type CodeProblem =
  | { readonly kind: 'wrong-code'; readonly attemptsLeft: number }
  /** No code is accepted for this locker before `untilMs` (epoch ms); other lockers are not affected. */
  | { readonly kind: 'locked-out'; readonly untilMs: number }
  /** "I lost my code" refused: the code is shown again only while the locker's door is still open. */
  | { readonly kind: 'not-open' };

export type CodeKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back';

/** The locker screens, part of `Screen`. */
export type LockerScreen =
  | {
      readonly name: 'locker-cable';
      readonly claimant: Claimant;
      /** The cable just refused with `none-free`, so the picker can say so. */
      readonly noneFree: CableType | null;
      /** Where Back goes: the welcome screen "Charge my phone" was tapped on. */
      readonly back: Screen;
    }
  | {
      readonly name: 'pickup-code';
      readonly opened: OpenedLocker;
      readonly pickupCode: string;
      /** When the door was shut with the phone inside (epoch ms), once it has been. */
      readonly startedAtMs: number | null;
    }
  | { readonly name: 'locker-open'; readonly opened: OpenedLocker }
  | {
      readonly name: 'locker-charging';
      readonly sessionId: number;
      readonly lockerNumber: number;
      readonly holder: 'member' | 'guest';
      /** Collect by this time, epoch ms. */
      readonly dueAtMs: number;
    }
  | { readonly name: 'locker-held'; readonly locker: HeldLocker; readonly cardPass: string | null }
  | {
      readonly name: 'code-entry';
      /** First the locker number, then its pickup code. */
      readonly step: 'locker' | 'code';
      /** Entered in the first step; null until then. */
      readonly lockerNumber: number | null;
      readonly digits: string;
      readonly problem: CodeProblem | null;
    }
  | { readonly name: 'locker-retrieve'; readonly sessionId: number; readonly lockerNumber: number }
  | { readonly name: 'locker-ended'; readonly lockerNumber: number }
  | { readonly name: 'locker-message'; readonly problem: LockerProblem; readonly lockerNumber: number | null };

/** Locker events, part of `KioskEvent`. */
export type LockerKioskEvent =
  /** `getLockerAvailability` answered; null when it failed. */
  | { readonly type: 'locker-availability'; readonly availability: LockerAvailability | null }
  /** "Charge my phone". */
  | { readonly type: 'charge' }
  | { readonly type: 'claimed'; readonly cable: CableType; readonly outcome: ClaimOutcome }
  /** `claimLocker` or `openMyLocker` answered with an error. */
  | { readonly type: 'locker-call-failed'; readonly code: ErrorCode }
  /** "I have it" under the pickup code. */
  | { readonly type: 'pickup-code-noted' }
  /** "Collect my phone" on the attract screen. */
  | { readonly type: 'collect' }
  | { readonly type: 'code-key'; readonly key: CodeKey; readonly atMs: number }
  /** "Next" after typing the locker number on the keypad. */
  | { readonly type: 'code-next' }
  /** "Change locker": from the code back to the locker number. */
  | { readonly type: 'code-change-locker' }
  /** `recoverPickupCode` answered for the locker entered. */
  | { readonly type: 'code-recovered'; readonly outcome: RecoverPickupCodeOutcome }
  | { readonly type: 'retrieved'; readonly outcome: RetrieveOutcome; readonly atMs: number }
  /** A pushed `locker` event. */
  | { readonly type: 'locker'; readonly event: LockerEvent; readonly atMs: number };

const MINUTE_MS = 60_000;

export function lockerTransition(state: KioskState, event: LockerKioskEvent): KioskState {
  const { screen } = state;
  switch (event.type) {
    case 'locker-availability':
      return event.availability === null
        ? { ...state, lockers: 'failed' }
        : { ...state, lockers: event.availability, doorsLeftOpen: event.availability.doorsLeftOpen };
    case 'charge': {
      if (!canCharge(state)) return state;
      const claimant = claimantOf(screen);
      return claimant ? { ...state, screen: { name: 'locker-cable', claimant, noneFree: null, back: screen } } : state;
    }
    case 'claimed':
      return screen.name === 'locker-cable' ? { ...state, screen: screenForClaim(screen, event.cable, event.outcome) } : state;
    case 'locker-call-failed':
      if (!awaitsLockerCall(screen)) return state;
      return { ...state, screen: { name: 'locker-message', problem: problemForError(screen, event.code), lockerNumber: null } };
    case 'pickup-code-noted':
      return screen.name === 'pickup-code' ? { ...state, screen: afterPickupCode(screen) } : state;
    case 'collect':
      return { ...state, screen: { name: 'code-entry', step: 'locker', lockerNumber: null, digits: '', problem: null } };
    case 'code-key':
      return screen.name === 'code-entry' ? withScreen(state, typeKey(screen, event.key, event.atMs)) : state;
    case 'code-next':
      return screen.name === 'code-entry' ? withScreen(state, lockerEntered(screen)) : state;
    case 'code-change-locker':
      return screen.name === 'code-entry' ? withScreen(state, backToLocker(screen)) : state;
    case 'code-recovered':
      return screen.name === 'code-entry' && screen.step === 'code' ? { ...state, screen: screenForRecovered(screen, event.outcome) } : state;
    case 'retrieved':
      return awaitsLockerCall(screen) && screen.name !== 'locker-cable'
        ? { ...state, screen: screenForRetrieve(screen, event.outcome, event.atMs) }
        : state;
    case 'locker':
      return onLockerEvent(state, event.event, event.atMs);
    default:
      return missingCase(event);
  }
}

/** Keeps the same state object when nothing changed, so React skips the render. */
function withScreen(state: KioskState, screen: Screen): KioskState {
  return screen === state.screen ? state : { ...state, screen };
}

/** The locker the current screen is about, with its session, if any (door alarms follow it). */
export function lockerOnScreen(screen: Screen): { readonly sessionId: number; readonly lockerNumber: number } | null {
  switch (screen.name) {
    case 'locker-open':
    case 'pickup-code':
      return screen.opened;
    case 'locker-charging':
    case 'locker-retrieve':
      return screen;
    case 'locker-held':
      return screen.locker;
    case 'welcome':
    case 'already-here':
      return screen.member.locker;
    default:
      return null;
  }
}

export function sessionOnScreen(screen: Screen): number | null {
  return lockerOnScreen(screen)?.sessionId ?? null;
}

/** Whether the keypad's entry is a locker number that may exist (1–999). */
export function isLockerNumberText(digits: string): boolean {
  return /^[0-9]{1,3}$/.test(digits) && Number(digits) >= 1;
}

/**
 * What the "Charge my phone" button on this screen should do: `hidden` where it makes no
 * sense (no lockers, no card pass, a locker already held), otherwise its state.
 */
export type ChargeOffer = 'hidden' | 'checking' | 'ready' | 'full' | 'offline';

export function chargeOffer(state: KioskState): ChargeOffer {
  if (claimantOf(state.screen) === null) return 'hidden';
  const { lockers } = state;
  if (lockers === 'checking') return 'checking';
  if (lockers === 'failed') return 'offline';
  return lockers.state === 'none' ? 'hidden' : lockers.state;
}

export function canCharge(state: KioskState): boolean {
  return chargeOffer(state) === 'ready';
}

/** Screens that show locker availability and so fetch it when they open. */
export function wantsAvailability(screen: Screen): boolean {
  return screen.name === 'attract' || screen.name === 'locker-cable' || claimantOf(screen) !== null;
}

/** Free lockers for a cable, or null when not known (then the cable is offered anyway). */
export function freeCount(offer: LockerOffer, cable: CableType): number | null {
  if (typeof offer === 'string') return null;
  return offer.free.find((f) => f.cable === cable)?.count ?? 0;
}

/** When a locker with this cable is expected to free up (epoch ms), when known. */
export function nextDueAt(offer: LockerOffer, cable: CableType): number | null {
  if (typeof offer === 'string') return null;
  return offer.free.find((f) => f.cable === cable)?.nextDueAtMs ?? null;
}

/** Who would claim from this screen: members need a card pass and no locker yet. */
function claimantOf(screen: Screen): Claimant | null {
  switch (screen.name) {
    case 'guest-welcome':
      return { kind: 'guest' };
    case 'welcome':
    case 'already-here': {
      const { cardPass, locker } = screen.member;
      return cardPass !== null && locker === null ? { kind: 'member', cardPass } : null;
    }
    default:
      return null;
  }
}

/** The card pass for "Open my locker" on this screen, when it offers that button. */
export function openPassOf(screen: Screen): string | null {
  switch (screen.name) {
    case 'welcome':
    case 'already-here':
      return screen.member.locker ? screen.member.cardPass : null;
    case 'locker-held':
      return screen.cardPass;
    default:
      return null;
  }
}

/** Screens whose buttons call `claimLocker` or `openMyLocker`; answers elsewhere are late. */
function awaitsLockerCall(screen: Screen): boolean {
  return screen.name === 'locker-cable' || screen.name === 'code-entry' || openPassOf(screen) !== null;
}

function screenForClaim(
  screen: Extract<Screen, { name: 'locker-cable' }>,
  cable: CableType,
  outcome: ClaimOutcome,
): Screen {
  switch (outcome.kind) {
    case 'opened': {
      const opened: OpenedLocker = {
        sessionId: outcome.sessionId,
        lockerNumber: outcome.lockerNumber,
        holder: screen.claimant.kind,
        maxMinutes: outcome.maxMinutes,
        skippedFaulty: outcome.skippedFaulty,
      };
      return outcome.pickupCode === null
        ? { name: 'locker-open', opened }
        : { name: 'pickup-code', opened, pickupCode: outcome.pickupCode, startedAtMs: null };
    }
    case 'already-holding':
      return {
        name: 'locker-held',
        locker: outcome.locker,
        cardPass: screen.claimant.kind === 'member' ? screen.claimant.cardPass : null,
      };
    case 'none-free':
      return { ...screen, noneFree: cable };
    default:
      return missingCase(outcome);
  }
}

function screenForRetrieve(screen: Screen, outcome: RetrieveOutcome, atMs: number): Screen {
  const onKeypad = screen.name === 'code-entry';
  switch (outcome.kind) {
    case 'opened':
      return { name: 'locker-retrieve', sessionId: outcome.sessionId, lockerNumber: outcome.lockerNumber };
    case 'no-locker':
      return { name: 'locker-message', problem: 'no-locker', lockerNumber: null };
    case 'wrong-code':
      return onKeypad
        ? { ...screen, digits: '', problem: { kind: 'wrong-code', attemptsLeft: outcome.attemptsLeft } }
        : { name: 'locker-message', problem: 'failed', lockerNumber: null };
    case 'locked-out':
      return onKeypad
        ? { ...screen, digits: '', problem: { kind: 'locked-out', untilMs: atMs + outcome.retryAfterSeconds * 1000 } }
        : { name: 'locker-message', problem: 'failed', lockerNumber: null };
    case 'lock-failed':
      return { name: 'locker-message', problem: 'lock-failed', lockerNumber: outcome.lockerNumber };
    default:
      return missingCase(outcome);
  }
}

function problemForError(screen: Screen, code: ErrorCode): LockerProblem {
  if (code === 'unavailable') return 'unavailable';
  // A refused card pass has expired (it lives minutes): a fresh tap makes a new one.
  const member = (screen.name === 'locker-cable' && screen.claimant.kind === 'member') || openPassOf(screen) !== null;
  if (code === 'forbidden' && member) return 'tap-again';
  return 'failed';
}

function afterPickupCode(screen: Extract<Screen, { name: 'pickup-code' }>): Screen {
  const { opened, startedAtMs } = screen;
  return startedAtMs === null
    ? { name: 'locker-open', opened }
    : {
        name: 'locker-charging',
        sessionId: opened.sessionId,
        lockerNumber: opened.lockerNumber,
        holder: opened.holder,
        dueAtMs: startedAtMs + opened.maxMinutes * MINUTE_MS,
      };
}

type CodeEntry = Extract<Screen, { name: 'code-entry' }>;

function typeKey(screen: CodeEntry, key: CodeKey, atMs: number): Screen {
  const { problem } = screen;
  // "Delete" on an empty code goes back to the locker number, even during that locker's lockout.
  if (key === 'back' && screen.step === 'code' && screen.digits === '') return backToLocker(screen);
  if (problem?.kind === 'locked-out' && atMs < problem.untilMs) return screen;
  // An expired lockout goes away with the first key; "attempts left" stays until the next try.
  const kept = problem?.kind === 'locked-out' || problem?.kind === 'not-open' ? null : problem;
  if (key === 'back') {
    return screen.digits === '' && kept === problem ? screen : { ...screen, digits: screen.digits.slice(0, -1), problem: kept };
  }
  if (screen.digits.length >= (screen.step === 'locker' ? LOCKER_NUMBER_LENGTH : PICKUP_CODE_LENGTH)) return screen;
  return { ...screen, digits: screen.digits + key, problem: kept };
}

function backToLocker(screen: CodeEntry): Screen {
  if (screen.step === 'locker') return screen;
  return { ...screen, step: 'locker', digits: String(screen.lockerNumber ?? ''), lockerNumber: null, problem: null };
}

function lockerEntered(screen: CodeEntry): Screen {
  if (screen.step !== 'locker' || !isLockerNumberText(screen.digits)) return screen;
  return { ...screen, step: 'code', lockerNumber: Number(screen.digits), digits: '', problem: null };
}

function screenForRecovered(screen: CodeEntry, outcome: RecoverPickupCodeOutcome): Screen {
  switch (outcome.kind) {
    case 'code':
      return {
        name: 'pickup-code',
        opened: { sessionId: outcome.sessionId, lockerNumber: outcome.lockerNumber, holder: 'guest', maxMinutes: outcome.maxMinutes, skippedFaulty: [] },
        pickupCode: outcome.pickupCode,
        startedAtMs: null,
      };
    case 'not-open':
      return { ...screen, digits: '', problem: { kind: 'not-open' } };
    default:
      return missingCase(outcome);
  }
}

function onLockerEvent(state: KioskState, event: LockerEvent, atMs: number): KioskState {
  const { screen } = state;
  // The alarm is for everyone at the station, whatever screen is up; availability pushes take it down.
  if (event.kind === 'door-left-open' && !state.doorsLeftOpen.includes(event.lockerNumber)) {
    state = { ...state, doorsLeftOpen: [...state.doorsLeftOpen, event.lockerNumber].sort((a, b) => a - b) };
  }
  if (sessionOnScreen(screen) !== event.sessionId) return state;
  if (screen.name === 'welcome' || screen.name === 'already-here' || screen.name === 'locker-held') {
    return onHeldLockerEvent(state, screen, event, atMs);
  }
  switch (event.kind) {
    case 'door-left-open':
      return state;
    case 'session-started': {
      if (screen.name === 'locker-open') {
        const { opened } = screen;
        return {
          ...state,
          screen: {
            name: 'locker-charging',
            sessionId: opened.sessionId,
            lockerNumber: opened.lockerNumber,
            holder: opened.holder,
            dueAtMs: atMs + opened.maxMinutes * MINUTE_MS,
          },
        };
      }
      // The code stays until "I have it", or the personal countdown the shut door starts.
      if (screen.name === 'pickup-code' && screen.startedAtMs === null) return { ...state, screen: { ...screen, startedAtMs: atMs } };
      return state;
    }
    case 'session-ended':
      if (screen.name === 'locker-retrieve' || screen.name === 'locker-open' || screen.name === 'pickup-code') {
        return { ...state, screen: { name: 'locker-ended', lockerNumber: event.lockerNumber } };
      }
      return state;
    case 'claim-released':
      // The claim is over without a phone: nothing left to show about it.
      return { ...state, screen: { name: 'attract' } };
    default:
      return missingCase(event.kind);
  }
}

type HeldScreen = Extract<Screen, { readonly name: 'welcome' | 'already-here' | 'locker-held' }>;

/**
 * The locker a tapped card holds follows its session while it is shown: a door shut starts
 * its clock, and a session that ends (phone collected, or a claim released) takes it off the
 * welcome screens so "Charge my phone" is offered again. The held screen itself gives way to
 * the thanks (collected) or the attract screen (released).
 */
function onHeldLockerEvent(state: KioskState, screen: HeldScreen, event: LockerEvent, atMs: number): KioskState {
  const locker = screen.name === 'locker-held' ? screen.locker : screen.member.locker;
  if (locker === null) return state;
  let next: HeldLocker | null;
  switch (event.kind) {
    case 'door-left-open':
      return state;
    case 'session-started': {
      if (locker.startedAtMs !== null) return state;
      // The service sets the due time from the shut door; the renderer knows the same limit when availability has loaded.
      const dueAtMs = typeof state.lockers === 'object' ? atMs + state.lockers.maxMinutes * MINUTE_MS : locker.dueAtMs;
      next = { ...locker, startedAtMs: atMs, dueAtMs };
      break;
    }
    case 'session-ended':
    case 'claim-released':
      next = null;
      break;
    default:
      return missingCase(event.kind);
  }
  if (screen.name !== 'locker-held') return { ...state, screen: { ...screen, member: { ...screen.member, locker: next } } };
  if (next !== null) return { ...state, screen: { ...screen, locker: next } };
  return { ...state, screen: event.kind === 'session-ended' ? { name: 'locker-ended', lockerNumber: event.lockerNumber } : { name: 'attract' } };
}
