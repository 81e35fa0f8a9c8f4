import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStationConfig, loadStationConfig, STATION_CONFIG_FILE_NAME, stationConfigSchema, toStationInfo } from './station-config';
import { stationInfoSchema } from '../../common/domain';
import { useTempDirs } from './testing/temp-dirs';

const temp = useTempDirs('station-config-');
const shipped = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/default-station.json'), 'utf8')) as unknown;

function withFile(content: string): { dataDir: string; path: string } {
  const dataDir = temp.make();
  const path = join(dataDir, STATION_CONFIG_FILE_NAME);
  writeFileSync(path, content);
  return { dataDir, path };
}

describe('station settings', () => {
  it('without station.json are the shipped defaults, with no warnings', () => {
    const loaded = loadStationConfig(temp.make());
    expect(loaded.warnings).toEqual([]);
    expect(loaded.config).toEqual(shipped);
    expect(loaded.config.stationName).toEqual({ 'zh-CN': '朝阳区户外劳动者暖心驿站', en: "Chaoyang Outdoor Workers' Rest Station" });
    expect(loaded.config.todayOffers.map((o) => o.id)).toEqual(['hot-water', 'phone-charging', 'microwave', 'first-aid', 'haircut']);
    expect(loaded.config.todayOffers[4]?.hours).toBe('14:00–17:00');
    expect(loaded.config).toMatchObject({
      idleTimeoutSeconds: 60,
      duplicateWindowMinutes: 30,
      tapOutEnabled: false,
      minStayBeforeTapOutMinutes: 2,
      defaultLocale: 'zh-CN',
      lockerMaxMinutes: 240,
      doorOpenAlarmSeconds: 60,
      lockersPerPerson: 1,
      personalScreenSeconds: 15,
      claimReleaseMinutes: 5,
      pickupCodeAttempts: 5,
      pickupLockoutSeconds: 300,
      stewardPin: null,
      retentionDays: 400,
      backupsKept: 7,
    });
  });

  it('locker settings: a steward PIN of 4–8 digits, numbers in range, each bad one named', () => {
    const { dataDir, path } = withFile(
      JSON.stringify({ stewardPin: '2468', lockerMaxMinutes: 120, doorOpenAlarmSeconds: 0, lockersPerPerson: 2, pickupCodeAttempts: 3.5 }),
    );
    const loaded = loadStationConfig(dataDir);
    expect(loaded.config).toMatchObject({ stewardPin: '2468', lockerMaxMinutes: 120, doorOpenAlarmSeconds: 60, lockersPerPerson: 2, pickupCodeAttempts: 5 });
    expect(loaded.warnings).toEqual([
      `${path}: field "doorOpenAlarmSeconds" is invalid (doorOpenAlarmSeconds: Too small: expected number to be >=5); using 60.`,
      `${path}: field "pickupCodeAttempts" is invalid (pickupCodeAttempts: Invalid input: expected int, received number); using 5.`,
    ]);
    for (const pin of ['123', '123456789', 1234, '12a4', ' 1234']) {
      const bad = loadStationConfig(withFile(JSON.stringify({ stewardPin: pin })).dataDir);
      expect(bad.config.stewardPin, JSON.stringify(pin)).toBeNull();
      expect(bad.warnings).toHaveLength(1);
      expect(bad.warnings[0]).toContain('field "stewardPin" is invalid');
    }
  });

  it('the shipped defaults pass the settings schema unchanged (the station uses them without parsing)', () => {
    expect(stationConfigSchema.parse(shipped)).toEqual(shipped);
    expect(defaultStationConfig()).toEqual(shipped);
    // A copy each time: a caller changing its settings cannot change the next station's.
    expect(defaultStationConfig()).not.toBe(defaultStationConfig());
  });

  it('the station info built from the defaults passes the contract schema', () => {
    expect(stationInfoSchema.parse(toStationInfo(defaultStationConfig()))).toEqual(toStationInfo(defaultStationConfig()));
  });

  it('station.json fields replace the defaults one by one', () => {
    const { dataDir } = withFile(JSON.stringify({ duplicateWindowMinutes: 0, tapOutEnabled: true, stationId: 'cy-042' }));
    const loaded = loadStationConfig(dataDir);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.config).toEqual({ ...defaultStationConfig(), duplicateWindowMinutes: 0, tapOutEnabled: true, stationId: 'cy-042' });
  });

  it('an invalid field names itself and falls back to its default; the valid fields still apply', () => {
    const { dataDir, path } = withFile(JSON.stringify({ duplicateWindowMinutes: -5, idleTimeoutSeconds: 90 }));
    const loaded = loadStationConfig(dataDir);
    expect(loaded.config.duplicateWindowMinutes).toBe(30);
    expect(loaded.config.idleTimeoutSeconds).toBe(90);
    expect(loaded.warnings).toEqual([
      `${path}: field "duplicateWindowMinutes" is invalid (duplicateWindowMinutes: Too small: expected number to be >=0); using 30.`,
    ]);
  });

  it('a bad nested value names its full path', () => {
    const offers = [{ id: 'tea', title: { 'zh-CN': '茶' }, hours: '', icon: 'food' }];
    const { dataDir, path } = withFile(JSON.stringify({ todayOffers: offers, joinUrl: 'javascript:alert(1)' }));
    const loaded = loadStationConfig(dataDir);
    expect(loaded.config.todayOffers).toEqual(defaultStationConfig().todayOffers);
    expect(loaded.config.joinUrl).toBe('https://example.org/union/join');
    expect(loaded.warnings).toHaveLength(2);
    expect(loaded.warnings[0]).toMatch(new RegExp(`^${escape(path)}: field "todayOffers" is invalid \\(todayOffers\\.0\\.title\\.en: `));
    expect(loaded.warnings[1]).toMatch(new RegExp(`^${escape(path)}: field "joinUrl" is invalid \\(joinUrl: `));
  });

  it('unknown fields are reported and ignored, including __proto__', () => {
    const { dataDir, path } = withFile('{"duplicateWindowMinute": 5, "__proto__": {"tapOutEnabled": true}}');
    const loaded = loadStationConfig(dataDir);
    expect(loaded.config).toEqual(defaultStationConfig());
    expect(loaded.warnings).toEqual([`${path}: unknown field "duplicateWindowMinute" ignored.`, `${path}: unknown field "__proto__" ignored.`]);
    expect(({} as Record<string, unknown>).tapOutEnabled).toBeUndefined();
  });

  it('a file that is not JSON, or not an object, gives the defaults and one warning', () => {
    for (const content of ['{ "duplicateWindowMinutes": ', '[1, 2]', 'null']) {
      const { dataDir, path } = withFile(content);
      const loaded = loadStationConfig(dataDir);
      expect(loaded.config).toEqual(defaultStationConfig());
      expect(loaded.warnings).toHaveLength(1);
      expect(loaded.warnings[0]).toMatch(new RegExp(`^${escape(path)} (is not valid JSON|must hold a JSON object)`));
    }
  });

  it('the override is applied last and checked the same way', () => {
    const { dataDir } = withFile(JSON.stringify({ duplicateWindowMinutes: 10 }));
    const loaded = loadStationConfig(dataDir, { duplicateWindowMinutes: 1, idleTimeoutSeconds: 1 });
    expect(loaded.config.duplicateWindowMinutes).toBe(1);
    expect(loaded.config.idleTimeoutSeconds).toBe(60);
    expect(loaded.warnings).toEqual([
      'stationConfigOverride: field "idleTimeoutSeconds" is invalid (idleTimeoutSeconds: Too small: expected number to be >=5); using 60.',
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
