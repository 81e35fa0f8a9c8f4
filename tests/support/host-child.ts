/**
 * The browser host over a real station service, in its own process, for tests that look at
 * the host from outside (its descriptors, its memory). Prints `HOST <port> <token>` once
 * listening; stops on SIGTERM. Argument: the data directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from '../../electron/hosts/browser/browser-host';
import { createStationService } from '../../electron/service/station-service';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: host-child.ts <dataDir>');
const staticDir = mkdtempSync(join(tmpdir(), 'station-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>Station</title></head><body></body></html>');
const service = await createStationService({ dataDir, onWarning: () => undefined });
const host = await startBrowserHost({ service, staticDir, port: 0 });
console.log(`HOST ${host.port} ${host.token}`);
// Bounded life: a test that forgets this process must not leave it running.
const lifetime = setTimeout(() => process.kill(process.pid, 'SIGTERM'), 120_000);
process.once('SIGTERM', () => {
  clearTimeout(lifetime);
  void host
    .close()
    .then(() => service.close())
    .finally(() => {
      rmSync(staticDir, { recursive: true, force: true });
      process.exit(0);
    });
});
