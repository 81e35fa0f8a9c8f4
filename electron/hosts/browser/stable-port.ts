/**
 * The browser host keeps its port across restarts (saved in the data directory), so an open
 * screen reconnects to the same address when the service comes back. A saved port that is
 * taken by something else is given up for a free one, which is then saved instead.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAVED_PORT_FILE_NAME = 'browser-host-port.json';

/** The saved port, or null when there is none or the file is unreadable. */
export function readSavedPort(dataDir: string): number | null {
  try {
    const json: unknown = JSON.parse(readFileSync(join(dataDir, SAVED_PORT_FILE_NAME), 'utf8'));
    const port = (json as { port?: unknown } | null)?.port;
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65_535 ? port : null;
  } catch {
    return null;
  }
}

export function savePort(dataDir: string, port: number): void {
  const path = join(dataDir, SAVED_PORT_FILE_NAME);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ port })}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/**
 * Starts on `requested` when it is a fixed port (1–65535). With 0 or none: on the saved port
 * when it is free, else on any free port; the port used is saved either way.
 */
export async function startOnStablePort<T extends { readonly port: number }>(
  dataDir: string,
  requested: number | undefined,
  start: (port: number) => Promise<T>,
): Promise<T> {
  if (requested) return start(requested);
  const saved = readSavedPort(dataDir);
  let started: T | null = null;
  if (saved !== null) {
    try {
      started = await start(saved);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
    }
  }
  started ??= await start(0);
  if (started.port !== saved) savePort(dataDir, started.port);
  return started;
}
