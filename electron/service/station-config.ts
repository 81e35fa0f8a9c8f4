/**
 * Station settings: `<dataDir>/station.json` (any subset of the fields) over the shipped
 * `resources/default-station.json`. A bad field never stops the station: it falls back to
 * its default and the problem is reported, naming the field, in `warnings`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { localeSchema, localizedTextSchema, readerPositionSchema, stationOfferSchema, type StationInfo } from '../../common/domain';
import { MAX_DIM_LEVEL } from '../../common/screen-dimming';
import defaultStationJson from '../../resources/default-station.json';
import { upstreamSettingsSchema } from './upstream/upstream-settings';
import { wishSettingsSchema } from './wishes/wish-settings';

export const STATION_CONFIG_FILE_NAME = 'station.json';

const MAX_MINUTES = 24 * 60;

/** Every station setting, with its range. */
export const stationConfigSchema = z.strictObject({
  /** Identifies the station upstream; letters, digits, `_ . -`. */
  stationId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, "_", "." or "-"'),
  stationName: localizedTextSchema,
  openingInfo: localizedTextSchema,
  todayOffers: z.array(stationOfferSchema).max(50),
  /** Encoded in the join-the-union QR code. */
  joinUrl: z.url({ protocol: /^https?$/ }).max(2000),
  /** Seconds without a touch before any screen returns to the attract screen. */
  idleTimeoutSeconds: z.number().int().min(5).max(3600),
  /** Taps of one card less than this many minutes apart are one visit; 0 = every tap is a visit. */
  duplicateWindowMinutes: z.number().int().min(0).max(MAX_MINUTES),
  /** A tap inside the window after the minimum stay records leaving (dwell time). */
  tapOutEnabled: z.boolean(),
  minStayBeforeTapOutMinutes: z.number().int().min(0).max(MAX_MINUTES),
  defaultLocale: localeSchema,
  /** Byte order of 8-hex text typed by keyboard-wedge readers (反序 readers: `reversed`). */
  wedgeByteOrder: z.enum(['as-read', 'reversed']),
  /** A charging session is overdue this many minutes after the door was shut on the phone. */
  lockerMaxMinutes: z.number().int().min(1).max(MAX_MINUTES),
  /** A locker door open longer than this many seconds raises one door-left-open alarm. */
  doorOpenAlarmSeconds: z.number().int().min(5).max(3600),
  /** Live locker sessions one card may hold at once. */
  lockersPerPerson: z.number().int().min(1).max(10),
  /**
   * Seconds a personal screen (a member's welcome, locker offers) stays after the tap before
   * clearing itself; the tap's card pass lives this long too (plus a moment for the last touch
   * to arrive), so no pass outlives the screen that shows it.
   */
  personalScreenSeconds: z.number().int().min(5).max(120),
  /** A claimed locker whose door is never shut is released (made free again) after this many minutes. */
  claimReleaseMinutes: z.number().int().min(1).max(MAX_MINUTES),
  /** Wrong pickup codes in a row before the keypad locks out. */
  pickupCodeAttempts: z.number().int().min(1).max(20),
  /** How long the pickup-code keypad stays locked out, seconds. */
  pickupLockoutSeconds: z.number().int().min(10).max(86_400),
  /** Where the card reader is, seen from the front of the screen; the attract screen points there. */
  readerPosition: readerPositionSchema,
  /** Spoken prompts in the current language; false mutes them (the short tones stay). */
  spokenPrompts: z.boolean(),
  /** Refused old setting: a plain-text steward PIN, migrated once into the steward list (steward-roster.ts), then ignored. */
  stewardPin: z.string().regex(/^[0-9]{4,8}$/, 'must be 4–8 digits').nullable(),
  /** Raw visit rows older than this many days are rolled up into daily counts and deleted. */
  retentionDays: z.number().int().min(31).max(3650),
  /** Daily database backups kept in `<dataDir>/backups`; the oldest beyond this are deleted. */
  backupsKept: z.number().int().min(1).max(60),
  /** The union's collector (URL, key file); null sends nothing upstream. */
  upstream: upstreamSettingsSchema,
  /** The wish wall's limits and first moderation mode. */
  wishes: wishSettingsSchema,
  /**
   * Night dimming: from `from` to `to` (local `HH:MM`, over midnight when `to` is earlier) the
   * screen is shaded `level` dark (never black); a touch or tap brightens it for `wakeSeconds`.
   * null: never dims.
   */
  nightDimming: z
    .strictObject({
      from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
      to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
      level: z.number().min(0.1).max(MAX_DIM_LEVEL).default(0.5),
      wakeSeconds: z.number().int().min(5).max(3600).default(120),
    })
    .nullable(),
});
export type StationConfig = z.infer<typeof stationConfigSchema>;
type ConfigKey = keyof StationConfig;

