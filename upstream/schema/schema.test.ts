/**
 * The committed JSON Schema files are exactly what the generator makes from the zod schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR, schemaDocuments } from './generate';

describe('upstream/schema', () => {
  it('holds one file per generated document, each byte for byte as generated (run npm run upstream:schema)', () => {
    const generated = schemaDocuments();
    expect(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) expect(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8'), file).toBe(text);
  });

  it('documents every kind and refuses another schema version in the batch document', () => {
    const batch = JSON.parse(schemaDocuments()['batch.v1.json']!) as { properties: { schemaVersion: unknown; items: { items: { oneOf: { properties: { kind: { const: string } } }[] } } } };
    expect(batch.properties.schemaVersion).toEqual({ type: 'number', const: 1 });
    expect(batch.properties.items.items.oneOf.map((o) => o.properties.kind.const)).toEqual(['visits.hourly', 'visits.daily', 'lockers.daily', 'device.health', 'workers.daily', 'steward.daily', 'supplies.daily', 'supply.alert', 'inspection.result', 'wish.posted', 'wish.retracted']);
  });
});
