import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../hosts/content-security-policy';
import {
  createStationWindow,
  hardenContents,
  hardenSession,
  isZoomKey,
  stationWindowOptions,
  withCsp,
  type HardenableContents,
  type HardenableSession,
  type PreventableEvent,
  type ResponseHeaders,
} from './window';

/** Test double of WebContents: records listeners and calls (Electron cannot run here). */
function contentsDouble() {
  const listeners = new Map<string, (...args: never[]) => void>();
  const calls = { zoomLimits: [] as number[][], zoomFactor: [] as number[], openHandler: null as null | (() => { action: 'deny' }) };
  const contents = {
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, listener);
    },
    setWindowOpenHandler(handler: () => { action: 'deny' }) {
      calls.openHandler = handler;
    },
    async setVisualZoomLevelLimits(min: number, max: number) {
      calls.zoomLimits.push([min, max]);
    },
    setZoomFactor(factor: number) {
      calls.zoomFactor.push(factor);
    },
  } satisfies HardenableContents;
  const fire = (event: string, ...args: unknown[]) => (listeners.get(event) as (...a: unknown[]) => void)(...args);
  return { contents, calls, fire, listeners };
}

function preventable(): PreventableEvent & { prevented: boolean } {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('station window options', () => {
  it('is a sandboxed, isolated kiosk with no Node in the page', () => {
    const options = stationWindowOptions('/app/out/electron/preload/preload.cjs');
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/electron/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('createStationWindow', () => {
  it('drops the menu, opens the kiosk window and hardens its page', () => {
    const menus: unknown[] = [];
    const opened: unknown[] = [];
    const d = contentsDouble();
    // BrowserWindow test double: records its options and carries the contents double.
    class BrowserWindowDouble {
      readonly webContents = d.contents;
      constructor(options: unknown) {
        opened.push(options);
      }
    }
    const win = createStationWindow({ BrowserWindow: BrowserWindowDouble, Menu: { setApplicationMenu: (m) => void menus.push(m) } }, '/p.cjs');
    expect(win).toBeInstanceOf(BrowserWindowDouble);
    expect(menus).toEqual([null]);
    expect(opened).toEqual([stationWindowOptions('/p.cjs')]);
    expect(d.calls.openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('hardenContents', () => {
  it('denies navigation, redirects, webviews and new windows', () => {
    const d = contentsDouble();
    hardenContents(d.contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = preventable();
      d.fire(event, e, 'https://evil.example/');
      expect(e.prevented, event).toBe(true);
    }
    expect(d.calls.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('pins zoom: pinch limits, zoom reset and zoom keys swallowed', () => {
    const d = contentsDouble();
    hardenContents(d.contents);
    expect(d.calls.zoomLimits).toEqual([[1, 1]]);
    d.fire('zoom-changed', {}, 'in');
    expect(d.calls.zoomFactor).toEqual([1]);
    const zoomIn = preventable();
    d.fire('before-input-event', zoomIn, { type: 'keyDown', key: '=', control: true, meta: false });
    expect(zoomIn.prevented).toBe(true);
    const typing = preventable();
    d.fire('before-input-event', typing, { type: 'keyDown', key: '0', control: false, meta: false });
    expect(typing.prevented).toBe(false);
  });

  it('recognises zoom shortcuts only with Ctrl or Cmd on key down', () => {
    expect(isZoomKey({ type: 'keyDown', key: '-', control: false, meta: true })).toBe(true);
    expect(isZoomKey({ type: 'keyUp', key: '-', control: true, meta: false })).toBe(false);
    expect(isZoomKey({ type: 'keyDown', key: 'a', control: true, meta: false })).toBe(false);
  });
});

describe('hardenSession', () => {
  it('denies every permission and sets the CSP on responses', () => {
    let request: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
    let check: (() => boolean) | null = null;
    let device: (() => boolean) | null = null;
    let headersListener: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0] | null = null;
    const sessionDouble: HardenableSession = {
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
      setDevicePermissionHandler: (h) => void (device = h),
      webRequest: { onHeadersReceived: (l) => void (headersListener = l) },
    };
    const csp = contentSecurityPolicy([]);
    hardenSession(sessionDouble, csp);

    const granted: boolean[] = [];
    request!({}, 'media', (g) => granted.push(g));
    request!({}, 'notifications', (g) => granted.push(g));
    expect(granted).toEqual([false, false]);
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);

    let answered: ResponseHeaders | null = null;
    headersListener!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, (r) => {
      answered = r.responseHeaders;
    });
    expect(answered).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [csp] });
  });

  it('gives the Electron page no connect sources and no inline scripts', () => {
    const csp = contentSecurityPolicy([]);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(withCsp({}, csp)).toEqual({ 'Content-Security-Policy': [csp] });
  });
});
