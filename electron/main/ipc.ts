/**
 * Main-process side of the Electron host: one `ipcMain.handle` per contract method, derived
 * from `METHOD_NAMES`. Each call is honoured only from the app's own page in the main frame,
 * then validated and dispatched through the contract.
 */
import { METHOD_NAMES, type StationApi } from '../../common/contract';
import { methodChannel } from '../../common/channels';
import { dispatchCall } from '../../common/dispatch';
import { err, type Result } from '../../common/result';
import type { AppPageCheck } from './app-page';

/** What a handler reads from Electron's `IpcMainInvokeEvent`. */
export interface InvokeEventLike {
  /** `null` when the frame has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's `ipcMain` used here (the real one fits; tests use a double). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, arg: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface StationIpcOptions {
  readonly ipcMain: IpcMainLike;
  readonly api: StationApi;
  readonly isAppPage: AppPageCheck;
}

/**
 * Registers every method. Guarantees: each handler resolves with a `Result` (never throws,
 * so the renderer never gets Electron's message-only error); a call from any other page or
 * from a subframe gets `forbidden` without reaching the service. Returns an unregister
 * function.
 */
export function registerStationIpc(options: StationIpcOptions): () => void {
  const { ipcMain, api, isAppPage } = options;
  const channels = METHOD_NAMES.map((method) => {
    const channel = methodChannel(method);
    ipcMain.handle(channel, async (event, arg): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, isAppPage)) {
        return err('forbidden', `${method}: caller is not the station page`);
      }
      return dispatchCall(api, method, arg);
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export function isTrustedSender(event: InvokeEventLike, isAppPage: AppPageCheck): boolean {
  const frame = event.senderFrame;
  // Subframes are refused even on the app's URL: the page embeds none, so one is foreign.
  return frame !== null && frame.parent === null && isAppPage(frame.url);
}
