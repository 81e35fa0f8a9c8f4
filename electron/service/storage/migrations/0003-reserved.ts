/**
 * Placeholder for schema version 3, which a change developed alongside the upstream outbox
 * claims. It does nothing; when that change lands its real 0003 replaces this file in
 * `index.ts` (listing both makes the runner refuse to start: two migrations for one version).
 */
export const version = 3;

export function up(): void {
  // Intentionally empty.
}
