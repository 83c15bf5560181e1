import { defineConfig } from 'vitest/config';

/** End-to-end tests only; started by test/e2e/run.mjs, which checks Chromium and the build first. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for what the app changes after a key or a core call; vitest's default
    // (1 s) is tight when a loaded CI machine re-renders after a core call and a reload.
    expect: { poll: { timeout: 5_000 } },
    pool: 'forks',
    // One Chromium at a time: these machines have two cores.
    fileParallelism: false,
  },
});
