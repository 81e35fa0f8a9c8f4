/**
 * Setup file of the `collector-postgres` project: points `openTestDatabase` at the server the
 * global setup started, so the collector's own test files run unchanged on real PostgreSQL.
 */
import { inject } from 'vitest';

process.env.COLLECTOR_TEST_DATABASE_URL = inject('collectorPostgresUrl');
