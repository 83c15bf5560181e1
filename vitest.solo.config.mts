import { defineConfig } from 'vitest/config';

/**
 * Tests that measure time (the window's event loop during an import, counter calls during an
 * import): one file at a time, after the other suites, so the machine does nothing else that
 * the measurement would pick up. Part of npm test (`npm run test:solo`).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.solo.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
