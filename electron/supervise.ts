/**
 * `npm start`'s first process: a thin supervisor around the station service
 * (`electron/start.ts`), which it runs as a child and starts again when it crashes or hangs.
 * It loads nothing of the service itself, so it adds one small process to the start-up.
 *
 * `STATION_SERVICE_HUNG_MS` sets how long a silent service is given before it counts as
 * hung (default 5 000 ms).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKioskBrowser } from './hosts/chromium-launcher';
import { spawnStationService } from './supervisor/service-process';
import { startSupervisor } from './supervisor/supervisor';

const here = fileURLToPath(import.meta.url);
// Bundled next to out/station/start.cjs; from source (tsx) next to start.ts, with tsx's loader inherited.
const serviceEntry = join(dirname(here), here.endsWith('.ts') ? 'start.ts' : 'start.cjs');

const hungAfterMs = Number(process.env.STATION_SERVICE_HUNG_MS) > 0 ? Number(process.env.STATION_SERVICE_HUNG_MS) : undefined;

const supervisor = startSupervisor({
  // With the service's V8 heap settings (service-process.ts).
  spawnService: () => spawnStationService(serviceEntry, process.argv.slice(2)),
  openScreen: (screen) => openKioskBrowser(screen.chromium, screen.launchUrl, screen.profileDir),
  hungAfterMs,
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // SIGTERM to the service either way: after Ctrl-C it has its SIGINT already, and a second
  // SIGINT would end it by the default action halfway through its shutdown.
  process.on(signal, () => void supervisor.stop('SIGTERM'));
}
void supervisor.done.then((code) => process.exit(code));
