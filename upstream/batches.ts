/**
 * Reads a verified batch body: whole-request checks (JSON, version, envelope, size), then
 * each item on its own. Pure: decides, stores nothing.
 */
import { z } from 'zod';
import {
  MAX_ITEMS_PER_BATCH,
  SUPPORTED_SCHEMA_VERSIONS,
  upstreamItemSchema,
  type ItemStatus,
  type Refusal,
  type UpstreamItem,
} from '../common/upstream-wire';
import { commonValidItem } from './common-items';

const versionProbe = z.object({ schemaVersion: z.number().int() });
const envelope = z.strictObject({
  schemaVersion: z.number().int(),
  stationId: z.string(),
  sentAtMs: z.number().int().min(0),
  items: z.array(z.unknown()).min(1),
});

export type ReadBatch =
  | {
      readonly ok: true;
      readonly schemaVersion: number;
      readonly sentAtMs: number;
      /** One per item, in order: valid items to store, or a rejection. */
      readonly entries: readonly ({ key: string; item: UpstreamItem } | { key: string; status: ItemStatus; reason: string })[];
    }
  | { readonly ok: false; readonly status: 400 | 413 | 422; readonly error: Refusal['error']; readonly message: string };

export function readBatch(body: Buffer, signingStationId: string): ReadBatch {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'malformed', message: 'The body is not JSON.' };
  }
  // The envelope first: a valid one has an integer schemaVersion, so the probe (which decides
  // between "malformed" and "unknown version" for a bad envelope) only runs for a bad one.
  const batch = envelope.safeParse(json);
  const probe = batch.success ? batch : versionProbe.safeParse(json);
  if (!probe.success) return { ok: false, status: 400, error: 'malformed', message: 'The body has no integer schemaVersion.' };
  if (!SUPPORTED_SCHEMA_VERSIONS.includes(probe.data.schemaVersion)) {
    return {
      ok: false, status: 422, error: 'unsupported-schema-version',
      message: `Schema version ${probe.data.schemaVersion} is not one this collector stores (${SUPPORTED_SCHEMA_VERSIONS.join(', ')}); nothing was stored.`,
    };
  }
  if (!batch.success) {
    const issue = batch.error.issues[0];
    return { ok: false, status: 400, error: 'malformed', message: `Batch ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.` };
  }
  if (batch.data.stationId !== signingStationId) {
    return { ok: false, status: 400, error: 'malformed', message: `The batch says station "${batch.data.stationId.slice(0, 64)}" but was signed by "${signingStationId}".` };
  }
  if (batch.data.items.length > MAX_ITEMS_PER_BATCH) {
    return { ok: false, status: 413, error: 'too-large', message: `${batch.data.items.length} items; at most ${MAX_ITEMS_PER_BATCH} per batch.` };
  }
  const seen = new Set<string>();
  const entries = batch.data.items.map((raw, i) => {
    const rawKey = (raw as { key?: unknown } | null)?.key;
    const key = typeof rawKey === 'string' ? rawKey.slice(0, 200) : `#${i}`;
    // The common kinds take the cheaper check; anything it does not vouch for, zod decides.
    const common = commonValidItem(raw);
    const parsed = common ? ({ success: true, data: common } as const) : upstreamItemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { key, status: 'rejected' as const, reason: `${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'invalid'}`.slice(0, 300) };
    }
    const item = parsed.data;
    if (!item.key.startsWith(`${signingStationId}/${item.kind}/`)) {
      return { key, status: 'rejected' as const, reason: `key must start with "${signingStationId}/${item.kind}/"` };
    }
    // The same key twice in one batch: the first is stored, the copy is a duplicate.
    if (seen.has(item.key)) return { key, status: 'duplicate' as const, reason: 'repeated in this batch' };
    seen.add(item.key);
    return { key, item };
  });
  return { ok: true, schemaVersion: probe.data.schemaVersion, sentAtMs: batch.data.sentAtMs, entries };
}
