import { defineConfig } from 'vitest/config';

/** The Electron smoke test: the built desktop app, launched by Playwright. Not part of npm test. */
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
