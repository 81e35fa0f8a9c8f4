/**
 * `npm start` runs the service under a supervisor: a service killed by SIGKILL, or one that
 * stops answering (SIGSTOP), is started again, and the page open in Chromium shows
 * "restarting", comes back to the attract screen by itself, and the next tap is welcomed.
 */
import { test, expect } from './fixtures';
import type { StationFixture } from './fixtures';

test.use({ stationEnv: { STATION_SERVICE_HUNG_MS: '2000' } });

async function waitForNewService(station: StationFixture, oldPid: number): Promise<number> {
  let pid: number | null = null;
  await expect.poll(() => (pid = station.process.servicePid()), { timeout: 20_000 }).not.toBe(oldPid);
  await expect.poll(() => (pid = station.process.servicePid()), { timeout: 20_000 }).not.toBeNull();
  return pid!;
}

test('a service killed with SIGKILL is restarted; the page is back on the attract screen by itself, and the next tap works', async ({ page, station }) => {
  const first = station.process.servicePid();
  expect(first).not.toBeNull();
  process.kill(first!, 'SIGKILL');
  // A quick restart (250 ms) can beat the page's silence limit, so the restarting screen may
  // never show here; the SIGSTOP test below, where the supervisor waits 5 s, shows it.
  await expect(page.getByTestId('screen-attract')).toBeVisible({ timeout: 20_000 });
  const second = await waitForNewService(station, first!);
  expect(second).not.toBe(first);
  expect(station.process.output()).toContain('Supervisor: the station service stopped (SIGKILL); starting it again in 250 ms');

  // The new service's simulated reader and the page's new socket come up a moment after its
  // pid does: tap until the greeting shows (a second tap of the card greets it as already here).
  const greeted = page.locator('[data-testid="screen-welcome"], [data-testid="screen-already-here"]');
  await expect(async () => {
    await station.tap('0040856634');
    await expect(greeted).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});

test('a service that stops answering (SIGSTOP) is treated as crashed and replaced', async ({ page, station }) => {
  const first = station.process.servicePid();
  expect(first).not.toBeNull();
  process.kill(first!, 'SIGSTOP');
  await expect(page.getByTestId('service-restarting')).toBeVisible();
  await expect(page.getByTestId('screen-attract')).toBeVisible({ timeout: 20_000 });
  await waitForNewService(station, first!);
  expect(station.process.output()).toMatch(new RegExp(`Supervisor: the station service \\(pid ${first}\\) has not answered for \\d+ ms; treating it as crashed`));

  await station.tap('1234567890');
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
});
