/**
 * Child process of the kill-mid-drain test: a station service on an existing data dir, its
 * clock held at `nowMs` (argv[3]) so it only sends what is already in its outbox. Prints
 * `DRAINED <status JSON>` once the outbox is empty and the sender idle, then exits 0; the
 * test may SIGKILL it before that.
 */
import { createStationService } from '../../electron/service/station-service';
import { createManualClock } from '../../electron/service/testing/manual-clock';

const [dataDir, nowArg] = process.argv.slice(2);
if (!dataDir || !nowArg) throw new Error('usage: upstream-drain-child.ts DATA_DIR NOW_MS');
const clock = createManualClock(Number(nowArg));
const service = await createStationService({ dataDir, clock, now: () => clock.now(), onNotice: () => {} });
const deadline = Date.now() + 60_000;
for (;;) {
  const answer = await service.api.getSyncStatus();
  if (!answer.ok) throw new Error(answer.message);
  const s = answer.value;
  if (s.state === 'idle' && s.queueLength === 0) {
    console.log(`DRAINED ${JSON.stringify(s)}`);
    break;
  }
  if (s.state === 'backing-off' || Date.now() > deadline) throw new Error(`did not drain: ${JSON.stringify(s)}`);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
await service.close();
