/**
 * Locker open command → confirmed, through the real driver and the real serialport binding on
 * a socat pty pair, the board simulator on the other end, both sides paced at the bus's baud
 * rate; and a full status poll of 32 boards. Figures as ratios to the wire time. The simulated
 * boards answer with no turnaround of their own (a real board's is its own, not the driver's):
 * what is left above the wire is the driver, the serial stack and the event loop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLockerBus } from '../../hardware/drivers/locker-bus/serial-locker-bus';
import type { BoardSettings, LockerProtocol } from '../../hardware/lockers/locker-protocol';
import { bcc8a80, kerongCu16 } from '../../hardware/lockers/protocols/index';
import { LockerBoardSimulator } from '../../hardware/simulators/locker-board-simulator';
import { openPtyPair } from '../../hardware/simulators/pty-pair';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';
import { PacedTransport } from './paced-transport';
import { percentile, reportLine, wireTimeMs } from './stats';

interface Rig {
  readonly bus: ReturnType<typeof createLockerBus>;
  readonly simulator: LockerBoardSimulator;
  close(): Promise<void>;
}

async function rig(protocol: LockerProtocol, boards: BoardSettings[], pollIntervalMs: number): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lockers-'));
  const hostLink = join(dir, 'host');
  const pair = await openPtyPair({ hostLink, deviceLink: join(dir, 'device') });
  const baudRate = protocol.defaultBaudRate;
  const device = new SerialTransport({ path: pair.devicePath, baudRate });
  await device.open();
  const simulator = new LockerBoardSimulator(new PacedTransport(device, baudRate), { protocol, boards, replyDelayMs: 0 });
  simulator.start();
  const bus = createLockerBus({
    id: 'bench', name: 'Bench bus', protocol, boards, pollIntervalMs,
    createTransport: () => new PacedTransport(new SerialTransport({ path: hostLink, baudRate }), baudRate),
  });
  return {
    bus,
    simulator,
    close: async () => {
      await bus.stop();
      simulator.stop();
      await device.close();
      await pair.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Open → confirmed, `opens` times, doors shut again between opens. */
async function benchOpen(protocol: LockerProtocol, requestBytes: number, replyBytes: number, opens: number): Promise<string[]> {
  const boards: BoardSettings[] = [{ address: protocol.boardAddresses.min + 1, channels: 16, polarity: 'closed-is-set' }];
  const board = boards[0]?.address ?? 1;
  // Polling off (an hour): the figure is the open transaction alone, not time queued behind a poll.
  const { bus, simulator, close } = await rig(protocol, boards, 3_600_000);
  try {
    await bus.start();
    await waitUntil(() => bus.state === 'online', 'bench bus online', 10_000);
    const samples: number[] = [];
    for (let i = 0; i < opens; i++) {
      const lock = (i % 16) + 1;
      const outcome = await bus.open(board, lock);
      if (!outcome.ok) throw new Error(`open ${board}/${lock} failed: ${outcome.reason} ${outcome.detail}`);
      samples.push(outcome.elapsedMs);
      simulator.closeDoor(board, lock);
    }
    const wire = wireTimeMs(requestBytes + replyBytes, protocol.defaultBaudRate);
    return [
      `Locker open → confirmed, ${protocol.name} @ ${protocol.defaultBaudRate} baud (${opens} opens, ${requestBytes} B request + ${replyBytes} B reply, paced)`,
      reportLine('  p50', percentile(samples, 50), wire, 'wire'),
      reportLine('  p95', percentile(samples, 95), wire, 'wire'),
      reportLine('  p95 against 1.5× the wire', percentile(samples, 95), wire * 1.5, 'target'),
    ];
  } finally {
    await close();
  }
}

/** Start → online: every door of 32 boards × 24 queried once (what a full poll costs). */
async function benchFullPoll(): Promise<string[]> {
  const boards: BoardSettings[] = Array.from({ length: 32 }, (_, i) => ({ address: i + 1, channels: 24, polarity: 'closed-is-set' }));
  const { bus, close } = await rig(bcc8a80, boards, 3_600_000);
  try {
    // The moment the bus says it is online, not the next tick of a polling wait.
    const online = new Promise<number>((resolve) => bus.on('state', (state) => state === 'online' && resolve(performance.now())));
    const t0 = performance.now();
    await bus.start();
    await waitUntil(() => bus.state === 'online', 'bus online after the first full query', 30_000);
    const elapsed = (await online) - t0;
    // Per board: 5-byte query + 7-byte status reply.
    const wire = 32 * wireTimeMs(5 + 7, bcc8a80.defaultBaudRate);
    return [
      `Full status poll, 32 boards × 24 locks, 8a80 @ 9600 baud (paced; ${bus.doors().length} doors read)`,
      reportLine('  start → every board queried', elapsed, wire, 'wire'),
      reportLine('  against 1.2× the wire', elapsed, wire * 1.2, 'target'),
    ];
  } finally {
    await close();
  }
}

export async function benchLockers(opens: number): Promise<string[]> {
  return [
    ...(await benchOpen(bcc8a80, 5, 5, opens)),
    '',
    ...(await benchOpen(kerongCu16, 5, 9, opens)),
    '',
    ...(await benchFullPoll()),
  ];
}
