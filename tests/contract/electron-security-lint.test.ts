/**
 * The Electron security lint rules (eslint.config.js, `electronSecurity`) are real: each
 * mistake from Electron's checklist is reported in electron/ code, and the station's own
 * window options and preload pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function messages(code: string, filePath = 'electron/main/lint-probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('Electron security lint', () => {
  it.each([
    ['export const o = { nodeIntegration: true };', 'Node integration stays off'],
    ['export const o = { nodeIntegrationInSubFrames: true };', 'Node integration stays off'],
    ['export const o = { contextIsolation: false };', 'contextIsolation, sandbox and webSecurity stay on'],
    ['export const o = { sandbox: false };', 'contextIsolation, sandbox and webSecurity stay on'],
    ['export const o = { webSecurity: false };', 'contextIsolation, sandbox and webSecurity stay on'],
    ['export const o = { allowRunningInsecureContent: true };', 'no insecure content'],
    ['export const o = { webviewTag: true };', 'no insecure content'],
    ["export const o = { enableBlinkFeatures: 'X' };", 'Blink features'],
    ["declare const shell: { openExternal(u: string): void }; shell.openExternal('https://x');", 'shell.openExternal'],
    ["declare const w: { loadURL(u: string): void }; w.loadURL('https://example.org/');", 'no remote content'],
    ["declare const c: { exposeInMainWorld(n: string, v: unknown): void }; declare const ipcRenderer: unknown; c.exposeInMainWorld('x', ipcRenderer);", 'never hand ipcRenderer'],
    ["declare const c: { exposeInMainWorld(n: string, v: unknown): void }; declare const ipcRenderer: unknown; c.exposeInMainWorld('x', { ipc: ipcRenderer });", 'never hand ipcRenderer'],
    ["declare const w: { executeJavaScript(s: string): void }; w.executeJavaScript('1');", 'no code strings'],
  ])('reports %s', async (code, expected) => {
    const found = await messages(code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('passes the station window, the preload and a local page load', async () => {
    for (const file of ['electron/main/window.ts', 'electron/preload/preload.ts', 'electron/main/main.ts']) {
      expect(await messages(readFileSync(join(REPO_ROOT, file), 'utf8'), file), file).toEqual([]);
    }
    expect(await messages("declare const w: { loadURL(u: string): void }; w.loadURL('http://localhost:5173'.replace('x', 'y'));")).toEqual([]);
  });
});
