/**
 * Child process of the accelerated week soak (week-soak.test.ts, `npm run bench`): the station
 * as `npm start` wires it with no hardware (createWiredStation: the real reader, locker-bus and
 * printer drivers on socat pty pairs, the board simulator behind the locker wall), driven
 * through a compressed week of `hours` simulated hours. Each hour: its share of `visits`
 * card taps (wedge reads, a pool of 2,000 workers), its share of `sessions` guest locker
 * sessions (claim → phone in, door shut → charging → pickup code → phone out, door shut →
 * ended, over the real locker simulator), then the hour's device faults: the reader unplugged
 * (its socat killed) and replugged by the simulator, with a real tap through it once it is
 * back, and a bus error (the board stops answering until the bus reports it, then answers
 * again). Prints one JSON line: memory (RSS, heap, external) and open descriptors after a
 * warm-up, at the end of every hour and at the end, each after a full GC, and one progress
 * line on stderr every 24 simulated hours.
 *
 * It runs as shipped: bundled like the service (tests/bench/week-soak.ts builds it with
 * scripts/build-station.mjs's bundle) and run by plain node with the service's V8 settings
 * (electron/supervisor/service-process.ts) plus --expose-gc, so no TypeScript compiler shares
 * its heap. The taps through the replugged reader come from a process of their own
 * (sim-tap-child.ts, what `npm run sim -- tap` does, bundled beside it), as a person's would:
 * the port it opens is not the station's.
 *
 * WEEK_SOAK_SNAPSHOT_DIR=<dir> also writes heap snapshots after day 2 and at the end, to
 * compare by constructor (tests/soak/heap-diff.ts; the snapshot writer leaves ~100 MB of RSS
 * with the process: such a run tells what grows on the heap, not how much RSS grows).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import type { DeviceStatus } from '../../common/domain';
import type { CableType } from '../../common/lockers';
import { createWiredStation } from '../../electron/hosts/station-wiring';
import { SIM_CONTROL_SOCKET, SIM_LOCKER_LAYOUT } from '../../hardware/simulators/default-simulated-lockers';
import { SIM_DIR_NAME } from '../../hardware/simulators/default-simulated-reader';
import { sendSimCommand, type SimCommand } from '../../hardware/simulators/sim-control';
import { waitUntil } from '../../hardware/testing/wait-until';
import type { MemorySample as Sample } from '../bench/week-soak';

const WORKERS = 2_000;
/** Taps before growth is measured (as in visit-soak-child.ts). */
const WARMUP_VISITS = 3_000;
const FIRST_CARD = 1_000_000_000;
const CABLES: readonly CableType[] = ['usb-c', 'lightning', 'micro-usb'];

function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc: without a full GC the samples measure garbage');
  gc();
}


function sample(): Sample {
  gcNow();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, fds: readdirSync('/proc/self/fd').length, heapTotal, heapUsed, external, arrayBuffers };
}

/** `npm run sim -- tap <card>` against the station in `dataDir`, in a process of its own (sim-tap-child.ts, bundled beside this one); resolves with its exit code and last words. */
function simTap(dataDir: string, card: string): Promise<{ code: number; said: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'sim-tap.cjs'), dataDir, card], { timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        // Its last line, or why it never said one (killed at the time limit, not started).
        said: `${stderr}${stdout}`.trim().split('\n').at(-1) || (error ? `${error.killed ? `killed (${error.signal}) ` : ''}${error.message.split('\n')[0]}` : ''),
      }),
    );
  });
}

/** With WEEK_SOAK_SNAPSHOT_DIR set, a heap snapshot there (after a full GC), to see what grows. */
function snapshot(label: string): void {
  const dir = process.env.WEEK_SOAK_SNAPSHOT_DIR;
  if (!dir) return;
  gcNow();
  writeHeapSnapshot(join(dir, `week-soak-${label}.heapsnapshot`));
}

