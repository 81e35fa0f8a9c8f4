/**
 * Where the page's part of a tap goes, from a Chromium trace: the tap bench's run with
 * tracing on, then, for each tap, the work on the renderer's main thread and on the raster
 * workers between the `checkIn` message and the painted stamp (the probe's user-timing marks
 * `tap:received` … `tap:painted`). `npm run bench -- --only tap-trace --taps N` (quiet only).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { percentile } from './stats';
import { runTaps } from './tap-to-paint';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, µs: what the event cost, unlike `dur` not stretched by a busy machine. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** Per tap: ms of each event name inside the window (clipped to it), by thread group. */
export interface TapWindow {
  readonly totalMs: number;
  /** `received` → `commit` and `commit` → `painted`, ms. */
  readonly toCommitMs: number;
  readonly toPaintMs: number;
  readonly main: Map<string, number>;
  /** The same events' thread time (CPU ms, scaled by the part inside the window). */
  readonly mainCpu: Map<string, number>;
  readonly raster: Map<string, number>;
}

/** Reads the windows of every traced tap out of a trace buffer. */
export function tapWindows(trace: Buffer): TapWindow[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  const marks = events.filter((e) => e.name.startsWith('tap:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'));
  const mainKey = marks[0] ? `${marks[0].pid}:${marks[0].tid}` : '';
  const pid = marks[0]?.pid;
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && e.pid === pid);
  const windows: TapWindow[] = [];
  const received = marks.filter((m) => m.name === 'tap:received');
  for (const start of received) {
    const commit = marks.find((m) => m.name === 'tap:commit' && m.ts >= start.ts);
    const painted = marks.find((m) => m.name === 'tap:painted' && m.ts >= start.ts);
    if (!commit || !painted) continue;
    const next = received.find((m) => m.ts > start.ts);
    if (next && next.ts < painted.ts) continue;
    const main = new Map<string, number>();
    const mainCpu = new Map<string, number>();
    const raster = new Map<string, number>();
    for (const e of complete) {
      const end = e.ts + (e.dur ?? 0);
      if (end <= start.ts || e.ts >= painted.ts) continue;
      const ms = (Math.min(end, painted.ts) - Math.max(e.ts, start.ts)) / 1000;
      const key = `${e.pid}:${e.tid}`;
      const into = key === mainKey ? main : (threadName.get(key) ?? '').startsWith('CompositorTileWorker') ? raster : null;
      if (into) into.set(e.name, (into.get(e.name) ?? 0) + ms);
      if (into === main && typeof e.tdur === 'number' && e.dur) mainCpu.set(e.name, (mainCpu.get(e.name) ?? 0) + (e.tdur / 1000) * ((ms * 1000) / e.dur));
    }
    windows.push({ totalMs: (painted.ts - start.ts) / 1000, toCommitMs: (commit.ts - start.ts) / 1000, toPaintMs: (painted.ts - commit.ts) / 1000, main, mainCpu, raster });
  }
  return windows;
}

/** The report: each event name's time per tap at p50 and p95 (names over 0.2 ms at p95). */
export function traceReport(windows: readonly TapWindow[]): string[] {
  const row = (label: string, values: number[]) =>
    `    ${label.slice(0, 34).padEnd(34)} ${percentile(values, 50).toFixed(2).padStart(8)} ${percentile(values, 95).toFixed(2).padStart(8)}`;
  const table = (title: string, pick: (w: TapWindow) => Map<string, number>) => {
    const names = new Set(windows.flatMap((w) => [...pick(w).keys()]));
    const rows = [...names]
      .map((name) => ({ name, values: windows.map((w) => pick(w).get(name) ?? 0) }))
      .filter((r) => percentile(r.values, 95) >= 0.2)
      .sort((a, b) => percentile(b.values, 95) - percentile(a.values, 95))
      .slice(0, 25);
    return [`  ${title}                          p50 ms   p95 ms`, ...rows.map((r) => row(r.name, r.values))];
  };
  return [
    `Tap → painted in the page, from a Chromium trace (${windows.length} taps, quiet)`,
    row('received → painted', windows.map((w) => w.totalMs)),
    row('received → React commit', windows.map((w) => w.toCommitMs)),
    row('commit → painted', windows.map((w) => w.toPaintMs)),
    ...table('main thread, by event (wall)', (w) => w.main),
    ...table('main thread, by event (CPU)', (w) => w.mainCpu),
    ...table('raster workers, by event', (w) => w.raster),
  ];
}

export async function benchTapTrace(browser: Browser, taps: number): Promise<string[]> {
  const run = await runTaps(browser, taps, 3_000_000_000, { trace: true });
  if (!run.trace) throw new Error('no trace was recorded');
  // Kept for a closer look (chrome://tracing, ui.perfetto.dev).
  const path = join(tmpdir(), `tap-trace-${Date.now()}.json`);
  writeFileSync(path, run.trace);
  return [...traceReport(tapWindows(run.trace)), `  trace: ${path}`];
}
