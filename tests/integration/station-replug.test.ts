/**
 * Serial unplug and replug of every simulated device, through the real station service as
 * `npm start` wires it (`createWiredStation`): reader, locker wall and slip printer each sit on
 * a socat pty pair. Killing a device's socat is the unplug (its tty vanishes); the simulator
 * makes a new pair on the same links, the replug. Each device must be reported offline, come
 * back online by itself, and then work: a tap checks in, a claim opens a locker, a slip prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/domain';
import { waitUntil } from '../../hardware/testing/wait-until';
import { main as sim } from '../../scripts/sim';
import { useWatchedStation } from '../support/watched-station';

const station = useWatchedStation('station-replug-');

async function run(...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await sim(args, { ...process.env, STATION_DATA_DIR: station.dataDir() }, { log: (l) => out.push(l), error: (l) => out.push(l) });
  return { code, out };
}

const socatPid = (name: string): number => Number(readFileSync(join(station.dataDir(), 'sim', `${name}-host.pid`), 'utf8').trim());

it('every simulated device goes offline when unplugged, comes back by itself, and works again', async () => {
  // Each device's states are recorded from here on, so that one replug is seen to disturb no other device.
  const { wired, stateOf, seen } = await station.start();
  const { api, events } = wired.service;
  const checkIns: string[] = [];
  events.on('checkIn', ({ outcome }) => checkIns.push(outcome.kind));

  const timings: string[] = [];
  /** `onlineWithinMs`: the reader and the bus reopen with a backoff of at most 2 s; the printer's tty is watched every second. */
  async function replug(name: string, kind: DeviceStatus['kind'], onlineWithinMs: number): Promise<void> {
    const old = socatPid(name);
    const killedAt = Date.now();
    process.kill(old, 'SIGKILL');
    await waitUntil(() => stateOf(kind) === 'offline', `${kind} offline after its socat died`, 5000);
    const offlineMs = Date.now() - killedAt;
    await waitUntil(() => stateOf(kind) === 'online', `${kind} online again by itself`, onlineWithinMs);
    expect(socatPid(name)).not.toBe(old);
    timings.push(`${kind}: offline after ${offlineMs} ms, online after ${Date.now() - killedAt} ms`);
  }

  await replug('reader', 'card-reader', 5000);
  expect(await run('tap', '0040856634')).toMatchObject({ code: 0 });
  await waitUntil(() => checkIns.length === 1, 'the tap checked in');
  expect(checkIns).toEqual(['welcome']);

  await replug('lockers', 'locker-bus', 5000);
  const claim = await api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
  expect(claim).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1 } });
  if (!claim.ok || claim.value.kind !== 'opened') throw new Error('no claim');

  await replug('printer', 'receipt-printer', 5000);
  expect(await api.printPickupSlip({ sessionId: claim.value.sessionId, lockerNumber: 1, language: 'zh-CN' })).toEqual({ ok: true, value: { kind: 'printed' } });
  expect(await run('printer', 'printed')).toMatchObject({ code: 0, out: [expect.stringContaining('\n1\n')] });

  const once = ['online', 'offline', 'online'];
  expect(seen).toEqual({ 'card-reader': once, 'locker-bus': once, 'receipt-printer': once });
  console.log(timings.join('\n'));
}, 60_000);
