/**
 * The collector's one SQL layer: the same queries and migrations run on an embedded PGlite
 * (default, a data folder) and on a PostgreSQL server (`DATABASE_URL`, node-postgres).
 * Parameters are `$1, $2…`; results are plain row objects.
 */

/** How one statement is sent. */
export interface QueryOptions {
  /**
   * Keep the statement parsed and planned on each server connection under this name, for a
   * statement run many times a second (the batch writer's): the server then neither parses nor
   * plans it again. One name, one text. PGlite (one in-process connection) ignores it.
   */
  readonly prepareAs?: string;
}

export interface SqlClient {
  /** One statement with parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data is: a folder, `memory`, or the server (password removed). */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…`; when set, a server is used instead of PGlite. */
  readonly databaseUrl?: string;
  /** PGlite data folder; undefined keeps the database in memory (tests). */
  readonly dataDir?: string;
  /** node-postgres pool size. Default {@link DEFAULT_POOL_SIZE}. */
  readonly poolSize?: number;
}

/** Connections one collector process holds to a PostgreSQL server. */
export const DEFAULT_POOL_SIZE = 10;

/** Opens the database the options name. The drivers are loaded only when used. */
export async function openSqlDatabase(options: OpenOptions): Promise<SqlDatabase> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir);
}
