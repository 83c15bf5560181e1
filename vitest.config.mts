import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/lint/**/*.test.ts'],
    // Measurements of stalls and latency run alone, after the rest (vitest.solo.config.mts):
    // another test file working beside them on two cores would be measured too.
    exclude: ['**/node_modules/**', '**/*.solo.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
