/**
 * Placeholder for schema version 4 (the upstream outbox, developed alongside). It does
 * nothing; when that change lands its real 0004 replaces this file in `index.ts`.
 */
export const version = 4;

export function up(): void {
  // Intentionally empty.
}
