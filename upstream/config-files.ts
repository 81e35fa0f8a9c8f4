/**
 * Reading the district's configuration files for `npm run collector -- set-notices FILE`,
 * `set-stewards FILE --fleet-key KEY` and `set-words FILE`. A file is checked whole before
 * anything is stored: one bad entry names itself and nothing changes.
 *
 * A stewards file lists cards as the numbers on them (`"card": "0040332858"`); they are
 * turned into fleet pseudonyms here with the fleet key and only the pseudonyms are stored,
 * so the collector's database never holds a card number. (An entry may instead give
 * `"card": { "hash", "hash24" }` already computed.)
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normaliseCardText } from '../hardware/card-id/normalise';
import { pulledCardSchema } from '../common/upstream-pull';
import { loadCollectorKey } from '../electron/service/upstream/upstream-settings';
import { pulledCardOf, stewardCardKey } from '../electron/service/upstream/steward-card-pseudonym';
import { storedStewardsSchema, type StoredDocuments } from './pull-store';

export type ConfigKind = keyof StoredDocuments;

const describe = (error: z.ZodError) => error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');

/** The file's JSON, or an error line naming the file. */
function readJson(file: string): { ok: true; json: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, json: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, message: `${file}: not read as JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The document to store for `kind`, or why not. Stewards' cards given as numbers need
 * `fleetKeyFile` (the district's fleet key, the file every station has).
 */
export function readConfigFile(kind: ConfigKind, file: string, fleetKeyFile?: string): { ok: true; document: unknown } | { ok: false; message: string } {
  const read = readJson(file);
  if (!read.ok) return read;
  if (kind !== 'stewards') return { ok: true, document: read.json };
  const shape = z.object({ stewards: z.array(z.looseObject({ card: z.unknown() })) }).safeParse(read.json);
  if (!shape.success) return { ok: false, message: `${file}: must be {"stewards": [{ "id", "name", "role", "card", "pinHash", "stations"? }]}` };
  let cardKey: Buffer | undefined;
  const stewards: unknown[] = [];
  for (const [i, entry] of shape.data.stewards.entries()) {
    if ('pin' in entry) return { ok: false, message: `${file}: steward ${i + 1}: a PIN in plain text ("pin") is refused; give its scrypt hash as "pinHash" (npm run steward-pin-hash).` };
    if (pulledCardSchema.safeParse(entry.card).success) {
      stewards.push(entry);
      continue;
    }
    const card = typeof entry.card === 'string' ? normaliseCardText(entry.card) : null;
    if (!card) return { ok: false, message: `${file}: steward ${i + 1}: "card" is not a card number (nor a {hash, hash24} pseudonym).` };
    if (fleetKeyFile === undefined) return { ok: false, message: `${file}: cards given as numbers need --fleet-key FILE (the district's fleet key) to become pseudonyms.` };
    cardKey ??= stewardCardKey(loadCollectorKey(process.cwd(), fleetKeyFile));
    stewards.push({ ...entry, card: pulledCardOf(card, cardKey) });
  }
  const checked = storedStewardsSchema.safeParse({ stewards });
  if (!checked.success) return { ok: false, message: `${file}: ${describe(checked.error)}` };
  const cards = checked.data.stewards.map((s) => s.card.hash);
  if (new Set(cards).size !== cards.length) return { ok: false, message: `${file}: two stewards have the same card.` };
  return { ok: true, document: checked.data };
}

/** zod's issues as one line (for the CLI). */
export const describeIssues = describe;
