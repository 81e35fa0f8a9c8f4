/**
 * The preload's station client: the contract's methods over `ipcRenderer.invoke` and its
 * events over `ipcRenderer.on`, built by `createStationClient` so nothing is written twice.
 * The page never sees a channel name or `ipcRenderer` itself.
 */
import { createStationClient } from '../../common/client';
import { eventChannel, methodChannel } from '../../common/channels';
import type { StationClient } from '../../common/contract';
import { wholeContract } from '../../common/whole-contract';

/** The part of Electron's `ipcRenderer` used here (the real one fits; tests use a double). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createIpcStationClient(ipcRenderer: IpcRendererLike): StationClient {
  return createStationClient(
    (method, arg) => ipcRenderer.invoke(methodChannel(method), arg),
    (event, listener) => {
      // The IPC event object carries the sender; the page gets the payload only.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannel(event), wrapped);
      return () => {
        ipcRenderer.removeListener(eventChannel(event), wrapped);
      };
    },
    wholeContract,
  );
}
