/**
 * Touch pickers for a notice's daily window and weekdays: hour and minute steppers and seven
 * weekday toggles, every one a button of at least the kiosk's minimum target, so no native
 * time field or checkbox (and no operating-system keyboard or picker) is needed.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Minutes in a day; an end of 1440 means "until midnight". */
export const DAY_MINUTES = 1440;
/**
 * Minute steps: windows are set by the quarter hour (a 14:30 opening is two taps, not six);
 * a stored minute off the grid steps onto it.
 */
export const MINUTE_STEP = 15;
/** Monday first, as stewards read a week; values are `Date.getDay()` bits. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** `hh:mm`, with 1440 as `24:00` (the end of the day, as the window means it). */
export const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The minute after one step of `delta` (±60 for an hour, ±MINUTE_STEP for minutes), kept
 * within [min, max]: a step past either end stops there rather than wrapping round midnight,
 * so a window can never silently flip. Minute steps land on the quarter-hour grid.
 */
export function stepMinute(minute: number, delta: number, min: number, max: number): number {
  const grid = Math.abs(delta) === MINUTE_STEP;
  const next = grid ? (delta > 0 ? Math.floor(minute / MINUTE_STEP) * MINUTE_STEP + MINUTE_STEP : Math.ceil(minute / MINUTE_STEP) * MINUTE_STEP - MINUTE_STEP) : minute + delta;
  return Math.min(max, Math.max(min, next));
}

export interface TimeStepperProps {
  /** Test id of this end of the window (its buttons' ids start with it). */
  readonly id: 'notice-start' | 'notice-end';
  readonly label: string;
  /** Minutes since local midnight, 0–1440. */
  readonly minute: number;
  readonly min: number;
  readonly max: number;
  readonly onChange: (minute: number) => void;
}

export function TimeStepper({ id, label, minute, min, max, onChange }: TimeStepperProps): ReactElement {
  const { t } = useTranslation();
  const step = (delta: number, name: string, text: string, aria: string) => {
    const next = stepMinute(minute, delta, min, max);
    return (
      <button type="button" className="big-button notice-step" data-testid={`${id}-${name}`} aria-label={aria} disabled={next === minute} onClick={() => onChange(next)}>
        {text}
      </button>
    );
  };
  return (
    <div className="notice-time" role="group" aria-label={label} data-testid={id} data-minute={minute}>
      <span className="notice-time-label">{label}</span>
      <div className="notice-time-part">
        {step(60, 'hour-up', '▲', t('notices.hourLater'))}
        {step(-60, 'hour-down', '▼', t('notices.hourEarlier'))}
      </div>
      <output className="notice-time-value" data-testid={`${id}-value`}>
        {hhmm(minute)}
      </output>
      <div className="notice-time-part">
        {step(MINUTE_STEP, 'minute-up', '▲', t('notices.minutesLater', { minutes: MINUTE_STEP }))}
        {step(-MINUTE_STEP, 'minute-down', '▼', t('notices.minutesEarlier', { minutes: MINUTE_STEP }))}
      </div>
    </div>
  );
}

export function DayToggles({ days, onChange }: { readonly days: number; readonly onChange: (days: number) => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="notice-days" role="group" aria-label={t('notices.days')}>
      {WEEKDAYS.map((d) => {
        const on = (days & (1 << d)) !== 0;
        return (
          <button key={d} type="button" className={on ? 'big-button notice-day is-on' : 'big-button notice-day'} data-testid={`notice-day-${d}`} aria-pressed={on} onClick={() => onChange(days ^ (1 << d))}>
            {t(`notices.day.${d}`)}
          </button>
        );
      })}
    </div>
  );
}
