/**
 * Appends to a simulator's record of what it heard or did, keeping at least the last `kept`
 * entries and never more than twice that: the simulated devices `npm start` runs are polled
 * for months, and tests only look at the recent past. Old entries go in blocks, so a push
 * stays cheap.
 */
export function pushRecent<T>(list: T[], item: T, kept: number): void {
  if (list.length >= 2 * kept) list.splice(0, list.length - kept);
  list.push(item);
}
