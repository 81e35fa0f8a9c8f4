/**
 * How long threads waited for a CPU (Linux `/proc/<pid>/task/<tid>/schedstat`, its second
 * field: ns spent runnable on a run queue, not running). For a cut frame this says who was
 * starved in that tap — the bench's writer, socat relaying the simulated line, or a thread
 * of the station — without tracing anything on the path.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Per thread (`<group> <comm>/<tid>`): ns waited so far. */
export type WaitSnapshot = Map<string, number>;

/** The threads of each process (`pid`) or one thread of this process (`tid`) to watch, under a group name. */
export type Watched = { readonly group: string; readonly pid?: number; readonly tid?: number };

function readWaitNs(path: string): number | undefined {
  try {
    return Number(readFileSync(path, 'utf8').split(' ')[1]);
  } catch {
    return undefined;
  }
}

function comm(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '?';
  }
}

export function waitSnapshot(watched: readonly Watched[]): WaitSnapshot {
  const out: WaitSnapshot = new Map();
  for (const w of watched) {
    if (w.tid !== undefined) {
      const ns = readWaitNs(`/proc/${process.pid}/task/${w.tid}/schedstat`);
      if (ns !== undefined) out.set(`${w.group}/${w.tid}`, ns);
      continue;
    }
    if (w.pid === undefined) continue;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${w.pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const base = `/proc/${w.pid}/task/${tid}`;
      const ns = readWaitNs(`${base}/schedstat`);
      if (ns !== undefined) out.set(`${w.group} ${comm(`${base}/comm`)}/${tid}`, ns);
    }
  }
  return out;
}

/** The longest wait of each group between two snapshots, ms, with the thread that had it. */
export function longestWaits(before: WaitSnapshot, after: WaitSnapshot): { group: string; thread: string; ms: number }[] {
  const best = new Map<string, { thread: string; ms: number }>();
  for (const [key, ns] of after) {
    const ms = (ns - (before.get(key) ?? ns)) / 1e6;
    const group = key.split(/[ /]/)[0] as string;
    const current = best.get(group);
    if (!current || ms > current.ms) best.set(group, { thread: key, ms });
  }
  return [...best].map(([group, { thread, ms }]) => ({ group, thread, ms }));
}

/** e.g. `waited for a CPU: writer 0.2 ms, socat 131.0 ms (socat/4242), station 3.1 ms (station node/17)`. */
export function formatWaits(waits: readonly { group: string; thread: string; ms: number }[]): string {
  return `waited for a CPU: ${waits.map((w) => `${w.group} ${w.ms.toFixed(1)} ms (${w.thread})`).join(', ')}`;
}
