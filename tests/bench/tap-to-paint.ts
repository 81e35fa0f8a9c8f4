/**
 * Card tap → welcome screen painted, end to end: bytes paced at the reader's baud rate into
 * the station's simulated-reader pseudo-terminal, through the real serialport binding, the
 * service and SQLite, over the loopback WebSocket into Chromium, until the frame after the
 * welcome screen appears. Run quiet, then with a load generator spinning the other core.
 *
 * Stages (epoch ms of sub-ms resolution on every side; the service prints its stamps when
 * started with STATION_TAP_TIMING=1, the page's are taken by a probe the bench injects, so
 * the station's own code carries no timing when not benchmarked):
 *   wire      first byte → last byte written (the physical part, 14 byte times)
 *   decoded   → the reader's read reached the service (tty, serialport, framer, decoder)
 *   committed → visit in SQLite, outcome built
 *   sent      → checkIn event handed to the page's socket
 *   received  → the message event in the page
 *   commit    → React committed the welcome screen (first DOM mutation showing it)
 *   painted   → the frame with it was produced (rAF, then the next task)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { TAP_FAULT_PREFIX, TAP_TIMING_ENV, TAP_TIMING_PREFIX, parseTapFaultLines, parseTapTimingLines } from '../../electron/service/tap-timing';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { encodeTap } from '../../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME } from '../../hardware/simulators/default-simulated-reader';
import { startStation } from '../support/station-process';
import { startLoadGenerator } from './load-generator';
import { cutTimeline, type CutTimeline } from './cut-timeline';
import { openPacedWriter, type PacedWrite, type PacedWriter, type Pacing } from './paced-writer';
import { formatWaits, longestWaits, waitSnapshot, type Watched } from './run-queue-wait';
import { peerBaseline } from './peer-baseline';
import { DISPLAY_FRAME_MS, formatMs, reportLine, spread, stageDurations, stageSpreads, wireTimeMs } from './stats';

const BAUD = 9600;
const BYTE_MS = wireTimeMs(1, BAUD);
const FRAME_BYTES = 14;
export const TAP_FLOOR_MS = wireTimeMs(FRAME_BYTES, BAUD) + DISPLAY_FRAME_MS;
const MARKS = ['firstByte', 'wire', 'decoded', 'committed', 'sent', 'received', 'commit', 'painted'] as const;
type Mark = (typeof MARKS)[number];
type Stage = Exclude<Mark, 'firstByte'>;
const STAGES = MARKS.slice(1) as Stage[];

export interface TapRun {
  readonly totals: number[];
  readonly stages: Record<Stage, number>[];
  /** The most the paced writer was late with any byte, ms, over the run. */
  readonly writerLateMs: number;
  /**
   * Taps whose frame the station cut as truncated (it showed "card not read" and logged the
   * fault): a gap on the simulated line, i.e. the writer thread or socat was not scheduled
   * for 100 ms. Tapped again; left out of the figures and counted here, with how late the
   * writer was for each (a late writer means the bench's own thread was starved).
   */
  readonly cut: { readonly tap: number; readonly writerLateMs: number; readonly timeline: CutTimeline; readonly waits: string }[];
  /**
   * Taps that went wrong otherwise (no welcome within the step's time, the page failed or
   * closed): counted with what the page and the station had got to; the page is reopened
   * and the run goes on. A tap whose welcome painted before the page failed still counts.
   */
  readonly lost: { readonly tap: number; readonly what: string }[];
  /** Painted taps missing a service stamp (left out of the figures). */
  unstamped: number;
  /** The Chromium trace, when asked for. */
  trace?: Buffer;
}

/** What a tap trace records: the renderer's main thread, compositing, raster and the frames. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'cc', 'viz', 'gpu', 'v8', 'toplevel', 'benchmark', 'blink'];

export interface RunTapsOptions {
  /**
   * Record a Chromium trace over the whole run (see tap-trace.ts); the page then also puts
   * user-timing marks `tap:received`, `tap:commit`, `tap:painted` into it. Default off.
   */
  readonly trace?: boolean;
  /** How the frame goes onto the simulated line (see paced-writer.ts). Default `frame`. */
  readonly pacing?: Pacing;
}

