/**
 * Sandboxed preload: exposes the station client once as `window.station`. Bundled into one
 * CommonJS file by `npm run build:electron`, because a sandboxed preload cannot load local
 * modules at run time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createIpcStationClient } from './ipc-client';

contextBridge.exposeInMainWorld('station', createIpcStationClient(ipcRenderer));
