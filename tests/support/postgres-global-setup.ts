/**
 * Vitest global setup of the `collector-postgres` project: one throwaway PostgreSQL server
 * for the run (each test file makes its own database on it), stopped at the end.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server `COLLECTOR_TEST_DATABASE_URL` points the collector's tests at. */
    collectorPostgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgresServer();
  project.provide('collectorPostgresUrl', server.url);
  return () => server.stop();
}
