/**
 * The built preload must work where Electron runs it: sandboxed, CommonJS, able to require
 * only `electron`. This builds it with the project's build config and runs the bundle in a
 * bare VM context whose `require` knows nothing but an Electron test double.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { METHOD_NAMES } from '../../common/contract';
import { createElectronIpcDouble } from './electron-ipc-double';

describe('preload bundle', () => {
  let outDir: string;
  let code: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'station-preload-'));
    await build({
      configFile: 'vite.electron.config.ts',
      mode: 'preload',
      logLevel: 'silent',
      build: { outDir, sourcemap: false },
    });
    code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  }, 60_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('requires nothing but electron and exposes the station client exactly once', async () => {
    const required: string[] = [];
    const exposed: Array<[string, unknown]> = [];
    const ipc = createElectronIpcDouble('station://app/index.html');
    // Electron test double: only what a sandboxed preload may reach.
    const electronDouble = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: ipc.ipcRenderer,
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
        return electronDouble;
      },
      module,
      exports: module.exports,
      console,
    });
    expect(required).toEqual(['electron']);
    expect(exposed.map(([key]) => key)).toEqual(['station']);
    const station = exposed[0]?.[1] as Record<string, unknown>;
    for (const method of [...METHOD_NAMES, 'on']) expect(typeof station[method], method).toBe('function');
    // No raw IPC objects cross the bridge.
    expect(Object.values(station)).not.toContain(ipc.ipcRenderer);
    expect(Object.keys(station).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
  });
});
