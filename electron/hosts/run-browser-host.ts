/**
 * `npm start` without Electron: the service and the browser host in this process, plus
 * Chromium in kiosk mode when there is a screen to show it on.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveDataDir } from '../service/data-dir';
import { appPaths } from './app-paths';
import { startBrowserHost } from './browser/browser-host';
import { createQuietLog } from './browser/quiet-log';
import { writeScreenLaunchFile } from './browser/screen-launch';
import { loadScreenToken } from './browser/screen-token';
import { startOnStablePort } from './browser/stable-port';
import { findChromium, hasDisplay, openKioskBrowser, screenChoice } from './chromium-launcher';
import type { StartArgs } from './start-args';
import type { SupervisorLink } from '../supervisor/supervisor-channel';
import { createWiredStation } from './station-wiring';

/** Milliseconds shutdown may take before the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 10_000;

/** `supervisor`: when the service runs under `electron/supervise.ts`, which then owns the screen. */
export async function runBrowserHost(
  args: StartArgs,
  log: (line: string) => void = console.log,
  supervisor?: SupervisorLink,
): Promise<void> {
  const dataDir = args.dataDir ? ensureDir(args.dataDir) : resolveDataDir();
  const { service, devices } = await createWiredStation({ dataDir, configPath: args.configPath });
  for (const line of devices) log(line);
  const chromium = findChromium();
  const screen = screenChoice(args.headless, hasDisplay(), chromium);
  log(screen.line);
  let host;
  try {
    const token = loadScreenToken(dataDir);
    const onRefused = createQuietLog((line) => console.warn(line));
    host = await startOnStablePort(dataDir, args.port, (port) =>
      startBrowserHost({ service, staticDir: appPaths().rendererDir, port, token, onRefused }),
    );
  } catch (error) {
    await service.close();
    throw error;
  }
  let browser: ChildProcess | null = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    browser?.kill('SIGTERM');
    // Host first, so no page call reaches a closing service.
    void host
      .close()
      .then(() => service.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  // Listening before the ready line: whoever reads it may stop the station at once, and a
  // SIGTERM with no listener yet would end the process without closing the database.
  // Kept for every signal, not once: a stop signals the whole process group (systemd, a
  // terminal's Ctrl-C, tsx relaying to its child), so a second SIGTERM can arrive while the
  // first is closing the database, and without a listener it would kill the station there.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  log(`Station ready at ${host.url}`);
  // The station's own console is one of the two ways the token may reach a screen.
  log(`Private screen URL: ${host.screenUrl}`);

  if (screen.chromium) {
    // Via the owner-only launch file: Chromium's arguments are visible to every local user.
    const launch = writeScreenLaunchFile(dataDir, host.screenUrl);
    const profileDir = join(dataDir, 'chromium-kiosk-profile');
    // Supervised, the screen stays open across service restarts: the supervisor opens it (once).
    if (!supervisor?.openScreen({ chromium: screen.chromium, launchUrl: launch, profileDir })) {
      browser = openKioskBrowser(screen.chromium, launch, profileDir);
    }
  }
  supervisor?.ready();
}

function ensureDir(dir: string): string {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}
