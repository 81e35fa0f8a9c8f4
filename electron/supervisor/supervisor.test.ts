/** The supervisor over real child processes (a service double that speaks the real channel). */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRestartPolicy } from './restart-policy';
import { startSupervisor, type Supervisor } from './supervisor';
import { SUPERVISED_ENV } from './supervisor-channel';

const DOUBLE = join(import.meta.dirname, 'testing', 'service-double.ts');

function supervise(args: string[] = [], hungAfterMs = 5_000) {
  const lines: string[] = [];
  const supervisor = startSupervisor({
    spawnService: () => fork(DOUBLE, args, { execArgv: ['--import', 'tsx'], env: { ...process.env, [SUPERVISED_ENV]: '1' }, stdio: 'ignore' }),
    log: (line) => lines.push(line),
    pingEveryMs: 100,
    hungAfterMs,
    policy: createRestartPolicy({ initialDelayMs: 50, maxDelayMs: 200 }),
  });
  running.push(supervisor);
  return { supervisor, lines };
}

/** Polls (bounded) until `read` gives a value other than undefined. */
async function until<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const running: Supervisor[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

describe('supervisor', () => {
  it('starts a killed service again, with the reason and delay in its log', async () => {
    const { supervisor, lines } = supervise();
    const first = await until(() => supervisor.servicePid());
    // Only a service that was ready once is restarted.
    await until(() => (supervisor.serviceReady() ? true : undefined));
    process.kill(first, 'SIGKILL');
    const second = await until(() => {
      const pid = supervisor.servicePid();
      return pid !== undefined && pid !== first ? pid : undefined;
    });
    expect(second).not.toBe(first);
    await until(() => (supervisor.serviceReady() ? true : undefined));
    expect(supervisor.restarts()).toBe(1);
    expect(lines).toEqual(['Supervisor: the station service stopped (SIGKILL); starting it again in 50 ms']);
  }, 30_000);

  it('treats a service that stops answering as crashed: kills it and starts another', async () => {
    const { supervisor, lines } = supervise([], 1_000);
    const first = await until(() => supervisor.servicePid());
    await until(() => (supervisor.serviceReady() ? true : undefined));
    process.kill(first, 'SIGSTOP');
    await until(() => (supervisor.restarts() === 1 ? true : undefined));
    expect(lines[0]).toMatch(new RegExp(`^Supervisor: the station service \\(pid ${first}\\) has not answered for \\d+ ms; treating it as crashed$`));
    expect(lines[1]).toBe('Supervisor: the station service stopped (SIGKILL); starting it again in 50 ms');
    expect(await until(() => supervisor.servicePid())).not.toBe(first);
  }, 30_000);

  it('does not restart a service that failed before it was ever ready: its exit code is the answer', async () => {
    const { supervisor, lines } = supervise(['fail', '2']);
    expect(await supervisor.done).toBe(2);
    expect(supervisor.restarts()).toBe(0);
    expect(lines).toEqual([]);
  }, 30_000);

  it('stops the service with the signal it is given and resolves with its exit code, without a restart', async () => {
    const { supervisor, lines } = supervise();
    await until(() => (supervisor.serviceReady() ? true : undefined));
    expect(await supervisor.stop('SIGTERM')).toBe(0);
    expect(await supervisor.stop('SIGTERM')).toBe(0);
    expect(supervisor.servicePid()).toBeUndefined();
    expect(supervisor.restarts()).toBe(0);
    expect(lines).toEqual([]);
  }, 30_000);
});
