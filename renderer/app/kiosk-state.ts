/**
 * What the kiosk shows, as a pure reducer. Service events, wedge reads, taps and timers all
 * become `KioskEvent`s; the screen to draw follows from the state alone, so every path
 * (including "the service went away mid-flow") is a unit-testable transition.
 */
import type { CardErrorReason, CheckInOutcome, DeviceStatus, GuestCheckIn, StationInfo } from '../../common/domain';
import { missingCase } from '../../common/result';
import {
  lockerTransition,
  type LockerKioskEvent,
  type LockerOffer,
  type LockerScreen,
  type MemberLockers,
} from './locker-flow';

/** Where the join screen was opened from, as `registerJoinInterest` records it. */
export type JoinOrigin = 'attract' | 'guest';

/** The screen in front of the worker, with what it needs to draw itself. */
export type Screen =
  | { readonly name: 'attract' }
  | {
      readonly name: 'welcome';
      readonly visitId: number;
      readonly visitNumber: number;
      /** `ask`: show the category picker; `thanked`: a category was just chosen or skipped. */
      readonly category: 'ask' | 'thanked' | 'known';
      readonly member: MemberLockers;
      /** Proof of this check-in for the wish wall; null where the service gave none. */
      readonly wishPass: string | null;
    }
  | { readonly name: 'already-here'; readonly visitNumber: number; readonly member: MemberLockers; readonly wishPass: string | null }
  | { readonly name: 'goodbye'; readonly dwellMinutes: number }
  | { readonly name: 'no-card' }
  | { readonly name: 'guest-welcome'; readonly guestVisitsToday: number; readonly wishPass: string | null }
  /** The wish wall; `pass` lets the person who just checked in write and say "me too". */
  | { readonly name: 'wishes'; readonly pass: string | null }
  | {
      readonly name: 'join';
      readonly from: JoinOrigin;
      readonly interestSent: boolean;
      /** Where Back goes: the screen "Join the union" was tapped on. */
      readonly back: Screen;
    }
  /** `reason` `not-saved`: the card was read but the visit could not be saved. */
  | { readonly name: 'card-error'; readonly reason?: CardErrorReason }
  /** The steward console; its sign-in, session and sections live in the console itself (`renderer/steward/`). */
  | { readonly name: 'steward' }
  | LockerScreen;

export type ScreenName = Screen['name'];

/**
 * `starting`: no station info yet. `ready`: the service answers. `reconnecting`: it answered
 * before and now does not.
 */
export type ServiceState = 'starting' | 'ready' | 'reconnecting';

/** The whole UI state. */
export interface KioskState {
  readonly screen: Screen;
  readonly service: ServiceState;
  readonly info: StationInfo | null;
  readonly devices: readonly DeviceStatus[];
  /**
   * Counts screen changes, including one screen replaced by another of the same kind (a
   * second card tap). Keys the screen so its timers start over, and restarts the idle timer.
   */
  readonly screenSeq: number;
  /** Free lockers, as last fetched for a screen that offers charging or collecting. */
  readonly lockers: LockerOffer;
  /**
   * Lockers whose door has been left open, lowest first: the alarm banner shows and sounds on
   * every screen until each is shut (availability answers and pushes say which).
   */
  readonly doorsLeftOpen: readonly number[];
  /**
   * Key of the personal countdown running now (a member's screens after a tap, or a pickup
   * code after its door was shut), or null when the screen is not personal. The countdown
   * does not restart when the screen changes within the same tap, nor for touches.
   */
  readonly personal: number | null;
  /** Personal countdowns started so far; the next one's key is this plus one. */
  readonly personalCount: number;
  /** A card was tapped while a pickup code was up: the code stays, a banner asks to tap again. */
  readonly heldTap: boolean;
}

/** Everything that can happen to the kiosk. */
export type KioskEvent =
  | { readonly type: 'info-loaded'; readonly info: StationInfo }
  | { readonly type: 'service-unavailable' }
  | { readonly type: 'devices'; readonly devices: readonly DeviceStatus[] }
  | { readonly type: 'check-in'; readonly outcome: CheckInOutcome }
  | { readonly type: 'card-error'; readonly reason?: CardErrorReason }
  | { readonly type: 'no-card' }
  | { readonly type: 'guest-checked-in'; readonly guest: GuestCheckIn }
  | { readonly type: 'open-join'; readonly from: JoinOrigin }
  | { readonly type: 'interest-registered' }
  | { readonly type: 'category-done' }
  /** Done button, idle timeout, or the card-error message timing out. */
  | { readonly type: 'home' }
  /** Back: to the screen this one was opened from (see `backFrom`). */
  | { readonly type: 'back' }
  /** "Steward" on the attract screen. */
  | { readonly type: 'steward' }
  /**
   * "Wish wall": with the wish pass of the check-in on screen, if any. `fromSeq`: the
   * `screenSeq` it was touched on, when it arrives later (after the wall's first page); it is
   * ignored if another screen came in between (a new tap, the idle timeout).
   */
  | { readonly type: 'open-wishes'; readonly fromSeq?: number }
  | LockerKioskEvent;

