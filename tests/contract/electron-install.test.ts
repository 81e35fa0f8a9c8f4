/**
 * `npm run electron:install` runs Electron's own installer and says in one line when it
 * cannot: pointed at a mirror nobody listens on, with an empty download cache, it fails
 * fast and the same way every time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';
import { findElectronBinary } from '../../electron/hosts/electron-runtime';

const SCRIPT = join(REPO_ROOT, 'scripts', 'electron-install.mjs');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run electron:install', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('without a reachable download host prints one line and exits 1', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'electron-cache-'));
    dirs.push(cache);
    // A skip left in the environment must not turn the explicit request into a silent no-op.
    const env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:1/', electron_config_cache: cache, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const result = await run(env);
    if (findElectronBinary()) {
      // The runtime is installed on this machine already: the installer has nothing to fetch.
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Electron ${ELECTRON_VERSION} installed \\(.+\\): npm start now runs the Electron kiosk shell\\.\\n$`));
      return;
    }
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Could not download Electron ${ELECTRON_VERSION} from http://127.0.0.1:1/ (connect ECONNREFUSED 127.0.0.1:1); the station runs in the browser host.\n`,
    );
  });
});
