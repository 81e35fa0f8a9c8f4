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
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { TAP_TIMING_ENV, parseTapTimingLines } from '../../electron/service/tap-timing';
import { loadDevicesConfig } from '../../hardware/devices/device-config';
import { encodeTap } from '../../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME } from '../../hardware/simulators/default-simulated-reader';
import { startStation } from '../support/station-process';
import { startLoadGenerator } from './load-generator';
import { openPacedWriter, type PacedWrite, type PacedWriter } from './paced-writer';
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
  readonly cut: { readonly tap: number; readonly writerLateMs: number }[];
}

export async function runTaps(browser: Browser, taps: number, firstCard: number): Promise<TapRun> {
  const station = await startStation({ env: { [TAP_TIMING_ENV]: '1' } });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const device = pacedDeviceSide(station.dataDir);
  try {
    await page.addInitScript(PAGE_PROBE);
    await page.goto(station.screenUrl);
    await page.getByTestId('screen-attract').waitFor();
    const bench: PacedWrite[] = [];
    const pageMarks: { received: number | null; commit: number | null; painted: number | null; visitId: number | null }[] = [];
    const cut: TapRun['cut'] = [];
    for (let i = 0; pageMarks.length < taps; i++) {
      if (cut.length > taps / 10) throw new Error(`${cut.length} of ${i} taps were cut on the simulated line: ${JSON.stringify(cut)}`);
      // Distinct cards, so every tap is a new visit (10-digit decimal UIDs).
      const frame = encodeTap(String(firstCard + i * 7919).padStart(10, '0'), 'em4100');
      await page.evaluate('window.__armTap()');
      const written = await device.write(frame);
      const step = 'welcome screen';
      const explain = async (error: unknown): Promise<never> => {
        const said = station.output().split('\n').filter((l) => l && !l.startsWith('tap-timing ')).slice(-5).join(' | ');
        const stamped = parseTapTimingLines(station.output()).length;
        const seen = await page.evaluate(PAGE_STATE).catch(() => 'unknown');
        throw new Error(`tap ${i + 1}: ${error instanceof Error ? error.message : String(error)}; the service stamped ${stamped} of ${i + 1} taps; the page saw ${String(seen)}; the station last said: ${said}`);
      };
      const marks = await within(page, page.evaluate('window.__tap') as Promise<(typeof pageMarks)[number] & { cut?: true }>, step).catch(explain);
      if (marks.cut) {
        cut.push({ tap: i + 1, writerLateMs: written.maxLateMs });
        // "Card not read" goes by itself (CARD_ERROR_DISMISS_MS); then the next tap.
        await page.getByTestId('screen-attract').waitFor({ timeout: STEP_TIMEOUT_MS }).catch(explain);
        continue;
      }
      bench.push(written);
      pageMarks.push(marks);
      try {
        // A first visit asks the worker's category before anything else: skip it, then done.
        const skip = page.getByTestId('category-skip');
        if ((await skip.count()) > 0) await skip.click({ timeout: STEP_TIMEOUT_MS });
        await page.getByTestId('done-button').first().click({ timeout: STEP_TIMEOUT_MS });
        await page.getByTestId('screen-attract').waitFor({ timeout: STEP_TIMEOUT_MS });
      } catch (error) {
        await explain(error);
      }
    }
    const service = new Map(parseTapTimingLines(station.output()).map((r) => [r.visitId, r]));
    const run: TapRun = { totals: [], stages: [], writerLateMs: Math.max(0, ...bench.map((b) => b.maxLateMs)), cut };
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
    if (run.totals.length < taps) throw new Error(`only ${run.totals.length} of ${taps} taps had every stage stamped`);
    return run;
  } finally {
    await device.close();
    await page.close();
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
    `  taps cut on the simulated line and tapped again: ${run.cut.length}${run.cut.length ? ` (${run.cut.map((c) => `tap ${c.tap}, writer ${formatMs(c.writerLateMs)} late`).join('; ')})` : ''}`,
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
function pacedDeviceSide(dataDir: string): PacedWriter {
  const loaded = loadDevicesConfig(join(dataDir, SIM_DIR_NAME, 'devices.json'));
  const path = loaded.ok ? loaded.config.readers.find((r) => r.simulatorPath)?.simulatorPath : undefined;
  if (!path) throw new Error(`no simulated reader in ${dataDir}: ${loaded.ok ? 'no simulator path' : loaded.message}`);
  return openPacedWriter(path, BYTE_MS);
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
        try { marks.visitId = JSON.parse(event.data).payload.outcome.visitId ?? null; } catch {}
      });
    }
  };
  const observer = new MutationObserver(() => {
    if (!marks || marks.commit !== null || !document.querySelector('[data-testid="screen-welcome"]')) return;
    marks.commit = now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks.painted = now(); done(marks); };
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
export async function benchTapToPaint(browser: Browser, taps: number): Promise<string[]> {
  const quiet = await runTaps(browser, taps, 1_000_000_000);
  const quietPeer = spread(await peerBaseline(browser, Math.min(taps, 200)));
  const load = startLoadGenerator();
  let loaded: TapRun;
  let loadedPeer;
  try {
    loaded = await runTaps(browser, taps, 2_000_000_000);
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
