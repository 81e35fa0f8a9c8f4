import { afterAll, beforeAll } from 'vitest';

/**
 * Runs this test file in `timeZone` (local days, DST) and puts the process's TZ back after
 * it, so a file's zone never leaks into the next one run in the same worker.
 */
export function useTimeZone(timeZone: string): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = timeZone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
