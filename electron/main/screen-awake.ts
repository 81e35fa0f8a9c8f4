/**
 * The screen never goes dark by itself while the station is open: Electron's power-save
 * blocker ('prevent-display-sleep') is held in opening hours and released outside them, so a
 * station that closes at night may let the display sleep (the page wakes it on a touch or a
 * tap). Re-checked every minute; a 24-hour station holds it always.
 */

/** Opening hours in local time, `HH:MM`; `closesAt` before `opensAt` spans midnight. null: open 24 hours. */
export type OpeningHours = { readonly opensAt: string; readonly closesAt: string } | null;

/** The part of Electron's `powerSaveBlocker` used (the real one fits; tests use a double). */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
  isStarted(id: number): boolean;
}

export interface ScreenAwakeOptions {
  readonly blocker: PowerSaveBlockerLike;
  readonly hours: OpeningHours;
  /** How often the hours are re-checked, in ms. Default 60 000. */
  readonly checkEveryMs?: number;
  readonly now?: () => Date;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(text: string): number {
  const match = HH_MM.exec(text);
  if (!match) throw new TypeError(`opening hours must be HH:MM, got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether `at` (local time) is inside `hours`. Equal open and close times mean open all day. */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  if (hours === null) return true;
  const opens = minutesOf(hours.opensAt);
  const closes = minutesOf(hours.closesAt);
  const minute = at.getHours() * 60 + at.getMinutes();
  if (opens === closes) return true;
  return opens < closes ? minute >= opens && minute < closes : minute >= opens || minute < closes;
}

/** Starts holding the blocker as the hours say; the returned function releases it and stops checking. */
export function keepScreenAwake(options: ScreenAwakeOptions): () => void {
  const now = options.now ?? (() => new Date());
  // Bad hours fail here, at start-up, not a minute later inside a timer.
  isOpenAt(options.hours, now());
  let id: number | null = null;
  const apply = () => {
    const open = isOpenAt(options.hours, now());
    if (open && (id === null || !options.blocker.isStarted(id))) id = options.blocker.start('prevent-display-sleep');
    if (!open && id !== null) {
      options.blocker.stop(id);
      id = null;
    }
  };
  apply();
  const timer = setInterval(apply, options.checkEveryMs ?? 60_000);
  return () => {
    clearInterval(timer);
    if (id !== null) options.blocker.stop(id);
    id = null;
  };
}
