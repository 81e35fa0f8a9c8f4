/**
 * What only the Electron host has: sender checks on every call and channels derived from the
 * contract. Runs the real ipc.ts and preload client over the in-memory IPC double.
 */
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodChannel } from '../../common/channels';
import { METHOD_NAMES } from '../../common/contract';
import { createAppPageCheck } from '../../electron/main/app-page';
import { registerStationIpc } from '../../electron/main/ipc';
import { createIpcStationClient } from '../../electron/preload/ipc-client';
import { createElectronIpcDouble } from './electron-ipc-double';
import { createStationServiceDouble } from './station-service-double';
import { APP_PAGE_URL, startElectronHarness, type ElectronHarness } from './harness';

describe('Electron host', () => {
  let h: ElectronHarness;

  beforeEach(async () => {
    h = await startElectronHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('registers exactly one handler per contract method', () => {
    expect(h.ipc.handledChannels().sort()).toEqual(METHOD_NAMES.map(methodChannel).sort());
  });

  it.each([
    ['another file', pathToFileURL('/tmp/evil/index.html').href],
    ['the built page over file://', pathToFileURL('/opt/rest-station/dist/renderer/index.html').href],
    ['another page on the app scheme', 'station://app/other.html'],
    ['the app page on another host of the scheme', 'station://evil/index.html'],
    ['a web page', 'https://evil.example/index.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['the app path on another scheme', 'http://app/index.html'],
  ])('answers a call from %s with forbidden, without reaching the service', async (_label, url) => {
    h.ipc.senderUrl = url;
    const result = await h.client.guestCheckIn();
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(h.service.received.guestCheckIn).toBeUndefined();
  });

  it('accepts the app page with a query or hash, and refuses it from a subframe', async () => {
    h.ipc.senderUrl = `${APP_PAGE_URL}?lang=en#/welcome`;
    expect(await h.client.guestCheckIn()).toMatchObject({ ok: true });
    h.ipc.fromSubframe = true;
    expect(await h.client.guestCheckIn()).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('stops answering after unregistering; the client reports unavailable', async () => {
    await h.close();
    expect(h.ipc.handledChannels()).toEqual([]);
    expect(await h.client.getStationInfo()).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('drops events once the window is gone instead of throwing in the service', () => {
    h.ipc.destroyed = true;
    expect(() =>
      h.service.events.emit('cardError', { deviceId: 'door', reason: 'unreadable' }),
    ).not.toThrow();
  });

  it('removes the IPC listener when the page unsubscribes', () => {
    const off = h.client.on('checkIn', () => undefined);
    expect(h.ipc.listenerCount('station:event:checkIn')).toBe(1);
    off();
    expect(h.ipc.listenerCount('station:event:checkIn')).toBe(0);
  });
});

describe('Electron host in development', () => {
  it('accepts the dev server origin only', async () => {
    const ipc = createElectronIpcDouble('http://localhost:5173/');
    const service = createStationServiceDouble();
    const unregister = registerStationIpc({
      ipcMain: ipc.ipcMain,
      api: service.api,
      isAppPage: createAppPageCheck({ devServerUrl: 'http://localhost:5173/' }),
    });
    const client = createIpcStationClient(ipc.ipcRenderer);
    expect(await client.getDeviceStatus()).toMatchObject({ ok: true });
    ipc.senderUrl = 'http://localhost:5174/';
    expect(await client.getDeviceStatus()).toMatchObject({ ok: false, code: 'forbidden' });
    unregister();
  });
});
