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
    // Two files (two Chromiums, two harnesses) at a time, even on two cores: much of each test is
    // waiting (on the core, on the page's timers). Measured on a 2-core machine, 2026-12-02: 450 s
    // one at a time, 280-306 s two at a time. The load found two races the tests had never met one
    // at a time (F3 lost right after the unit step showed: fixed; a test pressing Ctrl+Z while the
    // previous undo still ran: the test waits for it now). The two files that play an old PC run
    // alone afterwards (run.mjs, ALONE).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
