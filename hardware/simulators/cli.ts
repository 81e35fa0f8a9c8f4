/**
 * Entry point of `npm run sim` as package.json names it; the command lives in scripts/sim.ts
 * (it resolves the station's data directory, which hardware/ does not know about).
 */
import { main } from '../../scripts/sim';

process.exitCode = await main(process.argv.slice(2));