const ATTRACT: Screen = { name: 'attract' };

export const initialKioskState: KioskState = {
  screen: ATTRACT,
  service: 'starting',
  info: null,
  devices: [],
  screenSeq: 0,
  lockers: 'checking',
  doorsLeftOpen: [],
  personal: null,
  personalCount: 0,
  heldTap: false,
};

export function kioskReducer(state: KioskState, event: KioskEvent): KioskState {
  let next = withPersonal(state, transition(state, event), event);
  if (next.heldTap && next.screen.name !== 'pickup-code') next = { ...next, heldTap: false };
  if (next.screen === state.screen || updatesInPlace(state.screen, next.screen, event)) return next;
  return { ...next, screenSeq: state.screenSeq + 1 };
}

/**
 * Starts a personal countdown when a personal screen appears (after a tap, or a door shut
 * under a pickup code), keeps it across the screens reached by touch from there (a touch
 * does not buy time: the card pass dies on schedule), restarts it for a new tap, and stops
 * it when the screen is no longer personal.
 */
function withPersonal(before: KioskState, next: KioskState, event: KioskEvent): KioskState {
  if (!isPersonal(next.screen)) return next.personal === null ? next : { ...next, personal: null };
  const restart = before.personal === null || (event.type === 'check-in' && next.screen !== before.screen);
  if (!restart) return next;
  const key = next.personalCount + 1;
  return { ...next, personal: key, personalCount: key };
}

/**
 * Screens that clear themselves after `personalScreenSeconds`: they show a member's locker
 * buttons (with a card pass) or a pickup code whose door is shut.
 */
export function isPersonal(screen: Screen): boolean {
  switch (screen.name) {
    case 'welcome':
    case 'already-here':
    case 'goodbye':
    case 'locker-held':
      return true;
    case 'locker-cable':
      return screen.claimant.kind === 'member';
    case 'pickup-code':
      return screen.startedAtMs !== null;
    default:
      return false;
  }
}


/**
 * A key on the code keypad, or a shut door noted under a pickup code, changes the screen's
 * data but not the screen: no remount (which would replay its entrance and flicker).
 */
function updatesInPlace(before: Screen, after: Screen, event: KioskEvent): boolean {
  return before.name === after.name && (event.type === 'code-key' || event.type === 'code-next' || event.type === 'code-change-locker' || event.type === 'locker');
}

function transition(state: KioskState, event: KioskEvent): KioskState {
  switch (event.type) {
    case 'info-loaded':
      return { ...state, info: event.info, service: 'ready' };
    case 'service-unavailable':
      // Whatever flow was under way cannot finish; start over once the service is back. A
      // pickup code is the exception: it is shown once and never again, so it stays.
      return {
        ...state,
        service: state.info === null ? 'starting' : 'reconnecting',
        screen: state.screen.name === 'attract' || state.screen.name === 'pickup-code' ? state.screen : ATTRACT,
        lockers: 'checking',
      };
    case 'devices':
      return { ...state, devices: event.devices };
    // A pushed tap proves the service is back; do not wait for the next poll to show it.
    case 'check-in':
      // A pickup code on screen must not be wiped by the next worker's tap (the visit is counted anyway).
      if (state.screen.name === 'pickup-code') return { ...state, service: serviceAfterPush(state), heldTap: true };
      return { ...state, service: serviceAfterPush(state), screen: screenForCheckIn(event.outcome), lockers: 'checking' };
    case 'card-error':
      if (state.screen.name === 'pickup-code') return { ...state, service: serviceAfterPush(state) };
      return { ...state, service: serviceAfterPush(state), screen: { name: 'card-error', reason: event.reason } };
    case 'no-card':
      return { ...state, screen: { name: 'no-card' } };
    case 'guest-checked-in':
      return {
        ...state,
        screen: { name: 'guest-welcome', guestVisitsToday: event.guest.guestVisitsToday, wishPass: event.guest.wishPass ?? null },
        lockers: 'checking',
      };
    case 'open-join':
      return { ...state, screen: { name: 'join', from: event.from, interestSent: false, back: state.screen } };
    case 'interest-registered':
      return state.screen.name === 'join' ? { ...state, screen: { ...state.screen, interestSent: true } } : state;
    case 'category-done':
      return state.screen.name === 'welcome' ? { ...state, screen: { ...state.screen, category: 'thanked' } } : state;
    case 'home':
      return state.screen.name === 'attract' ? state : { ...state, screen: ATTRACT };
    case 'back':
      return state.screen.name === 'attract' ? state : { ...state, screen: backFrom(state.screen) };
    case 'steward':
      return state.screen.name === 'attract' ? { ...state, screen: { name: 'steward' } } : state;
    case 'open-wishes':
      if (event.fromSeq !== undefined && event.fromSeq !== state.screenSeq) return state;
      return { ...state, screen: { name: 'wishes', pass: wishPassOf(state.screen) } };
    case 'locker-availability':
    case 'charge':
    case 'claimed':
    case 'locker-call-failed':
    case 'pickup-code-noted':
    case 'collect':
    case 'code-key':
    case 'code-next':
    case 'code-change-locker':
    case 'code-recovered':
    case 'retrieved':
    case 'locker':
      return lockerTransition(state, event);
    default:
      return missingCase(event);
  }
}