export async function runTaps(browser: Browser, taps: number, firstCard: number, options: RunTapsOptions = {}): Promise<TapRun> {
  const station = await startStation({ env: { [TAP_TIMING_ENV]: '1' } });
  const line = pacedDeviceSide(station.dataDir, options.pacing ?? 'frame');
  const device = line.writer;
  let writerTid: number | null = null;
  const watched = (): Watched[] => [
    ...(writerTid === null ? [] : [{ group: 'writer', tid: writerTid }]),
    { group: 'socat', pid: line.socatPid() },
    { group: 'station', pid: station.servicePid() ?? undefined },
  ];
  const openPage = async (): Promise<Page> => {
    const opened = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    if (options.trace) await opened.addInitScript('window.__traceMarks = true');
    await opened.addInitScript(PAGE_PROBE);
    await opened.goto(station.screenUrl);
    await opened.getByTestId('screen-attract').waitFor({ timeout: STEP_TIMEOUT_MS });
    return opened;
  };
  let page = await openPage();
  if (options.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let traced = false;
  try {
    const bench: PacedWrite[] = [];
    const pageMarks: { received: number | null; commit: number | null; painted: number | null; visitId: number | null }[] = [];
    const cut: TapRun['cut'][number][] = [];
    const lost: TapRun['lost'][number][] = [];
    /** What the station, the page and the service had got to, for a tap that went wrong. */
    const explain = async (tap: number, error: unknown): Promise<string> => {
      const said = station.output().split('\n').filter((l) => l && !l.startsWith(TAP_TIMING_PREFIX) && !l.startsWith(TAP_FAULT_PREFIX)).slice(-3).join(' | ');
      const stamped = parseTapTimingLines(station.output()).length;
      const seen = await page.evaluate(PAGE_STATE).catch(() => 'unknown (the page is gone)');
      return `${error instanceof Error ? error.message.split('\n')[0] : String(error)}; the service stamped ${stamped} of ${tap} taps; the page saw ${String(seen)}; the station last said: ${said}`;
    };
    /** A page that failed is closed and a fresh one opened on the attract screen; the run goes on. */
    const recover = async (): Promise<void> => {
      await page.close().catch(() => undefined);
      if (!browser.isConnected()) throw new Error(`the browser went away after ${pageMarks.length} taps; lost so far: ${JSON.stringify(lost)}`);
      page = await openPage();
    };
    for (let i = 0; pageMarks.length < taps; i++) {
      const tap = i + 1;
      if (cut.length + lost.length > taps / 10) throw new Error(`${cut.length} taps cut and ${lost.length} lost of ${i}: ${JSON.stringify({ cut, lost })}`);
      // Distinct cards, so every tap is a new visit (10-digit decimal UIDs).
      const frame = encodeTap(String(firstCard + i * 7919).padStart(10, '0'), 'em4100');
      let written: PacedWrite;
      let marks: (typeof pageMarks)[number] & { cut?: true };
      const waitsBefore = waitSnapshot(watched());
      try {
        await page.evaluate('window.__armTap()');
        written = await device.write(frame);
        writerTid = written.tid;
        marks = await within(page, page.evaluate('window.__tap') as Promise<typeof marks>, 'welcome screen');
      } catch (error) {
        lost.push({ tap, what: await explain(tap, error) });
        await recover();
        continue;
      }
      if (marks.cut) {
        // The station printed the cut frame's reads as it called the fault.
        const fault = parseTapFaultLines(station.output()).find((f) => f.atMs >= written.firstByte);
        const waits = formatWaits(longestWaits(waitsBefore, waitSnapshot(watched())));
        cut.push({ tap, writerLateMs: written.maxLateMs, timeline: cutTimeline(written.firstByte, written.byteAt, fault), waits });
        // "Card not read" goes by itself (CARD_ERROR_DISMISS_MS); then the next tap.
        await page.getByTestId('screen-attract').waitFor({ timeout: STEP_TIMEOUT_MS }).catch(async (error: unknown) => {
          lost.push({ tap, what: await explain(tap, error) });
          await recover();
        });
        continue;
      }
      // Painted and stamped: the sample counts even if the page then fails on Done.
      bench.push(written);
      pageMarks.push(marks);
      try {
        // A first visit asks the worker's category before anything else: skip it, then done.
        const skip = page.getByTestId('category-skip');
        if ((await skip.count()) > 0) await skip.click({ timeout: STEP_TIMEOUT_MS });
        await page.getByTestId('done-button').first().click({ timeout: STEP_TIMEOUT_MS });
        await page.getByTestId('screen-attract').waitFor({ timeout: STEP_TIMEOUT_MS });
      } catch (error) {
        lost.push({ tap, what: `after its welcome painted: ${await explain(tap, error)}` });
        await recover();
      }
    }
    const service = new Map(parseTapTimingLines(station.output()).map((r) => [r.visitId, r]));
    const run: TapRun = { totals: [], stages: [], writerLateMs: Math.max(0, ...bench.map((b) => b.maxLateMs)), cut, lost, unstamped: 0 };
    bench.forEach((b, i) => {
      const p = pageMarks[i];
      const s = p?.visitId == null ? undefined : service.get(p.visitId);
      const marks: Record<Mark, number | null | undefined> = {
        firstByte: b.firstByte, wire: b.wire,
        decoded: s?.decodedAtMs, committed: s?.committedAtMs, sent: s?.sentAtMs,
        received: p?.received, commit: p?.commit, painted: p?.painted,
      };
      const stages = stageDurations(marks, MARKS);
      if (stages && p?.painted != null) {
        run.stages.push(stages);
        run.totals.push(p.painted - b.firstByte);
      }
    });
    run.unstamped = taps - run.totals.length;
    if (options.trace) {
      traced = true;
      run.trace = await browser.stopTracing();
    }
    return run;
  } finally {
    if (options.trace && !traced) await browser.stopTracing().catch(() => undefined);
    await device.close();
    await page.close().catch(() => undefined);
    await station.stop();
  }
}

/** The report for one condition (quiet or loaded): total against the floor, then each stage. */
export function tapReport(title: string, run: TapRun, targetRatio: number): string[] {
  const total = spread(run.totals);
  const stages = stageSpreads(run.stages, STAGES);
  return [
    `${title} (${total.n} taps, EM4100 ${FRAME_BYTES} B @ ${BAUD} baud)`,
    reportLine('  p50', total.p50, TAP_FLOOR_MS, 'floor'),
    reportLine('  p95', total.p95, TAP_FLOOR_MS, 'floor'),
    reportLine(`  p95 against ${targetRatio}× the floor`, total.p95, TAP_FLOOR_MS * targetRatio, 'target'),
    `  paced writer: latest byte ${formatMs(run.writerLateMs)} after its due time (the reader cuts a frame at a 100 ms gap)`,
    `  taps cut on the simulated line and tapped again: ${run.cut.length}`,
    ...run.cut.map((c) => `    tap ${c.tap}: ${c.timeline.cause}, writer ${formatMs(c.writerLateMs)} late; ${c.timeline.text}; during the tap, ${c.waits}`),
    `  taps lost otherwise and tapped again: ${run.lost.length}`,
    ...run.lost.map((l) => `    tap ${l.tap}: ${l.what}`),
    ...(run.unstamped ? [`  painted taps without a service stamp, left out: ${run.unstamped}`] : []),
    `  stage                       p50        p95`,
    ...STAGES.map((stage) => `    ${stage.padEnd(20)} ${formatMs(stages[stage].p50).padStart(10)} ${formatMs(stages[stage].p95).padStart(10)}`),
  ];
}

/** Longest any one step of a tap may take before the run stops and says where it was. */
const STEP_TIMEOUT_MS = 15_000;

/** `promise`, or a rejection naming the step and the screens the page shows once STEP_TIMEOUT_MS pass. */
async function within<T>(page: Page, promise: Promise<T>, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page
        .evaluate(`[...document.querySelectorAll('[data-testid^="screen-"]')].map((e) => e.dataset.testid).join(', ')`)
        .catch(() => 'unknown')
        .then((screens) => reject(new Error(`${step} not painted within ${STEP_TIMEOUT_MS} ms; the page shows: ${String(screens) || 'no screen'}`)));
    }, STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The simulated reader's device side, written one byte per byte-time from its own thread. */
function pacedDeviceSide(dataDir: string, pacing: Pacing): { writer: PacedWriter; socatPid: () => number | undefined } {
  const loaded = loadDevicesConfig(join(dataDir, SIM_DIR_NAME, 'devices.json'));
  const reader = loaded.ok ? loaded.config.readers.find((r) => r.simulatorPath) : undefined;
  if (!reader?.simulatorPath) throw new Error(`no simulated reader in ${dataDir}: ${loaded.ok ? 'no simulator path' : loaded.message}`);
  // The pty pair's socat records its pid beside the host link (pty-pair.ts).
  const socatPid = () => {
    try {
      return Number(readFileSync(`${reader.path}.pid`, 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  };
  return { writer: openPacedWriter(reader.simulatorPath, BYTE_MS, pacing), socatPid };
}

/** What the page shows and heard, for the message of a run that stops at a step. */
const PAGE_STATE = `JSON.stringify({
  screens: [...document.querySelectorAll('[data-testid^="screen-"]')].map((e) => e.dataset.testid),
  marks: window.__marks, sockets: window.__sockets,
})`;

/**
 * Injected before the page's own scripts (kept as source text: the Node-side program has no
 * DOM types). `__armTap()` resets the marks; the first `checkIn` message after it stamps
 * `received` (a listener added as the socket is made runs before the page's own), the
 * welcome screen's first DOM mutation stamps `commit`, and the task after the next rAF
 * stamps `painted` and resolves `window.__tap`.
 */
const PAGE_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const mark = (name) => { if (window.__traceMarks) performance.mark(name); };
  let marks = null;
  let done = () => {};
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      window.__sockets.push({ opened: null, closed: null });
      const entry = window.__sockets[window.__sockets.length - 1];
      this.addEventListener('open', () => { entry.opened = now(); });
      this.addEventListener('close', () => { entry.closed = now(); });
      this.addEventListener('message', (event) => {
        if (marks && typeof event.data === 'string') marks.events.push(/"event":"(\\w+)"/.exec(event.data)?.[1] ?? 'result');
        // A frame cut on the line: the station says "card not read" instead of a welcome.
        if (marks && marks.received === null && !marks.cut && typeof event.data === 'string' && event.data.includes('"cardError"')) {
          marks.cut = true;
          done(marks);
        }
        if (!marks || marks.received !== null || typeof event.data !== 'string' || !event.data.includes('"checkIn"')) return;
        marks.received = now();
        mark('tap:received');
        try { marks.visitId = JSON.parse(event.data).payload.outcome.visitId ?? null; } catch {}
      });
    }
  };
  const observer = new MutationObserver(() => {
    if (!marks || marks.commit !== null || !document.querySelector('[data-testid="screen-welcome"]')) return;
    marks.commit = now();
    mark('tap:commit');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks.painted = now(); mark('tap:painted'); done(marks); };
      channel.port2.postMessage(0);
    });
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
  window.__armTap = () => {
    marks = { received: null, commit: null, painted: null, visitId: null, events: [] };
    window.__marks = marks;
    window.__tap = new Promise((resolve) => { done = resolve; });
    // The value must not be the promise, or evaluate() would wait for the paint.
    return undefined;
  };
})();`;

/**
 * Quiet, then with the load generator spinning the other core: `taps` taps each, and the
 * peer baseline (bare page, same conditions) for the socket → paint part.
 */
export async function benchTapToPaint(browser: Browser, taps: number, pacing: Pacing = 'frame'): Promise<string[]> {
  const quiet = await runTaps(browser, taps, 1_000_000_000, { pacing });
  const quietPeer = spread(await peerBaseline(browser, Math.min(taps, 200)));
  const load = startLoadGenerator();
  let loaded: TapRun;
  let loadedPeer;
  try {
    loaded = await runTaps(browser, taps, 2_000_000_000, { pacing });
    loadedPeer = spread(await peerBaseline(browser, Math.min(taps, 200)));
  } finally {
    await load.stop();
  }
  const peerLine = (s: ReturnType<typeof spread>) =>
    `  peer baseline, bare page: ws send → painted p50 ${formatMs(s.p50)}, p95 ${formatMs(s.p95)} (${s.n} messages)`;
  return [
    ...tapReport('Card tap → welcome painted, quiet', quiet, 1.5),
    peerLine(quietPeer),
    '',
    ...tapReport('Card tap → welcome painted, other core busy (load generator)', loaded, 2),
    peerLine(loadedPeer),
    `  floor = wire time ${wireTimeMs(FRAME_BYTES, BAUD).toFixed(1)} ms + one 60 Hz frame ${DISPLAY_FRAME_MS.toFixed(1)} ms = ${TAP_FLOOR_MS.toFixed(1)} ms`,
  ];
}
