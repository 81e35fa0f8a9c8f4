/**
 * Electron main process: one instance per machine, the station service in this process, one
 * kiosk window. Friendly to auto-start (login item, systemd, Windows startup): no dialogs,
 * no dependence on the working directory, and a second launch just focuses the first.
 */
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveDataDir } from '../service/data-dir';
import type { StationService } from '../service-contract';
import { appPaths } from '../hosts/app-paths';
import { contentSecurityPolicy } from '../hosts/content-security-policy';
import { parseStartArgs } from '../hosts/start-args';
import { createWiredStation } from '../hosts/station-wiring';
import { createAppPageCheck } from './app-page';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { watchForCrashes } from './crash-recovery';
import { forwardStationEvents } from './forward-events';
import { registerStationIpc } from './ipc';
import { keepScreenAwake } from './screen-awake';
import { createStationWindow, hardenSession } from './window';

/** Vite dev server URL; honoured only in an unpackaged run. */
const devServerUrl = !app.isPackaged ? process.env.STATION_DEV_URL : undefined;

let window: BrowserWindow | null = null;
let service: StationService | null = null;

// Must happen before app.ready: the page's scheme is a standard, secure origin (app-protocol.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Another station is already running: it gets focused (below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!service) return;
    // Close the service (readers, database) before the process goes away.
    event.preventDefault();
    const closing = service;
    service = null;
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(app.isPackaged ? 1 : 2), false);
  const dataDir = args.dataDir ? ensureDir(args.dataDir) : resolveDataDir();
  const paths = appPaths(app.getAppPath());
  const isAppPage = createAppPageCheck({ devServerUrl });

  const wired = await createWiredStation({ dataDir, configPath: args.configPath });
  for (const line of wired.devices) console.log(line);
  service = wired.service;
  registerStationIpc({ ipcMain, api: wired.service.api, isAppPage });

  const csp = contentSecurityPolicy(devServerUrl ? [devWebSocketOrigin(devServerUrl)] : []);
  hardenSession(session.defaultSession, csp);
  // Only dist/renderer is reachable on the page's scheme; the CSP travels with each file.
  serveAppProtocol(protocol, { rendererDir: paths.rendererDir, headers: { 'Content-Security-Policy': csp } });

  window = createStationWindow({ BrowserWindow, Menu }, paths.electronPreload);
  const contents = window.webContents;
  const stopForwarding = forwardStationEvents(wired.service.events, contents);
  const loadApp = () => (devServerUrl ? contents.loadURL(devServerUrl) : contents.loadURL(APP_PAGE_URL));
  const stopWatching = watchForCrashes({
    contents,
    loadApp,
    // Self-contained, script-free HTML: plain file:// is enough (no extra privileges granted).
    showRecovery: () => contents.loadFile(paths.recoveryPage),
  });
  // 24-hour stations: the display never sleeps by itself (opening hours are not configurable yet).
  const stopAwake = keepScreenAwake({ blocker: powerSaveBlocker, hours: null });
  window.on('closed', () => {
    stopAwake();
    stopWatching();
    stopForwarding();
    window = null;
  });
  await loadApp().catch(() => undefined); // did-fail-load already switched to the recovery page
}

/** Vite's hot-reload socket, allowed by the CSP only in development. */
function devWebSocketOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol === 'https:' ? 'wss:' : 'ws:'}//${parsed.host}`;
}

function ensureDir(dir: string): string {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}

function fail(error: unknown): void {
  console.error(`Station failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  // A non-zero exit lets systemd or the login item's supervisor restart the station.
  app.exit(1);
}
