/**
 * Locker sessions keep how long they charged as measured on the monotonic clock
 * (`charged_ms`), so a wall clock stepped by NTP or reset by a lost RTC while a phone is in
 * a locker cannot make a session last minus an hour or a whole day. Rows from before this
 * version have NULL; reports fall back to `ended_ms - started_ms` for them.
 */
import type { Database } from 'better-sqlite3';

export const version = 12;

export function up(db: Database): void {
  db.exec(`ALTER TABLE locker_sessions ADD COLUMN charged_ms INTEGER CHECK (charged_ms IS NULL OR charged_ms >= 0)`);
}
