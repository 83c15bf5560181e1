#!/usr/bin/env node
// End-to-end tests: Playwright drives the system Chromium against the BUILT
// renderer, served by the browser harness with the real core behind it. Run after `npm run build`.
//   node test/e2e/run.mjs [vitest args, e.g. a file filter or -t "name"]
// Without arguments: every file, two at a time, then the few that must run alone (ALONE below).
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), E2E_HEADED=1 to watch.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rendererIndex = join(root, 'out', 'renderer', 'index.html');

function fail(message) {
  console.error(`\ne2e: ${message}\n`);
  process.exit(1);
}

try {
  accessSync(chromium, constants.X_OK);
} catch {
  fail(
    `Chromium not found at ${chromium}. The end-to-end tests need a system Chromium ` +
      `(Playwright's own browser download does not work here).\n` +
      `  Install it:   apt-get update && apt-get install -y chromium\n` +
      `  or point to one:   CHROMIUM_PATH=/path/to/chromium node test/e2e/run.mjs`,
  );
}
if (!existsSync(rendererIndex)) fail(`${rendererIndex} is missing. Build first: npm run build`);

/**
 * Files that play an old PC (Chromium's CPU throttled, look-ups slowed) and send keys at a
 * scanner's pace from this process: a second file working beside them changes the pace the keys
 * arrive at, so they run alone, after the others (which run two at a time:
 * vitest.e2e.config.mts). Seen once with the machine loaded further: a scan's tail taken for typing.
 */
const ALONE = ['test/e2e/scan-during-search.e2e.test.ts', 'test/e2e/type-ahead.e2e.test.ts'];

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const config = ['--config', join(root, 'test', 'e2e', 'vitest.e2e.config.mts')];

function vitestRun(args) {
  const result = spawnSync(process.execPath, [vitest, 'run', ...config, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (result.error) fail(String(result.error));
  return result.status ?? 1;
}

const given = process.argv.slice(2);
// A file, a filter or a reporter given: one run, as asked.
if (given.length > 0) process.exit(vitestRun(given));
const together = vitestRun(ALONE.flatMap((file) => ['--exclude', file]));
const alone = vitestRun(['--no-file-parallelism', ...ALONE]);
process.exit(together !== 0 ? together : alone);
