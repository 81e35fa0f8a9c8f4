import { defineConfig } from 'vitest/config';

// `npm run test:fresh-clone`: the README's front door on a fresh clone (minutes: npm ci builds
// native modules). Kept out of the default run; `.ci/run` runs it as its own step.
export default defineConfig({
  test: {
    include: ['tests/fresh-clone/**/*.test.ts'],
    environment: 'node',
    maxWorkers: 1,
  },
});
