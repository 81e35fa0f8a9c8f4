/** Wall-clock times ("since 14:05, until 18:05") in the kiosk's own time zone, 24-hour. */
import type { Locale } from '../../common/domain';

/**
 * `epochMs` as HH:MM. `timeZone` is for tests; the kiosk uses the machine's zone, which is
 * the station's.
 */
export function formatClock(epochMs: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(epochMs);
}
