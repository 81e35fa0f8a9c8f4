// The Electron preload exposes the station client here (contextBridge); absent in a browser.
import type { StationClient } from '../../common/contract';

declare global {
  interface Window {
    readonly station?: StationClient;
  }
}

export {};
