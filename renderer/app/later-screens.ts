/**
 * Screens outside the first screen and the tap → welcome path, each in its own chunk: the
 * locker flow, the steward console, "no card" and the join screen (which brings the QR encoder). They
 * are fetched in the background once the page is idle after its first paint (see
 * `preloadLaterScreens`), so a worker's first touch does not wait on the network.
 */
import { loadStringsPart } from '../i18n/locale-loader';
import { lazyScreen } from './lazy-screen';

export const NoCardScreen = lazyScreen(() => import('../screens/NoCardScreen').then((m) => m.NoCardScreen));
export const JoinScreen = lazyScreen(() => import('../screens/JoinScreen').then((m) => m.JoinScreen));
// The console and the wall bring their strings (the console's wish moderation and its
// on-screen keyboard use the wall's), so they render translated from their first frame.
export const ConsoleScreen = lazyScreen(() =>
  Promise.all([import('../steward/ConsoleScreen'), loadStringsPart('console'), loadStringsPart('wall')]).then(([m]) => m.ConsoleScreen),
);
export const CodeEntryScreen = lazyScreen(() => import('../screens/CodeEntryScreen').then((m) => m.CodeEntryScreen));
export const LockerCableScreen = lazyScreen(() => import('../screens/LockerCableScreen').then((m) => m.LockerCableScreen));
export const LockerChargingScreen = lazyScreen(() => import('../screens/LockerChargingScreen').then((m) => m.LockerChargingScreen));
export const LockerEndedScreen = lazyScreen(() => import('../screens/LockerEndedScreen').then((m) => m.LockerEndedScreen));
export const LockerHeldScreen = lazyScreen(() => import('../screens/LockerHeldScreen').then((m) => m.LockerHeldScreen));
export const LockerMessageScreen = lazyScreen(() => import('../screens/LockerMessageScreen').then((m) => m.LockerMessageScreen));
export const LockerOpenScreen = lazyScreen(() => import('../screens/LockerOpenScreen').then((m) => m.LockerOpenScreen));
export const LockerRetrieveScreen = lazyScreen(() => import('../screens/LockerRetrieveScreen').then((m) => m.LockerRetrieveScreen));
export const PickupCodeScreen = lazyScreen(() => import('../screens/PickupCodeScreen').then((m) => m.PickupCodeScreen));
export const WishWallScreen = lazyScreen(() =>
  Promise.all([import('../wishes/WishWallScreen'), loadStringsPart('wall')]).then(([m]) => m.WishWallScreen),
);

const ALL = [
  NoCardScreen, JoinScreen, ConsoleScreen, CodeEntryScreen, LockerCableScreen, LockerChargingScreen, LockerEndedScreen,
  LockerHeldScreen, LockerMessageScreen, LockerOpenScreen, LockerRetrieveScreen, PickupCodeScreen, WishWallScreen,
];

/** Latest moment (ms after the call) the background fetch starts even if the page never idles. */
const PRELOAD_DEADLINE_MS = 3000;

/**
 * Fetches every later screen once the page is idle. A failed fetch is left to the screen's
 * own load when it is opened (which retries, and on failure reloads the page).
 */
export function preloadLaterScreens(): void {
  whenIdle(() => {
    for (const screen of ALL) screen.preload().catch(() => undefined);
  });
}

/** Runs `fn` when the page is next idle, or after PRELOAD_DEADLINE_MS at the latest. */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: PRELOAD_DEADLINE_MS });
  else setTimeout(fn, 0);
}
