/**
 * The local days a usage range covers. Days are the station's calendar days (local
 * midnight to local midnight), so a 23- or 25-hour day around a DST change is one day.
 */
import type { UsageRange } from '../../../../common/usage';
import { localDayBounds } from '../../local-day';

const DAYS: Record<UsageRange, number> = { today: 1, '7d': 7, '30d': 30 };

/** One local day: start inclusive, end exclusive, epoch ms, and its `YYYY-MM-DD`. */
export interface LocalDay {
  readonly startMs: number;
  readonly endMs: number;
  readonly date: string;
}

/** The range's days, oldest first, ending with the local day containing `nowMs`. */
export function usageDays(range: UsageRange, nowMs: number): LocalDay[] {
  const today = localDayBounds(nowMs);
  const days: LocalDay[] = [];
  for (let back = DAYS[range] - 1; back >= 0; back--) {
    const start = new Date(today.startMs);
    // setDate, not 24 h steps: local midnights are not 24 h apart across a DST change.
    start.setDate(start.getDate() - back);
    const { startMs, endMs } = localDayBounds(start.getTime());
    days.push({ startMs, endMs, date: localDate(startMs) });
  }
  return days;
}

function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
