/**
 * No card number or PIN in any log byte: a real station service with its structured log on
 * a real data dir takes reader taps, wedge reads in every format, wrong and right steward
 * PINs, steward actions, pickup-code guesses and bad calls; then every file under logs/ is
 * searched for each card in every rendering and for each PIN.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uid32 } from '../../hardware/card-id/normalise';
import { openStationLog } from '../../electron/service/ops/station-log';
import { createStationService } from '../../electron/service/station-service';
import { CardReaderDouble } from '../../electron/service/testing/card-reader-double';
import { LockerBusDouble } from '../../electron/service/testing/locker-bus-double';
import { useTempDirs } from '../../electron/service/testing/temp-dirs';

const temp = useTempDirs('station-log-redaction-');
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const CARDS = [0x026f9a3a, 0xdeadbeef, 0x00a1b2c3];
const STEWARD_PIN = '2468';
const WRONG_PINS = ['1357', '97531', '86420864'];
const PICKUP_GUESSES = ['024680', '135791'];

/** Every way a reader, a log or a person might write the card. */
function renderings(uid: number): string[] {
  const bytes = [(uid >>> 24) & 0xff, (uid >>> 16) & 0xff, (uid >>> 8) & 0xff, uid & 0xff];
  const hex = (b: number[]) => b.map((x) => x.toString(16).padStart(2, '0'));
  const out: string[] = [String(uid), String(uid).padStart(10, '0'), `${(uid >>> 16) & 0xff},${uid & 0xffff}`, `${(uid >>> 16) & 0xff}${String(uid & 0xffff).padStart(5, '0')}`];
  for (const order of [bytes, [...bytes].reverse()]) {
    const h = hex(order);
    for (const sep of ['', ':', ' ', '-']) out.push(h.join(sep));
  }
  // The 24 low bits alone identify most cards too.
  out.push((uid & 0xffffff).toString(16).padStart(6, '0'), String(uid & 0xffffff));
  return out;
}

describe('the station log', () => {
  it('holds the events but no card number (any rendering) and no PIN or code', async () => {
    const dataDir = temp.make();
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ stewardPin: STEWARD_PIN }));
    writeFileSync(join(dataDir, 'lockers.json'), JSON.stringify([{ number: 1, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' }]));
    const opened = openStationLog({ dataDir, maxBytes: 16 * 1024, files: 3 });
    closers.push(() => opened.close());
    const reader = new CardReaderDouble('reader-1');
    const bus = new LockerBusDouble({ id: 'wall', name: 'Wall', boards: [{ address: 1, channels: 8 }] });
    const service = await createStationService({ dataDir, readers: [reader], lockerBuses: [bus], log: opened.log, onWarning: () => {}, onRefusal: () => {}, onNotice: () => {}, wedgeLimit: null });
    closers.push(() => service.close());

    for (const uid of CARDS) {
      reader.tap(uid32(uid), uid.toString(16));
      const hex = uid.toString(16).padStart(8, '0');
      const reversed = hex.match(/../g)?.reverse().join('') ?? '';
      for (const text of [String(uid).padStart(10, '0'), hex.toUpperCase(), reversed, `${(uid >>> 16) & 0xff},${uid & 0xffff}`]) {
        await service.api.submitWedgeRead({ text });
      }
      // A read that is not a card, and a reader fault that quotes the frame.
      await service.api.submitWedgeRead({ text: `card ${hex} ?` });
      reader.fault('bad-checksum', `frame 02 ${hex.match(/../g)?.join(' ')} 03`);
    }
    // PIN-only sign-in (the station.json PIN): wrong ones, then the right one, then steward calls.
    await service.api.openStewardSignIn();
    for (const pin of WRONG_PINS) expect(await service.api.signInSteward({ pending: null, pin })).toMatchObject({ ok: true, value: { kind: 'wrong-pin' } });
    const signedIn = await service.api.signInSteward({ pending: null, pin: STEWARD_PIN });
    const session = signedIn.ok && signedIn.value.kind === 'signed-in' ? signedIn.value.steward.session : '';
    expect(session).not.toBe('');
    await service.api.stewardLockerAction({ session, lockerNumber: 1, action: 'mark-faulty', reason: `tried ${STEWARD_PIN}` });
    await service.api.signOutSteward({ session });
    await service.api.listLockers({ session });
    for (const code of PICKUP_GUESSES) await service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code });
    await service.api.setWorkerCategory({ visitId: 999_999, category: 'courier' });
    // A message a careless driver might write, straight to the log.
    opened.log.warn({ frame: '3A:9A:6F:02', raw: CARDS.map(String) }, `bad frame 3a9a6f02 from card 0040868410 pin ${STEWARD_PIN}`);
    await service.close();
    opened.close();

    const files = readdirSync(join(dataDir, 'logs'));
    const text = files.map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { event?: string; method?: string; code?: string });
    // The events are there…
    expect(lines.filter((l) => l.event === 'check-in').length).toBeGreaterThanOrEqual(CARDS.length * 5);
    expect(lines.some((l) => l.event === 'refused' && l.method === 'submitWedgeRead' && l.code === 'unreadable-card')).toBe(true);
    expect(lines.filter((l) => l.event === 'refused' && l.method !== 'submitWedgeRead').map((l) => `${l.method}:${l.code}`)).toEqual([
      'listLockers:forbidden', 'setWorkerCategory:not-found',
    ]);
    // …and not one card or secret.
    const lower = text.toLowerCase();
    const secrets = [...CARDS.flatMap(renderings), STEWARD_PIN, ...WRONG_PINS, ...PICKUP_GUESSES].map((s) => s.toLowerCase());
    expect(secrets.filter((s) => lower.includes(s))).toEqual([]);
  });
});
