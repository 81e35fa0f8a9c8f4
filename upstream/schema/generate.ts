/**
 * Generates `upstream/schema/*.json` (JSON Schema 2020-12) from the zod wire schemas in
 * `common/upstream-wire.ts` and the pulled documents in `common/upstream-pull.ts`.
 * `npm run upstream:schema` writes them; a test checks that the
 * committed files equal what this produces, so the documents never drift from the code.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PULL_SCHEMA_VERSION, pullDocumentSchemas } from '../../common/upstream-pull';
import { batchResponseSchema, batchSchema, refusalSchema, UPSTREAM_SCHEMA_VERSION } from '../../common/upstream-wire';

const BASE = 'https://schemas.rest-station.invalid/upstream';

/** File name → schema document, for this schema version. */
export function schemaDocuments(): Record<string, string> {
  const v = UPSTREAM_SCHEMA_VERSION;
  const docs: Record<string, [string, z.ZodType]> = {
    [`batch.v${v}.json`]: ['A station\'s POST /v1/batches body.', batchSchema],
    [`batch-response.v${v}.json`]: ['The collector\'s 200 answer: one result per item.', batchResponseSchema],
    [`refusal.v${v}.json`]: ['The collector\'s answer to a refused request (4xx/5xx); nothing was stored.', refusalSchema],
    ...Object.fromEntries(
      Object.entries(pullDocumentSchemas).map(([kind, schema]) => [
        `pull-${kind}.v${PULL_SCHEMA_VERSION}.json`,
        [`GET /v1/stations/<id>/${kind}: the document a station downloads and applies whole.`, schema as z.ZodType],
      ]),
    ),
  };
  return Object.fromEntries(
    Object.entries(docs).map(([file, [description, schema]]) => {
      const json = { $id: `${BASE}/${file}`, description, ...z.toJSONSchema(schema, { target: 'draft-2020-12' }) };
      return [file, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}

export const SCHEMA_DIR = fileURLToPath(new URL('./', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of Object.entries(schemaDocuments())) {
    writeFileSync(`${SCHEMA_DIR}${file}`, text);
    console.log(`wrote upstream/schema/${file}`);
  }
}
