/**
 * Serves the composer test page with the real station service behind it (a fresh data dir,
 * the real browser host), for tests/e2e/composer.spec.ts. Prints `Composer page: <url>` once
 * ready; stops on SIGTERM, when stdin closes, or after ten minutes at the latest.
 *
 *   node --import tsx tests/composer-page/serve.ts [--zinnia <command>]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost } from '../../electron/hosts/browser/browser-host';
import { createStationService } from '../../electron/service/station-service';

const PAGE_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'composer-test');
const LIFETIME_MS = 10 * 60_000;

async function main(): Promise<void> {
  const zinniaAt = process.argv.indexOf('--zinnia');
  const command = zinniaAt > 0 ? process.argv[zinniaAt + 1] : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'composer-page-'));
  const service = await createStationService({ dataDir, handwriting: { command }, onNotice: () => undefined, onWarning: () => undefined });
  const host = await startBrowserHost({ service, staticDir: PAGE_DIR });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  setTimeout(() => void stop(), LIFETIME_MS).unref();
  console.log(`Composer page: ${host.screenUrl}`);
}

void main();
