/** The service's process as the supervisor starts it: a real fork that reports its own flags. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_V8_FLAGS, serviceExecArgv, spawnStationService } from './service-process';

const REPORTER = join(import.meta.dirname, 'testing', 'runtime-report.ts');

function runtimeOf(execArgv: string[]): Promise<{ execArgv: string[]; supervised: string | null }> {
  const child = spawnStationService(REPORTER, [], process.env, execArgv);
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as { execArgv: string[]; supervised: string | null }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the reporter exited (${code}) without a word`)));
  });
}

describe('the station service process', () => {
  it('runs with the service V8 heap settings, after the parent flags (tsx loader kept), supervised', async () => {
    expect(SERVICE_V8_FLAGS).toEqual(['--max-semi-space-size=2']);
    const runtime = await runtimeOf(serviceExecArgv(['--import', 'tsx']));
    expect(runtime).toEqual({ execArgv: ['--import', 'tsx', '--max-semi-space-size=2'], supervised: '1' });
  }, 20_000);

  it('replaces a parent setting of the same flag instead of running with two', () => {
    expect(serviceExecArgv(['--max-semi-space-size=16', '--import', 'tsx', '--max-old-space-size=512'])).toEqual(['--import', 'tsx', '--max-old-space-size=512', '--max-semi-space-size=2']);
    expect(serviceExecArgv([])).toEqual(['--max-semi-space-size=2']);
  });
});
