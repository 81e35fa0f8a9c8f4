/**
 * Which card passes the kiosk still holds. A pass lives in the screen it was issued for and
 * in the screens opened from it (the cable picker keeps the welcome screen to go Back to), so
 * the whole screen is searched rather than a list of screens that would go stale.
 */
import type { Screen } from './kiosk-state';

/** Every `cardPass` string anywhere in the screen, its Back screens included. */
export function heldPasses(screen: Screen): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'cardPass' && typeof inner === 'string') found.add(inner);
      else walk(inner, depth + 1);
    }
  };
  walk(screen, 0);
  return found;
}

/** Passes held before and not any more: the screens that held them have gone. */
export function releasedPasses(before: Screen, after: Screen): string[] {
  const now = heldPasses(after);
  return [...heldPasses(before)].filter((pass) => !now.has(pass));
}
