/**
 * Which notices show at a moment, and when that next changes. A notice shows on the local
 * weekdays in its mask, from its start minute to its end minute of local time; the windows
 * are read off the local clock, so a DST change moves them with the clock on the wall.
 */
import type { Notice } from '../../../../common/notices';

const KIND_ORDER = { notice: 0, event: 1, service: 2 } as const;
/** Far enough to find the next boundary of any weekday mask. */
const LOOKAHEAD_DAYS = 8;

export function isShowing(notice: Notice, ms: number): boolean {
  if (!notice.active) return false;
  const d = new Date(ms);
  const minute = d.getHours() * 60 + d.getMinutes();
  return (notice.days & (1 << d.getDay())) !== 0 && minute >= notice.startMinute && minute < notice.endMinute;
}

/** Active notices showing at `ms`: notices, then events, then services; each by start time. */
export function showingAt(notices: readonly Notice[], ms: number): Notice[] {
  return notices
    .filter((n) => isShowing(n, ms))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.startMinute - b.startMinute || a.id - b.id);
}

/** The first window opening or closing after `ms`, epoch ms; null when no notice is active. */
export function nextChange(notices: readonly Notice[], ms: number): number | null {
  const now = new Date(ms);
  let next: number | null = null;
  for (const n of notices) {
    if (!n.active) continue;
    for (let k = 0; k < LOOKAHEAD_DAYS; k++) {
      const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + k);
      if ((n.days & (1 << day.getDay())) === 0) continue;
      for (const minute of [n.startMinute, n.endMinute]) {
        // Date normalises minute 1440 to the next midnight.
        const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minute).getTime();
        if (at > ms && (next === null || at < next)) next = at;
      }
    }
  }
  return next;
}
