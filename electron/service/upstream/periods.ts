/**
 * Hour and day periods in the station's local time, as the summaries count them.
 */
import type { Period } from '../../../common/upstream-wire';
import { localDayBounds } from '../local-day';

export type PeriodUnit = 'hour' | 'day';

const HOUR_MS = 3_600_000;
/** Heartbeat slot length. */
export const SLOT_MS = 5 * 60_000;

/** The local hour or day containing `ms`. */
export function periodContaining(unit: PeriodUnit, ms: number): Period {
  if (unit === 'day') {
    const { startMs, endMs } = localDayBounds(ms);
    return { startMs, endMs, label: `${localDate(startMs)}${offsetText(startMs)}` };
  }
  // Arithmetic on the offset rather than setMinutes(0): in the repeated hour of a DST change
  // setMinutes may pick the other 01:00, and zones with :30 or :45 offsets still work.
  const offsetMs = offsetMinutes(ms) * 60_000;
  const startMs = ms - mod(ms + offsetMs, HOUR_MS);
  const hour = String(new Date(startMs).getHours()).padStart(2, '0');
  return { startMs, endMs: startMs + HOUR_MS, label: `${localDate(startMs)}T${hour}${offsetText(startMs)}` };
}

/** Start of the 5-minute slot containing `ms` (slots are aligned to UTC, which every offset in use divides). */
export function slotStart(ms: number): number {
  return ms - mod(ms, SLOT_MS);
}

function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function offsetMinutes(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

function offsetText(ms: number): string {
  const minutes = offsetMinutes(ms);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
