#!/usr/bin/env node
/**
 * Makes sure the Electron runtime is on this machine before `npm start`, `npm run dev` or
 * `npm run dist` use it.
 *
 * Electron 45 has no install script: its runtime is downloaded on first use by its own
 * downloader (node_modules/electron/install.js, which writes node_modules/electron/path.txt).
 * electron-vite does not call it, and without path.txt it stops with "Electron uninstall".
 * So the start scripts call the downloader here, first, and say in words what to do when it
 * cannot fetch anything.
 *
 * Also checks the Node version: Electron 45 and its tooling (@electron/get, @electron/rebuild,
 * electron-vite) declare Node 22.12 or later. The tests, the CLI and the harness need only 20.19.
 *
 * Usage: node scripts/ensure-electron-runtime.mjs
 * Environment: ELECTRON_MIRROR, electron_config_cache (Electron's own downloader settings);
 * LOKET_SKIP_ELECTRON_RUNTIME=1 skips the download (a machine that only builds).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESKTOP_NODE = '22.12.0';

/** True when `version` (e.g. "v20.19.2") is at least `minimum` ("22.12.0"). */
export function nodeAtLeast(version, minimum) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  }
  return true;
}

const say = (message) => console.error(`\n[electron-runtime] ${message}\n`);

function main() {
  if (!nodeAtLeast(process.version, DESKTOP_NODE)) {
    // A warning, not a stop: the tools often work on older Node, and a clear hint beats a refusal.
    say(
      `Warning: the desktop tooling declares Node.js ${DESKTOP_NODE} or later (Electron 45, electron-vite, ` +
        `@electron/get, @electron/rebuild); this is Node ${process.version}.\n` +
        `  If the start fails below, install a newer Node.js (the current LTS) and run npm start again.\n` +
        `  The tests, the loket command and the browser harness need only Node 20.19: npm test, npm run harness.`,
    );
  }
  if (process.env.LOKET_SKIP_ELECTRON_RUNTIME) return 0;
  const require = createRequire(import.meta.url);
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    say('The electron package is not installed. Run npm install first.');
    return 1;
  }
  // install.js exits at once when the runtime is already there; otherwise it downloads it.
  const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (run.status === 0) return 0;
  const reason = (run.stderr ?? '').split('\n').find((line) => line.trim()) ?? `exit code ${run.status}`;
  say(
    `Could not download the Electron runtime (${reason.trim()}).\n` +
      `  The first start of the desktop app downloads it once (about 100 MB); this computer needs internet for that.\n` +
      `  Behind a proxy or without access to GitHub, set ELECTRON_MIRROR to a mirror of Electron's releases,\n` +
      `  or copy Electron's zip into the folder named by electron_config_cache, then run npm start again.\n` +
      `  Everything else works without it: npm test, npm run harness, the loket command.`,
  );
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main());