/**
 * The screen Back returns to: the one a step was opened from (a member's welcome with its card
 * pass, so no second tap is needed), or the attract screen for screens opened from there.
 */
export function backFrom(screen: Screen): Screen {
  switch (screen.name) {
    case 'locker-cable':
    case 'join':
      return screen.back;
    default:
      return ATTRACT;
  }
}

function serviceAfterPush(state: KioskState): ServiceState {
  return state.info === null ? state.service : 'ready';
}

function screenForCheckIn(outcome: CheckInOutcome): Screen {
  switch (outcome.kind) {
    case 'welcome':
      return {
        name: 'welcome',
        visitId: outcome.visitId,
        visitNumber: outcome.visitNumber,
        category: outcome.needsCategory ? 'ask' : 'known',
        member: memberLockers(outcome),
        wishPass: outcome.wishPass ?? null,
      };
    case 'already-here':
      return { name: 'already-here', visitNumber: outcome.visitNumber, member: memberLockers(outcome), wishPass: outcome.wishPass ?? null };
    case 'goodbye':
      return { name: 'goodbye', dwellMinutes: outcome.dwellMinutes };
    default:
      return missingCase(outcome);
  }
}

/** The wish pass a screen carries: the check-in on it, or none (the wall is then read-only). */
function wishPassOf(screen: Screen): string | null {
  return screen.name === 'welcome' || screen.name === 'already-here' || screen.name === 'guest-welcome' ? screen.wishPass : null;
}

function memberLockers(outcome: { readonly cardPass?: string; readonly locker?: MemberLockers['locker'] }): MemberLockers {
  return { cardPass: outcome.cardPass ?? null, locker: outcome.locker ?? null };
}

/**
 * The screen to draw: a calm connecting screen whenever the service is not answering, except
 * over a pickup code, which must stay readable until the guest has it (or walks away).
 */
export function visibleScreen(state: KioskState): ScreenName | 'connecting' {
  if (state.info === null) return 'connecting';
  return state.service === 'ready' || state.screen.name === 'pickup-code' ? state.screen.name : 'connecting';
}

/**
 * Whether the idle timeout may take this screen away: every screen but attract (nothing to
 * return from) and a pickup code whose door is still open — that code must not be lost while
 * the guest is at the locker; it goes with "I have it", the door being shut (then a personal
 * countdown), or the claim being released. The steward panel times out, so its PIN is dropped.
 */
export function screenTimesOut(screen: Screen): boolean {
  if (screen.name === 'pickup-code') return screen.startedAtMs !== null;
  return screen.name !== 'attract';
}

/**
 * Whether the idle timer runs: on every screen that times out, and on the attract screen too
 * while it is in another language than the station's default (walking away resets that).
 */
export function idleTimerRuns(state: KioskState, locale: string): boolean {
  return screenTimesOut(state.screen) || locale !== (state.info?.defaultLocale ?? 'zh-CN');
}

/** Sound feedback for an event: a worker must hear that the tap worked (or did not). */
export function soundForEvent(event: KioskEvent): 'success' | 'failure' | null {
  switch (event.type) {
    case 'check-in':
    case 'guest-checked-in':
    case 'interest-registered':
      return 'success';
    case 'card-error':
    case 'locker-call-failed':
      return 'failure';
    case 'claimed':
      return event.outcome.kind === 'none-free' ? 'failure' : 'success';
    case 'retrieved':
      return event.outcome.kind === 'opened' ? 'success' : 'failure';
    default:
      return null;
  }
}
