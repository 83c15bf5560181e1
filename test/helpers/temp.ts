import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-test-'));
    dirs.push(dir);
    return dir;
  };
}

/** Writes rows as a CSV the way a spreadsheet export does (quotes only where needed). */
export function writeCsv(path: string, rows: (string | number)[][], separator = ','): string {
  const quote = (v: string | number): string => {
    const s = String(v);
    return /["\n\r,;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  writeFileSync(path, rows.map((r) => r.map(quote).join(separator)).join('\r\n') + '\r\n', 'utf8');
  return path;
}

export const repoRoot = join(__dirname, '..', '..');
export const builtFile = (...parts: string[]): string => join(repoRoot, 'out', ...parts);
