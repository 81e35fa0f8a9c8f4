/**
 * The station of `station-day-child.ts` started again on the same DATA_DIR (for specs whose
 * runner cannot load the station service): it pulls its configuration at start; once the
 * wish-replies download of this start has its outcome, prints `WALL <JSON>` with that
 * outcome and the wall's first page (`listWishes`), and exits 0, or fails with the reason.
 */
import { createStationService } from '../../electron/service/station-service';
import { createManualClock } from '../../electron/service/testing/manual-clock';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: station-wall-child.ts DATA_DIR');

const startedAt = Date.now();
const clock = createManualClock(startedAt);
const service = await createStationService({ dataDir, clock, now: () => clock.now(), onNotice: () => {}, onWarning: (w) => console.error(w) });

const deadline = Date.now() + 60_000;
let pull;
for (;;) {
  const answer = await service.api.getSyncStatus();
  if (!answer.ok) throw new Error(answer.message);
  pull = answer.value.pulls.find((p) => p.kind === 'wish-replies');
  if (!pull) throw new Error(`wish replies are not pulled: ${JSON.stringify(answer.value.pulls)}`);
  // Both are this process's own: null until the first download of this start has its outcome.
  if (pull.lastPullAtMs !== null || pull.lastError !== null) break;
  if (Date.now() > deadline) throw new Error(`no wish-replies download within 60 s: ${JSON.stringify(pull)}`);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const wall = await service.api.listWishes({ page: 0, pageSize: 10 });
if (!wall.ok) throw new Error(`listWishes: ${JSON.stringify(wall)}`);
console.log(`WALL ${JSON.stringify({ pull, notes: wall.value.notes })}`);
await service.close();
