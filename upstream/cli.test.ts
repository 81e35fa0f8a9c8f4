/**
 * `npm run collector` as an operator uses it: add-station prints a key once (and refuses a
 * bad id before opening anything), then the server starts on 127.0.0.1 on the same PGlite folder, prints
 * its address, takes a batch signed with that key, and stops on SIGTERM.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../electron/hosts/app-paths';
import { hourlyItem } from './test-items';
import { signedHeaders } from './testing';

const TSX = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = join(REPO_ROOT, 'upstream', 'cli.ts');
const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function collector(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX, CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run collector', () => {
  it('add-station prints the key once; the server on 127.0.0.1 accepts a batch signed with it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'collector-cli-'));
    dirs.push(data);
    const added = await collector(['add-station', 'st-cli', '--data', data]);
    expect(added.code).toBe(0);
    const lines = added.stdout.trim().split('\n');
    expect(lines[0]).toBe("Station st-cli registered. Its key, shown only this once (put it in the station's key file):");
    expect(lines[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const key = Buffer.from(lines[1]!, 'base64url');
    expect(await collector(['add-station', 'no spaces', '--data', data])).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run collector -- add-station ID') });
    const made = await collector(['dashboard-token', '区工会 李明', '--data', data]);
    expect(made.code).toBe(0);
    const tokenLines = made.stdout.trim().split('\n');
    expect(tokenLines[0]).toBe('Dashboard token for 区工会 李明, shown only this once (sign in at /dashboard with it):');
    expect(tokenLines[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await collector(['dashboard-token', '--data', data])).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run collector -- dashboard-token NAME') });

    const server = spawn(process.execPath, [TSX, CLI, '--data', data, '--port', '0'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no address line in 120 s: ${out}`)), 120_000);
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Collector listening on .*\n/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[0].trim());
          }
        });
      });
      expect(line).toMatch(new RegExp(`^Collector listening on http://127\\.0\\.0\\.1:\\d+ \\(pglite: ${data.replace(/[.]/g, '\\.')}\\); fleet dashboard at http://127\\.0\\.0\\.1:\\d+/dashboard$`));
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0];
      const signIn = await fetch(`${url}/dashboard/sign-in`, {
        method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: tokenLines[1]! }),
      });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('set-cookie')).toMatch(/^fleet_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/dashboard; HttpOnly; SameSite=Strict$/);
      const body = JSON.stringify({ schemaVersion: 1, stationId: 'st-cli', sentAtMs: Date.now(), items: [hourlyItem('st-cli', 0)] });
      const res = await fetch(`${url}/v1/batches`, { method: 'POST', body, headers: signedHeaders(key, 'st-cli', body) });
      expect({ status: res.status, results: ((await res.json()) as { results: unknown }).results }).toEqual({
        status: 200,
        results: [{ key: hourlyItem('st-cli', 0).key, status: 'accepted' }],
      });
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);
});
