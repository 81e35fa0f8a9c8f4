import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { main as sim } from '../../scripts/sim';
import { startStation, type StationProcess } from '../support/station-process';

export interface StationFixture {
  readonly process: StationProcess;
  /** Taps a card on the station's simulated reader (real bytes through its pseudo-terminal). */
  tap(cardId: string): Promise<string>;
  /** Sends random bytes through the simulated reader. */
  garbage(count: number): Promise<string>;
  /** Plays the simulated locker wall: `locker('close', 3)` shuts the door of locker 3; resolves with what sim printed. */
  locker(action: 'close' | 'open' | 'phone-in' | 'phone-out' | 'jam' | 'status' | 'offline' | 'ignores-open-all' | 'clear', lockerNumber?: number): Promise<string>;
  /** Looks at or plays the simulated slip printer: `printer('printed')` resolves with what it printed. */
  printer(action: 'printed' | 'paper-out' | 'offline' | 'clear'): Promise<string>;
}

/** Runs `npm run sim -- …` in-process; resolves with what it printed, rejects unless it exited 0. */
async function runSim(dataDir: string, args: string[]): Promise<string> {
  const lines: string[] = [];
  const code = await sim(args, { ...process.env, STATION_DATA_DIR: dataDir }, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  if (code !== 0) throw new Error(`sim ${args.join(' ')} exited ${code}: ${lines.join('\n')}`);
  return lines.join('\n');
}

/** Station settings a test wants in `station.json` before the station starts. */
export const test = base.extend<{
  stationSettings: Record<string, unknown>;
  stationFiles: Record<string, unknown>;
  stationEnv: NodeJS.ProcessEnv;
  station: StationFixture;
}>({
  stationSettings: [{}, { option: true }],
  /** Extra environment for the station process (e.g. STATION_SERVICE_HUNG_MS). */
  stationEnv: [{}, { option: true }],
  /** Other files for the data dir before start, by name (e.g. `devices.json`), as JSON. */
  stationFiles: [{}, { option: true }],
  station: async ({ stationSettings, stationFiles, stationEnv, page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify(stationSettings));
    for (const [name, content] of Object.entries(stationFiles)) writeFileSync(join(dataDir, name), JSON.stringify(content));
    const process = await startStation({ dataDir, env: stationEnv });
    await page.goto(process.screenUrl);
    await expect(page.getByTestId('screen-attract')).toBeVisible();
    await use({
      process,
      tap: (cardId) => runSim(dataDir, ['tap', cardId]),
      garbage: (count) => runSim(dataDir, ['garbage', String(count)]),
      locker: (action, lockerNumber) => runSim(dataDir, ['locker', action, ...(lockerNumber === undefined ? [] : [String(lockerNumber)])]),
      printer: (action) => runSim(dataDir, ['printer', action]),
    });
    await process.stop();
  },
});

export { expect };