async function main(): Promise<void> {
  const [dataDir, visitsText, sessionsText, hoursText] = process.argv.slice(2);
  if (!dataDir || !visitsText || !sessionsText || !hoursText) throw new Error('usage: week-soak-child.ts <dataDir> <visits> <sessions> <hours>');
  const [visits, sessions, hours] = [Number(visitsText), Number(sessionsText), Number(hoursText)];
  const simDataDir: string = dataDir;
  const wired = await createWiredStation({ dataDir, service: { wedgeLimit: null } });
  const { api, events } = wired.service;
  const simDir = join(dataDir, SIM_DIR_NAME);
  const control = join(simDir, SIM_CONTROL_SOCKET);

  let devices: DeviceStatus[] = [];
  const stateOf = (kind: DeviceStatus['kind']) => devices.find((d) => d.kind === kind)?.state;
  // Counted at each event, not read at each poll: on a quiet machine the reader can go offline
  // and be back online between two polls, and a poll for "offline" would then wait in vain.
  let readerWentOffline = 0;
  events.on('deviceStatus', ({ devices: now }) => {
    const was = stateOf('card-reader');
    devices = now;
    if (stateOf('card-reader') === 'offline' && was !== 'offline') readerWentOffline += 1;
  });
  const first = await api.getDeviceStatus();
  if (first.ok) devices = first.value;
  const ended = new Set<number>();
  const charging = new Set<number>();
  events.on('locker', (e) => {
    if (e.kind === 'session-started') charging.add(e.sessionId);
    if (e.kind === 'session-ended') ended.add(e.sessionId);
  });
  let checkIns = 0;
  events.on('checkIn', () => (checkIns += 1));
  await waitUntil(() => stateOf('card-reader') === 'online' && stateOf('locker-bus') === 'online', 'reader and lockers online', 15_000);

  const door = async (command: SimCommand) => {
    const answer = await sendSimCommand(control, command);
    if (!answer.ok) throw new Error(`sim ${command.op}: ${answer.message}`);
  };
  const lockOf = (lockerNumber: number) => SIM_LOCKER_LAYOUT.find((l) => l.number === lockerNumber)!;

  let visitNo = 0;
  let sessionNo = 0;
  const counts = { visits: 0, sessions: 0, readerReplugs: 0, busErrors: 0, realTaps: 0 };

  async function lockerSession(): Promise<void> {
    const cable = CABLES[sessionNo % CABLES.length]!;
    sessionNo += 1;
    // Straight after the hour's burst of taps, which holds the loop for a while: the bus must
    // not have taken that for a silent board (tests/integration/locker-tap-burst.test.ts).
    const claim = await api.claimLocker({ claimant: { kind: 'guest' }, cable });
    if (!claim.ok || claim.value.kind !== 'opened' || claim.value.pickupCode === null) throw new Error(`claim ${sessionNo}: ${JSON.stringify(claim)}`);
    const { sessionId, lockerNumber, pickupCode } = claim.value;
    const { board, lock } = lockOf(lockerNumber);
    await door({ op: 'phone-in', board, lock });
    await door({ op: 'close-door', board, lock });
    await waitUntil(() => charging.has(sessionId), `session ${sessionId} charging`, 10_000);
    const pickup = await api.openMyLocker({ kind: 'guest', lockerNumber, pickupCode });
    if (!pickup.ok || pickup.value.kind !== 'opened') throw new Error(`pickup ${sessionNo}: ${JSON.stringify(pickup)}`);
    await door({ op: 'phone-out', board, lock });
    await door({ op: 'close-door', board, lock });
    await waitUntil(() => ended.has(sessionId), `session ${sessionId} ended`, 10_000);
    charging.delete(sessionId);
    ended.delete(sessionId);
    counts.sessions += 1;
  }

  async function readerReplug(): Promise<void> {
    const pid = Number(readFileSync(join(simDir, 'reader-host.pid'), 'utf8').trim());
    const offlineBefore = readerWentOffline;
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => readerWentOffline > offlineBefore, 'reader offline after unplug', 10_000);
    await waitUntil(() => stateOf('card-reader') === 'online', 'reader back after replug', 15_000);
    counts.readerReplugs += 1;
    // A real tap through the replugged reader: bytes over the new pty into a check-in.
    const before = checkIns;
    // The driver may be back a moment before the simulator's side of the new pty pair takes
    // bytes: a refused tap is tried again, a few times, and its reason kept.
    const said: string[] = [];
    for (let attempt = 1; ; attempt += 1) {
      const { code, said: words } = await simTap(simDataDir, String(FIRST_CARD + WORKERS + counts.readerReplugs));
      if (code === 0) break;
      said.push(words);
      if (attempt === 10) throw new Error(`sim tap exited ${code} ten times: ${said.slice(-3).join(' / ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await waitUntil(() => checkIns > before, 'the tap through the replugged reader checked in', 10_000);
    counts.realTaps += 1;
  }

  async function busError(): Promise<void> {
    await door({ op: 'board-offline', board: 1 });
    await waitUntil(() => stateOf('locker-bus') !== 'online', 'the bus reports the silent board', 15_000);
    await door({ op: 'clear-faults' });
    await waitUntil(() => stateOf('locker-bus') === 'online', 'the bus back online', 15_000);
    counts.busErrors += 1;
  }

  // Warm-up: the first WARMUP_VISITS taps at once (every worker of the pool seen, SQLite's
  // page cache full; see visit-soak-child.ts) and the first hour of sessions and faults; the
  // rest of the visits are spread over the remaining hours, where growth is measured.
  const warmupVisits = Math.min(WARMUP_VISITS, Math.floor(visits / 2));
  let warmup: Sample | null = null;
  /** The sample at the end of every simulated hour: the growth curve. */
  const trace: Sample[] = [];
  const started = performance.now();
  for (let hour = 0; hour < hours; hour += 1) {
    if (hour === 1) warmup = sample();
    const visitTarget = warmupVisits + Math.round(((hour + 1) * (visits - warmupVisits)) / hours);
    while (visitNo < visitTarget) {
      const result = await api.submitWedgeRead({ text: String(FIRST_CARD + ((visitNo * 7919) % WORKERS)) });
      if (!result.ok) throw new Error(`tap ${visitNo}: ${result.code}`);
      visitNo += 1;
      counts.visits += 1;
      // A station has idle seconds between taps, in which V8 collects fully; this loop never
      // idles, so it collects as often (see visit-soak-child.ts).
      if (visitNo % 500 === 0) gcNow();
    }
    const sessionTarget = Math.round(((hour + 1) * sessions) / hours);
    while (sessionNo < sessionTarget) await lockerSession();
    await readerReplug();
    await busError();
    const now = sample();
    trace.push(now);
    if ((hour + 1) % 24 === 0) process.stderr.write(`week-soak: day ${(hour + 1) / 24} (${Math.round((performance.now() - started) / 1000)} s) ${JSON.stringify(now)}\n`);
    if (hour === 47) snapshot('day-2');
  }
  const end = sample();
  snapshot('end');
  const elapsedMs = performance.now() - started;
  const faulty = await api.getLockerAvailability();
  await wired.service.close();
  process.stdout.write(`${JSON.stringify({ ...counts, hours, warmup, end, elapsedMs, trace, availability: faulty.ok ? faulty.value.state : faulty.code, execArgv: process.execArgv })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`week-soak-child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
