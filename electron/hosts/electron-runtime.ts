/**
 * Whether the Electron runtime can run here. The `electron` package exports the path of its
 * binary, which its install script downloads; where that download is impossible the export
 * throws or points at nothing.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type RequireLike = (id: string) => unknown;

/** Absolute path of a runnable Electron binary, or `null`. Never throws. */
export function findElectronBinary(load: RequireLike = createRequire(import.meta.url), exists = existsSync): string | null {
  try {
    const path = load('electron');
    return typeof path === 'string' && path !== '' && exists(path) ? path : null;
  } catch {
    return null;
  }
}

export type HostChoice = { kind: 'electron'; binary: string } | { kind: 'browser'; reason: string };

/**
 * Electron when its runtime is available, else the browser host. `STATION_HOST=browser`
 * forces the browser host (e.g. to try Chromium's kiosk mode on a machine with Electron).
 */
export function chooseHost(env: NodeJS.ProcessEnv, binary: string | null): HostChoice {
  if (env.STATION_HOST === 'browser') return { kind: 'browser', reason: 'STATION_HOST=browser' };
  if (binary) return { kind: 'electron', binary };
  return { kind: 'browser', reason: 'Electron runtime not available' };
}
