/**
 * Where the steward list comes from, applied at every start (until it is pulled from
 * upstream): `<dataDir>/stewards.json`, plus the two places an older station kept its one
 * steward PIN, migrated once into the list as PIN-only stewards:
 *
 * - `stewardPin` in station.json (plain text): hashed into a `legacy` steward the first time;
 *   from then on the setting is refused with a warning until it is deleted.
 * - `<dataDir>/steward-pin` (the scrypt hash set on the kiosk with the setup code): becomes
 *   the `setup` steward and the file is removed.
 *
 * stewards.json: `{ "stewards": [{ "name", "role": "host" | "cadre", "card", "pinHash" }] }`.
 * The card number is normalised like a tap and kept only as the station's keyed hash; the
 * PIN must already be a scrypt hash (`npm run steward-pin-hash`), never the PIN. A bad entry
 * is skipped with a warning naming it; the others still apply. Stewards that were in the
 * file and are no longer are made inactive (kept for the audit log).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { normaliseCardText } from '../../../hardware/card-id/normalise';
import type { NormalisedCard } from '../../../hardware/card-id/card-id';
import { isStewardPinHash, hashStewardPin } from './pin-hash';
import type { NewSteward, StewardStore } from './steward-store';

export const STEWARDS_FILE_NAME = 'stewards.json';
export const LEGACY_PIN_FILE_NAME = 'steward-pin';

export const LEGACY_STEWARD_NAME = 'Station PIN';
export const SETUP_STEWARD_NAME = 'First steward';

const entrySchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  role: z.enum(['host', 'cadre']),
  card: z.string().min(1).max(64),
  pinHash: z.string().refine(isStewardPinHash, 'must be a scrypt hash (npm run steward-pin-hash), not a PIN'),
});
const fileSchema = z.strictObject({ stewards: z.array(z.unknown()).max(999) });

/** The keyed hashes a card is known by (see migration 0006). */
export function stewardCardHashes(card: NormalisedCard, hash: (canonical: string) => string): { cardHash: string; cardHash24: string | null } {
  switch (card.kind) {
    case 'uid32':
      return { cardHash: hash(card.canonical), cardHash24: hash(card.low24) };
    case 'low24':
      return { cardHash: hash(card.low24), cardHash24: hash(card.low24) };
    case 'token':
      return { cardHash: hash(card.canonical), cardHash24: null };
  }
}

export interface RosterInput {
  readonly dataDir: string;
  readonly store: StewardStore;
  readonly hashCard: (canonical: string) => string;
  /** `stewardPin` from station.json, if set. */
  readonly legacyPin: string | null;
  readonly now: number;
}

/** Applies the file and the legacy PINs; returns the warnings for the start-up log. */
export function applyStewardRoster(input: RosterInput): string[] {
  const { store } = input;
  const warnings: string[] = [];
  const wanted = readStewardsFile(input, warnings);
  store.transaction(() => {
    if (wanted !== null) syncFileStewards(store, wanted, input.now);
    migrateLegacyPin(input, warnings);
  });
  migrateLegacyPinFile(input, warnings);
  return warnings;
}

function readStewardsFile(input: RosterInput, warnings: string[]): NewSteward[] | null {
  const path = join(input.dataDir, STEWARDS_FILE_NAME);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // An unreadable file changes nothing: the list from the last good start stays.
    warnings.push(`${STEWARDS_FILE_NAME}: not read (${error instanceof Error ? error.message : String(error)}); the steward list stays as it was.`);
    return null;
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    warnings.push(`${STEWARDS_FILE_NAME}: must be {"stewards": [...]}; the steward list stays as it was.`);
    return null;
  }
  const out: NewSteward[] = [];
  const seen = new Set<string>();
  file.data.stewards.forEach((raw, i) => {
    if (typeof raw === 'object' && raw !== null && 'pin' in raw) {
      warnings.push(`${STEWARDS_FILE_NAME}: steward ${i + 1} skipped: a PIN in plain text ("pin") is refused; give its scrypt hash as "pinHash" (npm run steward-pin-hash).`);
      return;
    }
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      warnings.push(`${STEWARDS_FILE_NAME}: steward ${i + 1} skipped: field "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}.`);
      return;
    }
    const card = normaliseCardText(entry.data.card);
    if (!card) {
      warnings.push(`${STEWARDS_FILE_NAME}: steward ${i + 1} skipped: "card" is not a card number.`);
      return;
    }
    const hashes = stewardCardHashes(card, input.hashCard);
    if (seen.has(hashes.cardHash)) {
      warnings.push(`${STEWARDS_FILE_NAME}: steward ${i + 1} skipped: the same card as an earlier steward.`);
      return;
    }
    seen.add(hashes.cardHash);
    out.push({ name: entry.data.name, role: entry.data.role, pinHash: entry.data.pinHash, source: 'file', ...hashes });
  });
  return out;
}

function syncFileStewards(store: StewardStore, wanted: readonly NewSteward[], now: number): void {
  const existing = store.all().filter((s) => s.source === 'file');
  const byCard = new Map(existing.map((s) => [s.cardHash, s]));
  const kept = new Set<number>();
  for (const steward of wanted) {
    const row = byCard.get(steward.cardHash);
    if (row) {
      store.update(row.id, steward);
      kept.add(row.id);
    } else {
      kept.add(store.insert(steward, now).id);
    }
  }
  for (const row of existing) if (!kept.has(row.id) && row.active) store.setActive(row.id, false);
}

function migrateLegacyPin(input: RosterInput, warnings: string[]): void {
  if (input.legacyPin === null) return;
  const migrated = input.store.all().some((s) => s.source === 'legacy');
  if (!migrated) {
    input.store.insert(
      { name: LEGACY_STEWARD_NAME, role: 'cadre', cardHash: null, cardHash24: null, pinHash: hashStewardPin(input.legacyPin), source: 'legacy' },
      input.now,
    );
    warnings.push(
      'station.json: "stewardPin" was moved into the steward list as a scrypt hash (PIN-only sign-in, "Station PIN"); delete the setting from station.json — it is no longer read.',
    );
    return;
  }
  warnings.push('station.json: "stewardPin" is refused: a PIN in plain text is no longer read (it was migrated before). Delete it; stewards are listed in stewards.json.');
}

function migrateLegacyPinFile(input: RosterInput, warnings: string[]): void {
  const path = join(input.dataDir, LEGACY_PIN_FILE_NAME);
  let encoded: string;
  try {
    encoded = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    warnings.push(`${LEGACY_PIN_FILE_NAME}: not read (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  if (!isStewardPinHash(encoded)) {
    warnings.push(`${LEGACY_PIN_FILE_NAME}: not a scrypt hash; left where it is and not used.`);
    return;
  }
  if (!input.store.all().some((s) => s.source === 'setup')) {
    input.store.insert({ name: SETUP_STEWARD_NAME, role: 'cadre', cardHash: null, cardHash24: null, pinHash: encoded, source: 'setup' }, input.now);
  }
  // The hash now lives in station.db; a second copy would only be a second thing to protect.
  rmSync(path, { force: true });
  warnings.push(`${LEGACY_PIN_FILE_NAME}: the steward PIN set on the kiosk was moved into the steward list ("${SETUP_STEWARD_NAME}", PIN-only).`);
}
