import { defineConfig } from 'vitest/config';

/** The collector's suite (with the station-to-collector sync and pull tests): run on an in-memory PGlite in `unit`, and again on a real PostgreSQL server. */
const COLLECTOR_SUITE = ['upstream/**/*.test.ts', 'tests/integration/upstream-sync.test.ts', 'tests/integration/upstream-pull.test.ts', 'tests/integration/upstream-wish-retraction.test.ts'];

export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration tests open real pseudo-terminals and SQLite files; keep the two cores calm.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['{common,hardware,electron,renderer,tests,scripts,upstream}/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'collector-postgres',
          include: COLLECTOR_SUITE,
          // Not the schema files' drift check or the CLI's PGlite folder: nothing in them touches a server.
          exclude: ['node_modules/**', 'upstream/schema/**', 'upstream/cli.test.ts'],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          setupFiles: ['tests/support/postgres-test-env.ts'],
        },
      },
    ],
  },
});
