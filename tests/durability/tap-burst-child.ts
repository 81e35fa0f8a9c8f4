/**
 * Child process of kill9.test.ts: opens the station service on the data dir given as the
 * first argument and checks in distinct cards as fast as it can (from the card number given
 * as the second, so bursts on one data dir never repeat a card), printing
 * `ACK <visitId> <card>` only after each outcome was returned (that is, committed). It runs
 * until it is killed, or stops by itself after MAX_TAPS.
 */
import { writeSync } from 'node:fs';
import { createStationService } from '../../electron/service/station-service';

const MAX_TAPS = 100_000;
/** 10 decimal digits, below 0xFFFFFFFF: each is a distinct uid32 card. */
const FIRST_CARD = 1_000_000_000;

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: tap-burst-child.ts <dataDir> [firstCard]');
  const firstCard = Number(process.argv[3] ?? FIRST_CARD);
  // No wedge limit: this child measures what the disk keeps, not what a person can tap.
  const service = await createStationService({ dataDir, wedgeLimit: null, onWarning: (w) => process.stderr.write(`${w}\n`) });
  for (let i = 0; i < MAX_TAPS; i += 1) {
    const card = String(firstCard + i);
    const result = await service.api.submitWedgeRead({ text: card });
    if (!result.ok) throw new Error(`tap ${card}: ${result.code} ${result.message}`);
    if (result.value.kind === 'steward-card') throw new Error(`tap ${card}: taken as a steward card`);
    // writeSync: the line is in the pipe before the next tap starts, never buffered in this process.
    writeSync(1, `ACK ${result.value.visitId} ${card}\n`);
  }
  await service.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`tap-burst-child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
