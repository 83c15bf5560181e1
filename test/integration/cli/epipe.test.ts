/**
 * `loket cek --batch … | head -1`: the output stops where the reader stopped, quietly. No EPIPE
 * stack on the screen of the IT officer who only wanted the first line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSampleCsv, SITI } from '../../helpers/sample-list';
import { builtFile, repoRoot, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const LOKET = join(repoRoot, 'bin', 'loket.js');

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});

describe('output piped into head', () => {
  it('ends quietly: the first line, no EPIPE, exit 0', () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const imported = spawnSync(process.execPath, [LOKET, 'import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db], { encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    const batch = join(dir, 'batch.txt');
    writeFileSync(batch, `${SITI.nik}\n`.repeat(20_000));
    // pipefail: the status is loket's own, not head's.
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${LOKET}" cek --batch "${batch}" --db "${db}" | head -1`], { encoding: 'utf8' });
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    expect(piped.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(piped.status).toBe(0);
  });
});
