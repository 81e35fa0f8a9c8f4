import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,hardware,electron,renderer,tests,scripts,upstream}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration tests open real pseudo-terminals and SQLite files; keep the two cores calm.
    maxWorkers: 2,
  },
});
