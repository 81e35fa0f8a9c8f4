/**
 * A burst of card taps must not cost a worker a locker. The station as `npm start` wires it
 * (createWiredStation: the real serialport driver on a socat pty pair for the reader and for
 * the locker wall, the byte-level board simulator behind it), a burst of taps, then a claim.
 * Check-ins are synchronous SQLite work: hundreds of them hold the event loop for seconds, in
 * which no locker-bus timer runs and no byte is read. The bus used to count that as its board
 * being silent: a poll "missed" (the board reported offline), or the heartbeat reopened a port
 * that had not been heard for 10 s while the claim's open was on the wire, so the locker was
 * marked faulty and the claim answered `none-free`. The slip printer's status request timed
 * out the same way and the printer was reported offline.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { WiredStation } from '../../electron/hosts/station-wiring';
import { encodeTap } from '../../hardware/simulators/card-reader-simulator';
import { SIM_DIR_NAME, SIM_DEVICE_LINK } from '../../hardware/simulators/default-simulated-reader';
import { waitUntil } from '../../hardware/testing/wait-until';
import { SerialTransport } from '../../hardware/transport/serial-transport';
import { ALWAYS_ONLINE, useWatchedStation } from '../support/watched-station';

const FIRST_CARD = 1_000_000_000;
/** The 10 s after which a bus heard from no board reopens its port (the driver's default), and a margin. */
const NEVER_YIELD_MS = 11_000;

const station = useWatchedStation('station-tap-burst-');
const start = () => station.start({ wedgeLimit: null });

async function freeUsbC(wired: WiredStation): Promise<number | undefined> {
  const availability = await wired.service.api.getLockerAvailability();
  return availability.ok ? availability.value.free.find((f) => f.cable === 'usb-c')?.count : undefined;
}

it('3,000 taps written at once through the simulated reader: every one checks in, every device stays online, and a claim at the end opens locker 1', async () => {
  const { wired, seen } = await start();
  const taps = 3_000;
  const outcomes: string[] = [];
  let claim: ReturnType<typeof wired.service.api.claimLocker> | undefined;
  wired.service.events.on('checkIn', ({ outcome }) => {
    outcomes.push(outcome.kind);
    // Asked for in the same turn as the burst's last check-in, as a worker at the screen would.
    if (outcomes.length === taps) claim = wired.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
  });
  const cardErrors: string[] = [];
  wired.service.events.on('cardError', ({ reason }) => cardErrors.push(reason));
  const reader = new SerialTransport({ path: join(station.dataDir(), SIM_DIR_NAME, SIM_DEVICE_LINK), lock: false });
  await reader.open();
  try {
    await reader.write(Uint8Array.from(Array.from({ length: taps }, (_, i) => [...encodeTap(String(FIRST_CARD + i), 'em4100')]).flat()));
    await waitUntil(() => claim !== undefined, `${taps} check-ins`, 90_000);
  } finally {
    await reader.close();
  }
  expect(await claim).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1, skippedFaulty: [] } });
  expect([outcomes.length, new Set(outcomes).size, outcomes[0], cardErrors]).toEqual([taps, 1, 'welcome', []]);
  expect(seen).toEqual(ALWAYS_ONLINE);
  // Lockers 1–6 take USB-C: one is claimed now, none was marked faulty.
  expect(await freeUsbC(wired)).toBe(5);
}, 120_000);

it('a claim right after taps that never yield the loop for 11 s opens locker 1, no locker is marked faulty and every device stays online', async () => {
  const { wired, seen } = await start();
  const { api } = wired.service;
  const startedAt = performance.now();
  let taps = 0;
  // Each tap resolves in microtasks: no timer runs and no byte is read until the loop ends.
  while (performance.now() - startedAt < NEVER_YIELD_MS) {
    const result = await api.submitWedgeRead({ text: String(FIRST_CARD + taps) });
    if (!result.ok) throw new Error(`tap ${taps}: ${result.code}`);
    taps += 1;
  }
  const claim = await api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
  expect(claim).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1, skippedFaulty: [] } });
  expect(seen).toEqual(ALWAYS_ONLINE);
  expect(await freeUsbC(wired)).toBe(5);
  expect(taps).toBeGreaterThan(100);
}, 120_000);
