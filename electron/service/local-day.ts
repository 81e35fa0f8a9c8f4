/**
 * "Today" at a station is the local calendar day of the machine's time zone (a station
 * counts by its own midnight, not UTC's).
 */

/** Start (inclusive) and end (exclusive) of the local day containing `ms`, epoch ms. */
export function localDayBounds(ms: number): { startMs: number; endMs: number } {
  const start = new Date(ms);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  // setDate, not +24 h: days around a DST change are 23 or 25 hours long.
  end.setDate(end.getDate() + 1);
  return { startMs: start.getTime(), endMs: end.getTime() };
}