export interface LoadedStationConfig {
  readonly config: StationConfig;
  /** One line per problem, naming the file and field; empty when all was well. */
  readonly warnings: readonly string[];
}

/**
 * The shipped defaults, as shipped: station-config.test.ts checks that they pass the schema
 * unchanged, so a start does not parse them again (the first parse of this schema, with zod
 * building its checks, was the largest single cost of reading the settings).
 */
export function defaultStationConfig(): StationConfig {
  return structuredClone(defaultStationJson) as StationConfig;
}

/**
 * Loads the station's settings. Never throws for a bad `station.json`: an unreadable or
 * non-JSON file gives all defaults, a bad or unknown field gives that field's default,
 * each with a warning. `override` (tests, command line) is applied last, checked the same way.
 */
export function loadStationConfig(dataDir: string, override: Partial<StationConfig> = {}): LoadedStationConfig {
  const path = join(dataDir, STATION_CONFIG_FILE_NAME);
  const warnings: string[] = [];
  const fromFile = readSettingsFile(path, warnings);
  let config = defaultStationConfig();
  config = applyFields(config, fromFile, path, warnings);
  config = applyFields(config, override, 'stationConfigOverride', warnings);
  return { config, warnings };
}

/** What `getStationInfo` answers: the settings the UI needs. */
export function toStationInfo(config: StationConfig): StationInfo {
  return {
    stationId: config.stationId,
    stationName: config.stationName,
    openingInfo: config.openingInfo,
    todayOffers: config.todayOffers,
    joinUrl: config.joinUrl,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    personalScreenSeconds: config.personalScreenSeconds,
    defaultLocale: config.defaultLocale,
    tapOutEnabled: config.tapOutEnabled,
    readerPosition: config.readerPosition,
    spokenPrompts: config.spokenPrompts,
  };
}

function readSettingsFile(path: string, warnings: string[]): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') warnings.push(`${path} could not be read (${code ?? String(error)}); using the default settings.`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    warnings.push(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}); using the default settings.`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    warnings.push(`${path} must hold a JSON object of settings; using the default settings.`);
    return {};
  }
  return parsed as Record<string, unknown>;
}

/** Lays `fields` over `base` one field at a time, keeping the base value of any bad field. */
function applyFields(base: StationConfig, fields: Record<string, unknown>, source: string, warnings: string[]): StationConfig {
  // Nothing to lay over (no station.json, no override: the usual start): `base` is already
  // parsed, and parsing the whole schema again costs start-up time for nothing.
  if (Object.keys(fields).length === 0) return base;
  const known = stationConfigSchema.shape;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(fields)) {
    if (!Object.hasOwn(known, key)) {
      warnings.push(`${source}: unknown field "${key.slice(0, 80)}" ignored.`);
      continue;
    }
    if (value === undefined) continue;
    const field = known[key as ConfigKey].safeParse(value);
    if (field.success) {
      merged[key] = field.data;
      continue;
    }
    const issues = field.error.issues
      .map((issue) => `${[key, ...issue.path.map(String)].join('.')}: ${issue.message}`)
      .join('; ');
    warnings.push(`${source}: field "${key}" is invalid (${issues}); using ${JSON.stringify(base[key as ConfigKey]).slice(0, 120)}.`);
  }
  // Every field is the base's (valid) or one just checked by its own schema, and the schema
  // has no rule across fields: parsing the whole object again would only repeat those checks.
  return merged as StationConfig;
}
