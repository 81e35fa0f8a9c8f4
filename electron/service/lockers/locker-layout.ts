/**
 * The locker layout: `<dataDir>/lockers.json`, which painted locker number is which lock on
 * which board of which bus, and its cable (see README.md in this folder). A bad file never
 * stops the station: it gives no lockers and a warning per problem, naming the entry and field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { cableTypeSchema, lockerNumberSchema, type CableType } from '../../../common/lockers';

export const LOCKER_LAYOUT_FILE_NAME = 'lockers.json';

const layoutEntrySchema = z.strictObject({
  number: lockerNumberSchema,
  /** The `id` of a locker bus in devices.json. */
  bus: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, "_", "." or "-"'),
  /** Board address as on its DIP switches. */
  board: z.number().int().min(0).max(255),
  /** 1-based lock channel on the board. */
  lock: z.number().int().min(1).max(255),
  cable: cableTypeSchema,
  enabled: z.boolean().optional(),
});

export const lockerLayoutSchema = z
  .array(layoutEntrySchema)
  .max(999)
  .superRefine((entries, ctx) => {
    const numbers = new Map<number, number>();
    const addresses = new Map<string, number>();
    entries.forEach((entry, i) => {
      const sameNumber = numbers.get(entry.number);
      if (sameNumber !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'number'], message: `locker ${entry.number} is already listed at [${sameNumber}]` });
      } else numbers.set(entry.number, i);
      const address = `${entry.bus}/${entry.board}/${entry.lock}`;
      const sameLock = addresses.get(address);
      if (sameLock !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'lock'], message: `bus ${entry.bus} board ${entry.board} lock ${entry.lock} is already locker [${sameLock}]` });
      } else addresses.set(address, i);
    });
  });

/** One locker of the layout, with `enabled` filled in. */
export interface LockerLayoutEntry {
  readonly number: number;
  readonly bus: string;
  readonly board: number;
  readonly lock: number;
  readonly cable: CableType;
  readonly enabled: boolean;
}

/** What a bus offers, to check the layout against. */
export interface BusShape {
  readonly id: string;
  readonly boards: readonly { readonly address: number; readonly channels: number }[];
}

export interface LoadedLockerLayout {
  /** Sorted by number; empty when the file is missing or invalid. */
  readonly lockers: readonly LockerLayoutEntry[];
  /** Lockers whose bus, board or lock is not configured: they show as offline. */
  readonly unreachable: ReadonlySet<number>;
  readonly warnings: readonly string[];
}

/** Reads and checks lockers.json against the configured buses. Never throws for a bad file. */
export function loadLockerLayout(dataDir: string, buses: readonly BusShape[]): LoadedLockerLayout {
  const path = join(dataDir, LOCKER_LAYOUT_FILE_NAME);
  const warnings: string[] = [];
  const none = (): LoadedLockerLayout => ({ lockers: [], unreachable: new Set(), warnings });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') warnings.push(`${path} could not be read (${code ?? String(error)}); no lockers are in use.`);
    else if (buses.length > 0) warnings.push(`Locker buses are configured but ${path} does not exist; no lockers are in use.`);
    return none();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    warnings.push(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}); no lockers are in use.`);
    return none();
  }
  const parsed = lockerLayoutSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) warnings.push(`${path}: ${formatPath(issue.path)}: ${issue.message}`);
    warnings.push(`${path} is invalid; no lockers are in use until it is fixed.`);
    return none();
  }
  const lockers = parsed.data
    .map((entry) => ({ ...entry, enabled: entry.enabled ?? true }))
    .sort((a, b) => a.number - b.number);
  const unreachable = new Set<number>();
  for (const locker of lockers) {
    const problem = addressProblem(locker, buses);
    if (problem) {
      unreachable.add(locker.number);
      warnings.push(`${path}: locker ${locker.number}: ${problem}; it shows as offline.`);
    }
  }
  return { lockers, unreachable, warnings };
}

function addressProblem(locker: LockerLayoutEntry, buses: readonly BusShape[]): string | null {
  const bus = buses.find((b) => b.id === locker.bus);
  if (!bus) return `bus "${locker.bus}" is not configured`;
  const board = bus.boards.find((b) => b.address === locker.board);
  if (!board) return `bus "${locker.bus}" has no board ${locker.board}`;
  if (locker.lock > board.channels) return `board ${locker.board} on bus "${locker.bus}" has ${board.channels} locks, not ${locker.lock}`;
  return null;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}
