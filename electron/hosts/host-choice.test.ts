import { describe, expect, it } from 'vitest';
import { chromiumKioskArgs, findChromium, hasDisplay } from './chromium-launcher';
import { chooseHost, findElectronBinary } from './electron-runtime';

describe('findElectronBinary', () => {
  it('is null when the electron package cannot give a path (download blocked)', () => {
    const load = () => {
      throw new Error('Electron failed to install correctly');
    };
    expect(findElectronBinary(load, () => true)).toBeNull();
  });

  it('is null when the path points at nothing', () => {
    expect(findElectronBinary(() => '/nope/electron', () => false)).toBeNull();
  });

  it('is the path when the binary exists', () => {
    expect(findElectronBinary(() => '/opt/electron', (p) => p === '/opt/electron')).toBe('/opt/electron');
  });
});

describe('chooseHost', () => {
  it('picks Electron when its binary exists', () => {
    expect(chooseHost({}, '/opt/electron')).toEqual({ kind: 'electron', binary: '/opt/electron' });
  });

  it('falls back to the browser host with the reason to print', () => {
    expect(chooseHost({}, null)).toEqual({ kind: 'browser', reason: 'Electron runtime not available' });
  });

  it('honours STATION_HOST=browser', () => {
    expect(chooseHost({ STATION_HOST: 'browser' }, '/opt/electron').kind).toBe('browser');
  });
});

describe('Chromium launch', () => {
  it('finds Debian chromium first, then the other names on PATH', () => {
    expect(findChromium({ PATH: '' }, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findChromium({ PATH: '/opt/google/bin' }, (p) => p === '/opt/google/bin/google-chrome')).toBe('/opt/google/bin/google-chrome');
    expect(findChromium({ PATH: '/x' }, () => false)).toBeNull();
  });

  it('needs X11 or Wayland', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });

  it('opens the URL as a kiosk app with its own profile', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:5000/', '/data/profile');
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:5000/', '--kiosk', '--user-data-dir=/data/profile']));
  });
});
