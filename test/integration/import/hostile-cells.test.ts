/**
 * Cells no person's name holds: NUL bytes past the first 64 KB (the format check reads only the
 * head of a file) and names thousands of characters long. Found by hostile testing: the NULs
 * were stored inside names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { memberAt } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

describe('names from a file', () => {
  it('NUL and control characters after the first 64 KB are removed from names, with a warning for the row', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    const lines = ['NIK,NAMA'];
    for (let i = 0; i < 3000; i++) lines.push(`${memberAt(9, i).nik},${memberAt(9, i).name}`);
    const poisoned = memberAt(9, 5000);
    lines.push(`${poisoned.nik},SITI\u0000\u0000AMI\u0007NAH`);
    const csv = lines.join('\r\n') + '\r\n';
    expect(csv.indexOf('\u0000')).toBeGreaterThan(64 * 1024);
    const path = join(dir, 'list.csv');
    writeFileSync(path, csv);
    const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ row: 3002, code: 'row/name-control-characters' }));
    const found = await core.lookup({ query: poisoned.nik });
    expect(found.matches[0]?.name).toBe('SITIAMINAH');
    core.close();
  });

  it('a name longer than 150 characters is rejected as no name, by row', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    const path = join(dir, 'list.csv');
    writeFileSync(path, ['NIK,NAMA', `${memberAt(9, 1).nik},SITI AMINAH`, `${memberAt(9, 2).nik},${'BUDI '.repeat(8000)}`].join('\r\n'));
    const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(report.rows).toMatchObject({ imported: 1, rejected: 1 });
    expect(report.rejects).toEqual([{ row: 3, code: 'row/name-too-long', params: { detail: '39999' } }]);
    core.close();
  });
});
