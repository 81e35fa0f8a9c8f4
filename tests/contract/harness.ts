/**
 * Starts the station contract behind each adapter, with the service test double, and hands
 * back the client the page would hold. Both harnesses use the real adapter code; only what
 * cannot exist here (Electron's IPC) is a double.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { StationClient } from '../../common/contract';
import { SOCKET_PATH } from '../../common/socket-protocol';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser/browser-host';
import { createAppPageCheck } from '../../electron/main/app-page';
import { forwardStationEvents } from '../../electron/main/forward-events';
import { registerStationIpc } from '../../electron/main/ipc';
import { createIpcStationClient } from '../../electron/preload/ipc-client';
import { createWebSocketClient, type SocketConstructor } from '../../renderer/api/ws-client';
import { createElectronIpcDouble, type ElectronIpcDouble } from './electron-ipc-double';
import { createStationServiceDouble, type StationServiceDouble } from './station-service-double';

export interface Harness {
  readonly client: StationClient;
  readonly service: StationServiceDouble;
  close(): Promise<void>;
}

export const TEST_INDEX_HTML = '<!doctype html><html><head><title>Station</title></head><body><div id="root"></div></body></html>';

/** A directory holding a minimal built renderer; removed by the returned function. */
export function makeStaticDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'station-static-'));
  writeFileSync(join(dir, 'index.html'), TEST_INDEX_HTML);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `ws`'s WebSocket sending the Origin a browser on the station page would send. */
export function webSocketWithOrigin(origin: string): SocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  };
}

export function socketUrl(host: BrowserHost, token = host.token): string {
  return `ws://127.0.0.1:${host.port}${SOCKET_PATH}?token=${encodeURIComponent(token)}`;
}

export interface BrowserHarness extends Harness {
  readonly host: BrowserHost;
  readonly staticDir: string;
  /** Lines the host logged for refused handshakes. */
  readonly refused: string[];
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const service = createStationServiceDouble();
  const site = makeStaticDir();
  const refused: string[] = [];
  const host = await startBrowserHost({ service, staticDir: site.dir, port: 0, onRefused: (line) => refused.push(line) });
  const client = createWebSocketClient({
    url: socketUrl(host),
    WebSocketImpl: webSocketWithOrigin(`http://127.0.0.1:${host.port}`),
    callTimeoutMs: 5_000,
  });
  return {
    client,
    service,
    host,
    staticDir: site.dir,
    refused,
    async close() {
      client.close();
      await host.close();
      site.remove();
    },
  };
}

/** The built page as the Electron host loads it (app-protocol.ts). */
export const APP_PAGE_URL = 'station://app/index.html';

export interface ElectronHarness extends Harness {
  readonly ipc: ElectronIpcDouble;
}

export async function startElectronHarness(): Promise<ElectronHarness> {
  const service = createStationServiceDouble();
  const ipc = createElectronIpcDouble(APP_PAGE_URL);
  const unregister = registerStationIpc({
    ipcMain: ipc.ipcMain,
    api: service.api,
    isAppPage: createAppPageCheck(),
  });
  const stopForwarding = forwardStationEvents(service.events, ipc.webContents);
  const client = createIpcStationClient(ipc.ipcRenderer);
  return {
    client,
    service,
    ipc,
    async close() {
      stopForwarding();
      unregister();
    },
  };
}
