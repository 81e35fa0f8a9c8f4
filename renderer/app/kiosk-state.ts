/**
 * What the kiosk shows, as a pure reducer. Service events, wedge reads, taps and timers all
 * become `KioskEvent`s; the screen to draw follows from the state alone, so every path
 * (including "the service went away mid-flow") is a unit-testable transition.
 */
import type { CheckInOutcome, DeviceStatus, GuestCheckIn, StationInfo } from '../../common/domain';
import { missingCase } from '../../common/result';
import {
  lockerTransition,
  sessionOnScreen,
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
    }
  | { readonly name: 'already-here'; readonly visitNumber: number; readonly member: MemberLockers }
  | { readonly name: 'goodbye'; readonly dwellMinutes: number }
  | { readonly name: 'no-card' }
  | { readonly name: 'guest-welcome'; readonly guestVisitsToday: number }
  | {
      readonly name: 'join';
      readonly from: JoinOrigin;
      readonly interestSent: boolean;
      /** Where Back goes: the screen "Join the union" was tapped on. */
      readonly back: Screen;
    }
  | { readonly name: 'card-error' }
  /** The steward's locker panel; its PIN and steps live in the panel itself (`steward-panel`). */
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
   * Session whose door was reported left open, while its locker is on screen: the alarm
   * banner shows and sounds. Cleared when the door shuts or the screen moves on.
   */
  readonly doorAlarm: number | null;
}

/** Everything that can happen to the kiosk. */
export type KioskEvent =
  | { readonly type: 'info-loaded'; readonly info: StationInfo }
  | { readonly type: 'service-unavailable' }
  | { readonly type: 'devices'; readonly devices: readonly DeviceStatus[] }
  | { readonly type: 'check-in'; readonly outcome: CheckInOutcome }
  | { readonly type: 'card-error' }
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
  | LockerKioskEvent;

const ATTRACT: Screen = { name: 'attract' };

export const initialKioskState: KioskState = {
  screen: ATTRACT,
  service: 'starting',
  info: null,
  devices: [],
  screenSeq: 0,
  lockers: 'checking',
  doorAlarm: null,
};

export function kioskReducer(state: KioskState, event: KioskEvent): KioskState {
  let next = transition(state, event);
  if (next.doorAlarm !== null && sessionOnScreen(next.screen) !== next.doorAlarm) next = { ...next, doorAlarm: null };
  if (next.screen === state.screen || updatesInPlace(state.screen, next.screen, event)) return next;
  return { ...next, screenSeq: state.screenSeq + 1 };
}

/**
 * A key on the code keypad, or a shut door noted under a pickup code, changes the screen's
 * data but not the screen: no remount (which would replay its entrance and flicker).
 */
function updatesInPlace(before: Screen, after: Screen, event: KioskEvent): boolean {
  return before.name === after.name && (event.type === 'code-key' || event.type === 'locker');
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
      return { ...state, service: serviceAfterPush(state), screen: screenForCheckIn(event.outcome), lockers: 'checking' };
    case 'card-error':
      return { ...state, service: serviceAfterPush(state), screen: { name: 'card-error' } };
    case 'no-card':
      return { ...state, screen: { name: 'no-card' } };
    case 'guest-checked-in':
      return {
        ...state,
        screen: { name: 'guest-welcome', guestVisitsToday: event.guest.guestVisitsToday },
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
    case 'locker-availability':
    case 'charge':
    case 'claimed':
    case 'locker-call-failed':
    case 'pickup-code-noted':
    case 'collect':
    case 'code-key':
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
      };
    case 'already-here':
      return { name: 'already-here', visitNumber: outcome.visitNumber, member: memberLockers(outcome) };
    case 'goodbye':
      return { name: 'goodbye', dwellMinutes: outcome.dwellMinutes };
    default:
      return missingCase(outcome);
  }
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
 * return from). That includes a pickup code, so a guest who walks away does not leave it
 * readable by the next person, and the steward panel, so its PIN is dropped.
 */
export function screenTimesOut(screen: Screen): boolean {
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
