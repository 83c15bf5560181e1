import { availableParallelism } from 'node:os';
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
    // Two files at a time at least. Many of these files mostly wait (child processes, servers,
    // timers, fsyncs), and vitest's default (cores - 1) runs one at a time on a 2-core machine:
    // measured on one, the suite took 1,432 s that way and 1,032 s with two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
