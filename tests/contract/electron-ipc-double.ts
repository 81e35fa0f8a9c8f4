/**
 * In-memory double of Electron's IPC (the Electron binary cannot run here): an ipcMain, an
 * ipcRenderer and the window's webContents, wired to each other. Like Electron, every
 * payload crosses with `structuredClone` (so functions, class instances and the like fail or
 * are flattened as they would for real), delivery is asynchronous, and an error thrown by a
 * handler reaches the renderer as a rejection carrying only its message.
 */
import type { IpcMainLike, InvokeEventLike } from '../../electron/main/ipc';
import type { EventTargetContents } from '../../electron/main/forward-events';
import type { IpcRendererLike } from '../../electron/preload/ipc-client';

type Handler = (event: InvokeEventLike, arg: unknown) => Promise<unknown>;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export interface ElectronIpcDouble {
  readonly ipcMain: IpcMainLike;
  readonly ipcRenderer: IpcRendererLike;
  readonly webContents: EventTargetContents;
  /** URL of the frame the renderer's calls come from. */
  senderUrl: string;
  /** When true, calls come from a subframe instead of the main frame. */
  fromSubframe: boolean;
  /** Simulates a closed window: `isDestroyed()` turns true. */
  destroyed: boolean;
  /** Channels that currently have a handler. */
  handledChannels(): string[];
  /** Renderer listeners currently registered on a channel. */
  listenerCount(channel: string): number;
}

export function createElectronIpcDouble(senderUrl: string): ElectronIpcDouble {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, RendererListener[]>();

  const double: ElectronIpcDouble = {
    senderUrl,
    fromSubframe: false,
    destroyed: false,
    ipcMain: {
      handle(channel, listener) {
        // Electron throws on a second handler for one channel; so must the double.
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, listener);
      },
      removeHandler(channel) {
        handlers.delete(channel);
      },
    },
    ipcRenderer: {
      async invoke(channel, ...args) {
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
        const cloned = structuredClone(args);
        const event: InvokeEventLike = {
          senderFrame: { url: double.senderUrl, parent: double.fromSubframe ? {} : null },
        };
        try {
          return structuredClone(await handler(event, cloned[0]));
        } catch (error) {
          // eslint-disable-next-line preserve-caught-error -- Electron sends only the message across; so does the double.
          throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
        }
      },
      on(channel, listener) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
        return double.ipcRenderer;
      },
      removeListener(channel, listener) {
        const list = listeners.get(channel) ?? [];
        const at = list.indexOf(listener);
        if (at >= 0) listeners.set(channel, [...list.slice(0, at), ...list.slice(at + 1)]);
        return double.ipcRenderer;
      },
    },
    webContents: {
      send(channel, ...args) {
        if (double.destroyed) throw new Error('Object has been destroyed');
        const cloned = structuredClone(args);
        queueMicrotask(() => {
          for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-double' }, ...cloned);
        });
      },
      isDestroyed: () => double.destroyed,
    },
    handledChannels: () => [...handlers.keys()],
    listenerCount: (channel) => listeners.get(channel)?.length ?? 0,
  };
  return double;
}
