/**
 * The kiosk window: full screen, no menu, no zoom, no navigation away, no pop-ups, no
 * permissions, and a strict CSP on everything the session loads. The options and the
 * hardening steps are separate functions so they can be checked without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Window options. Guarantees the renderer has no Node, runs sandboxed and isolated. */
export function stationWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    // Shown at once on a light background: a kiosk must never sit on a black screen.
    show: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Check-in tones must play before anyone has touched the screen.
      autoplayPolicy: 'no-user-gesture-required',
      // Pinch and Ctrl+wheel zoom would leave touch targets misplaced on a kiosk.
      zoomFactor: 1,
    },
  };
}

/** The Electron classes the window needs (the real ones fit; tests use doubles). */
export interface WindowElectron<W extends { readonly webContents: HardenableContents }> {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  readonly Menu: { setApplicationMenu(menu: null): void };
}

/** Removes the application menu, opens the kiosk window and hardens its page. */
export function createStationWindow<W extends { readonly webContents: HardenableContents }>(
  electron: WindowElectron<W>,
  preloadPath: string,
): W {
  // No menu: its accelerators (reload, zoom, dev tools, quit) are all ways out of the kiosk.
  electron.Menu.setApplicationMenu(null);
  const window = new electron.BrowserWindow(stationWindowOptions(preloadPath));
  hardenContents(window.webContents);
  return window;
}

/** A cancellable Electron event. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of `WebContents` the hardening uses (the real one fits; tests use a double). */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'zoom-changed', listener: () => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: ZoomKeyInput) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  setZoomFactor(factor: number): void;
}

export interface ZoomKeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
}

/**
 * Denies every page-initiated navigation and window, and pins zoom at 100 %. The app loads
 * its own pages from the main process (`loadURL(APP_PAGE_URL)`), which these events do not cover.
 */
export function hardenContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('before-input-event', (event, input) => {
    if (isZoomKey(input)) event.preventDefault();
  });
}

export function isZoomKey(input: ZoomKeyInput): boolean {
  return input.type === 'keyDown' && (input.control || input.meta) && ['+', '=', '-', '_', '0'].includes(input.key);
}

/** Response headers as Electron's `webRequest.onHeadersReceived` hands them over. */
export type ResponseHeaders = Record<string, string[] | string>;

/** The part of `Session` the hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Denies every permission (camera, notifications, HID, serial…: the page needs none; the
 * service owns the devices) and adds `csp` to every response the session loads.
 */
export function hardenSession(session: HardenableSession, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}, csp) });
  });
}

/** Replaces any CSP the response carries (whatever its header case) with ours. */
export function withCsp(headers: ResponseHeaders, csp: string): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
