/**
 * The station's receipt printer as a device: it owns its port, knows whether it can print
 * (paper in, answering) and says so in the device status, and comes back by itself after an
 * unplug or a power cycle. Printing itself is `ReceiptPrinter`; this adds the port's life.
 */
import { existsSync } from 'node:fs';
import type { DeviceState } from '../../common/domain';
import { systemClock, type Clock } from '../drivers/clock';
import type { Transport } from '../transport/transport';
import { ReceiptPrinter, type PaperState, type PrintResult } from './receipt-printer';
import type { PrintDocument } from './escpos';

export interface PrinterDeviceOptions {
  readonly id: string;
  readonly name: string;
  /** The built-in simulation on a pty pair. */
  readonly simulated: boolean;
  /** A new, unopened transport for each (re)open. */
  readonly createTransport: () => Transport;
  readonly clock?: Clock;
  /** How often the paper sensor is asked while idle (and a lost port reopened), ms. Default 10000. */
  readonly checkIntervalMs?: number;
  /** Longest wait for a status answer, ms. Default 1000. */
  readonly statusTimeoutMs?: number;
  /**
   * A path that exists while the printer is plugged in (its tty or by-id link), as for the
   * card reader. Looked at every `livenessIntervalMs`: its going marks the printer offline at
   * once, and its return (or a port that closed under us) reopens it within that interval
   * instead of at the next paper check. Unset (Windows COM names): the paper check only.
   */
  readonly livenessPath?: string;
  /** Liveness check period, ms. Default 1000. */
  readonly livenessIntervalMs?: number;
  readonly pathExists?: (path: string) => boolean;
}

export interface PrinterDevice {
  readonly id: string;
  readonly name: string;
  readonly simulated: boolean;
  /** `online`: answering with paper; `degraded`: answering, out of paper; `offline`: not answering or no port. */
  readonly state: DeviceState;
  /** Why it is not online, in plain words for an installer; empty when online. */
  readonly detail: string;
  /** Called after every change of `state` or `detail`; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Opens the port and asks the paper sensor. Never rejects: a port that will not open is `offline`. */
  start(): Promise<void>;
  /** Stops checking and closes the port. Idempotent. */
  stop(): Promise<void>;
  /** Prints one document (see `ReceiptPrinter.print`); `offline` without a port. Never rejects. */
  print(document: PrintDocument): Promise<PrintResult>;
}

const STATE_OF: Record<PaperState, DeviceState> = { present: 'online', end: 'degraded', offline: 'offline' };

export function createPrinterDevice(options: PrinterDeviceOptions): PrinterDevice {
  const clock = options.clock ?? systemClock;
  const checkIntervalMs = options.checkIntervalMs ?? 10_000;
  const listeners = new Set<() => void>();
  let transport: Transport | null = null;
  let printer: ReceiptPrinter | null = null;
  let state: DeviceState = 'offline';
  let detail = 'not started';
  let timer: unknown = null;
  let stopped = false;
  let opening: Promise<void> | null = null;
  const pathExists = options.pathExists ?? existsSync;
  let checking: Promise<void> | null = null;
  let livenessTimer: unknown = null;
  /** The port was lost (closed or its path vanished): the liveness watch reopens it as soon as it can. */
  let lost = false;

  const set = (next: DeviceState, why: string) => {
    if (next === state && why === detail) return;
    state = next;
    detail = why;
    for (const listener of listeners) listener();
  };

  const describe = (paper: PaperState, path: string): string =>
    paper === 'present' ? '' : paper === 'end' ? `out of paper (${path})` : `${path} does not answer status requests: check power and cable`;

  const open = (): Promise<void> => (opening ??= (async () => {
    const path = options.livenessPath;
    if (path !== undefined && !pathExists(path)) {
      lost = true;
      set('offline', `${path} is gone (unplugged?)`);
      return;
    }
    const next = options.createTransport();
    try {
      await next.open();
    } catch (error) {
      set('offline', error instanceof Error ? error.message : String(error));
      return;
    }
    if (stopped) {
      await next.close();
      return;
    }
    next.on('error', () => undefined);
    next.on('close', () => {
      if (transport !== next) return;
      transport = null;
      printer = null;
      lost = true;
      if (!stopped) set('offline', `${next.path} was closed (unplugged?)`);
    });
    transport = next;
    printer = new ReceiptPrinter(next, { clock, statusTimeoutMs: options.statusTimeoutMs });
  })().finally(() => {
    opening = null;
  }));

  /**
   * A printer that stopped answering gets a fresh port at the next check or print: a power
   * cycle or a replugged USB-serial adapter can leave the old handle open and deaf.
   */
  const drop = (gone: Transport) => {
    if (transport !== gone) return;
    transport = null;
    printer = null;
    void gone.close();
  };

  const checkOnce = async () => {
    if (!printer) await open();
    const current = transport;
    if (!printer || !current) return;
    const paper = await printer.paperStatus();
    if (stopped || transport !== current) return;
    set(STATE_OF[paper], describe(paper, current.path));
    if (paper === 'offline') drop(current);
    else lost = false;
  };
  // One check at a time: the paper check, the liveness watch and start() may all ask for one.
  const check = (): Promise<void> => (checking ??= checkOnce().finally(() => {
    checking = null;
  }));

  const watchPath = (path: string) => {
    if (stopped || checking) return;
    if (!pathExists(path)) {
      lost = true;
      const gone = transport;
      if (gone) drop(gone);
      set('offline', `${path} is gone (unplugged?)`);
      return;
    }
    // Back (or never answered since the loss): try now rather than at the next paper check.
    if (lost) void check();
  };

  const schedule = () => {
    if (stopped) return;
    timer = clock.setTimeout(() => {
      void check().finally(schedule);
    }, checkIntervalMs);
  };

  return {
    id: options.id,
    name: options.name,
    simulated: options.simulated,
    get state() {
      return state;
    },
    get detail() {
      return detail;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      stopped = false;
      const path = options.livenessPath;
      if (path !== undefined && livenessTimer === null) {
        livenessTimer = clock.setInterval(() => watchPath(path), options.livenessIntervalMs ?? 1000);
      }
      await check();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      if (livenessTimer !== null) clock.clearInterval(livenessTimer);
      livenessTimer = null;
      const open = transport;
      transport = null;
      printer = null;
      await open?.close();
    },
    async print(document) {
      if (!printer) await open();
      const current = printer;
      const port = transport;
      if (!current || !port) return { ok: false, code: 'offline', message: detail || 'the printer is not connected' };
      const result = await current.print(document);
      if (result.ok) set('online', '');
      else if (result.code === 'paper-out') set('degraded', describe('end', port.path));
      else if (result.code === 'offline') {
        set('offline', result.message);
        drop(port);
      }
      return result;
    },
  };
}
