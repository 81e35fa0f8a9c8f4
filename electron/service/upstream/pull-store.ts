/**
 * The `upstream_pulls` table (migration 0013): per pulled kind, the ETag and document last
 * applied. Written only inside the transaction that applied the document.
 */
import type { Database } from 'better-sqlite3';
import type { PullKind } from '../../../common/upstream-pull';

export interface StoredPull {
  readonly etag: string;
  /** The document as applied, JSON. */
  readonly document: string;
  /** When it was applied, epoch ms. */
  readonly appliedMs: number;
}

export interface PullStore {
  get(kind: PullKind): StoredPull | undefined;
  put(kind: PullKind, etag: string, document: string, atMs: number): void;
}

export function createPullStore(db: Database): PullStore {
  const get = db.prepare<[string], { etag: string; document: string; applied_ms: number }>('SELECT etag, document, applied_ms FROM upstream_pulls WHERE kind = ?');
  const put = db.prepare<[string, string, string, number]>(
    `INSERT INTO upstream_pulls (kind, etag, document, applied_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET etag = excluded.etag, document = excluded.document, applied_ms = excluded.applied_ms`,
  );
  return {
    get(kind) {
      const row = get.get(kind);
      return row ? { etag: row.etag, document: row.document, appliedMs: row.applied_ms } : undefined;
    },
    put: (kind, etag, document, atMs) => void put.run(kind, etag, document, atMs),
  };
}
