import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT_MAIN = join(__dirname, '..', '..', '..', 'out', 'main');

/** The packages a built script loads, from a fresh Node process (npm test builds before it runs this). */
function packagesLoadedBy(script: string): string[] {
  const probe = `
    try { require(${JSON.stringify(join(OUT_MAIN, script))}); } catch {}
    const names = Object.keys(require.cache).map((p) => p.match(/node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/)?.[1]).filter(Boolean);
    console.log(JSON.stringify([...new Set(names)]));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim().split('\n').pop()!) as string[];
}

/**
 * Every import starts three threads one after the other (import, reader, name index) before the
 * first row is read; zod alone took ~75 ms of each one's start. The contract's schemas stay with
 * the core and its callers; the import's threads check what they read with plain code.
 */
describe('the import threads start light', () => {
  it.each(['import-worker.js', 'reader-worker.js'])('%s loads better-sqlite3 but not zod', (script) => {
    const loaded = packagesLoadedBy(script);
    expect(loaded).toContain('better-sqlite3');
    expect(loaded).not.toContain('zod');
  });

  it('the loket command does load zod (the probe sees it), but not the packages only an export or a slip needs', () => {
    const loaded = packagesLoadedBy('cli.js');
    expect(loaded).toContain('zod');
    // ~270 ms and ~140 ms of every start (the core process's too): loaded on first use.
    expect(loaded).not.toContain('exceljs');
    expect(loaded).not.toContain('bwip-js');
  });
});
