/**
 * CPU time of processes from /proc (Linux), for bench figures that do not depend on how busy
 * the shared machine is: a throughput under load says little, the CPU each request cost says
 * what our code spends. Times are user + system, in seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ); 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

interface Stat {
  readonly ppid: number;
  /** Own user + system, s. */
  readonly own: number;
  /** Of its children that ended and were waited for, s. */
  readonly children: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may hold spaces: the fields start after the last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  const tick = (i: number) => Number(fields[i]) / TICKS_PER_SECOND;
  return { ppid: Number(fields[1]), own: tick(11) + tick(12), children: tick(13) + tick(14) };
}

/** One process's CPU time so far, s (0 once it is gone). */
export function processCpuSeconds(pid: number): number {
  return readStat(pid)?.own ?? 0;
}

/**
 * A server and its workers so far, s: its own time, that of its children that ended (PostgreSQL
 * waits for every backend it started) and that of its children still running.
 */
export function treeCpuSeconds(pid: number): number {
  const root = readStat(pid);
  if (!root) return 0;
  let total = root.own + root.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = readStat(Number(entry));
    if (child?.ppid === pid) total += child.own;
  }
  return total;
}

/** The whole machine's busy CPU time so far (every process, ours or not), s, from /proc/stat. */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
  const busy = cpu.reduce((sum, v, i) => (i === 3 || i === 4 || i > 7 ? sum : sum + v), 0);
  return busy / TICKS_PER_SECOND;
}

/** The processes a timed run watches: collector processes and the PostgreSQL server. */
export interface CpuWatch {
  readonly collectors: readonly number[];
  readonly postgres: number;
}

/** CPU seconds of each watched process, of this process and of the machine, at one moment. */
export interface CpuSnapshot {
  readonly collectors: readonly number[];
  readonly postgres: number;
  /** This process (the load generator). */
  readonly load: number;
  readonly machine: number;
}

export function cpuSnapshot(watch: CpuWatch): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    collectors: watch.collectors.map(processCpuSeconds),
    postgres: treeCpuSeconds(watch.postgres),
    load: (own.user + own.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

/** What each part spent between two snapshots, s. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return {
    collectors: after.collectors.map((c, i) => c - (before.collectors[i] ?? 0)),
    postgres: after.postgres - before.postgres,
    load: after.load - before.load,
    machine: after.machine - before.machine,
  };
}
