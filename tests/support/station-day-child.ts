/**
 * A station's morning, in its own process (for specs whose runner cannot load the station
 * service): a station service on DATA_DIR (station.json and key already written), its clock
 * two hours behind the real one, the first card checked in and a wall note (argv[3]) posted under
 * its pass, then a second card and a guest; then the clock driven slot by slot to the real now, each drain
 * let finish. Prints `SYNCED <status JSON>` and exits 0, or fails with the reason.
 */
import { createStationService } from '../../electron/service/station-service';
import { createManualClock } from '../../electron/service/testing/manual-clock';

const MINUTE = 60_000;
const [dataDir, noteText] = process.argv.slice(2);
if (!dataDir || noteText === undefined) throw new Error('usage: station-day-child.ts DATA_DIR NOTE_TEXT');

const realNow = Date.now();
const clock = createManualClock(realNow - 120 * MINUTE);
const service = await createStationService({ dataDir, clock, now: () => clock.now(), onNotice: () => {}, onWarning: (w) => console.error(w) });

const first = await service.api.submitWedgeRead({ text: '0040856634' });
if (!first.ok || first.value.kind !== 'welcome') throw new Error(`first tap: ${JSON.stringify(first)}`);
// Posted before the next tap: any tap ends the passes of whoever stood at the screen before.
const posted = await service.api.postWish({ pass: first.value.wishPass ?? '', category: 'suggestion', text: noteText, sticker: null });
if (!posted.ok || posted.value.kind !== 'posted') throw new Error(`postWish: ${JSON.stringify(posted)}`);
clock.advance(MINUTE);
await service.api.submitWedgeRead({ text: '00A1B2C3D4' });
clock.advance(MINUTE);
await service.api.guestCheckIn();

const deadline = Date.now() + 90_000;
const settle = async () => {
  for (;;) {
    const answer = await service.api.getSyncStatus();
    if (!answer.ok) throw new Error(answer.message);
    if (answer.value.state !== 'sending') return answer.value;
    if (Date.now() > deadline) throw new Error('the station did not finish sending within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
let status = await settle();
while (clock.now() < realNow) {
  const boundary = clock.now() - (clock.now() % (5 * MINUTE)) + 5 * MINUTE;
  clock.advance(Math.min(realNow, boundary) - clock.now());
  status = await settle();
}
console.log(`SYNCED ${JSON.stringify(status)}`);
await service.close();
