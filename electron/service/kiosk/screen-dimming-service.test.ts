import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStationConfig } from '../station-config';
import { useTempDirs } from '../testing/temp-dirs';
import { createScreenDimmingService } from './screen-dimming-service';

const temp = useTempDirs('screen-dimming-');

function load(nightDimming: unknown) {
  const dir = temp.make();
  writeFileSync(join(dir, 'station.json'), JSON.stringify({ nightDimming }));
  return loadStationConfig(dir);
}

describe('night dimming setting', () => {
  it('is off by default', async () => {
    const { config } = loadStationConfig(temp.make());
    expect(await createScreenDimmingService(config).api.getScreenDimming()).toEqual({ ok: true, value: { schedule: null } });
  });

  it('hours with the default shade and wake time', async () => {
    const { config, warnings } = load({ from: '23:30', to: '05:45' });
    expect(warnings).toEqual([]);
    expect(await createScreenDimmingService(config).api.getScreenDimming()).toEqual({
      ok: true,
      value: { schedule: { from: '23:30', to: '05:45', level: 0.5, wakeSeconds: 120 } },
    });
  });

  it.each([
    [{ from: '22:00', to: '06:00', level: 1 }, 'nightDimming.level'],
    [{ from: '24:00', to: '06:00' }, 'nightDimming.from: must be HH:MM'],
    [{ from: '22:00', to: '06:00', wakeSeconds: 1 }, 'nightDimming.wakeSeconds'],
    [{ from: '22:00', to: '06:00', brightness: 0 }, 'nightDimming'],
  ])('a shade that could black the screen out, or bad hours, is refused with a warning and no dimming: %j', async (value, field) => {
    const { config, warnings } = load(value);
    expect(config.nightDimming).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(field);
  });
});
