/**
 * A CSV pasted together from two sources: UTF-8 rows and Windows-1252 rows in one file. Each
 * row is read in its own encoding (no "JOSÃ‰"), and the rows in the other encoding than the
 * file's are named in warnings. (Found by hostile testing: they were silently garbled.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { memberAt } from '../../fixtures/generate-members';
import { encodeWindows1252 } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const line = (i: number, name: string): string => `${memberAt(12, i).nik},${name}\r\n`;

async function importBytes(bytes: Buffer) {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
  const path = join(dir, 'list.csv');
  writeFileSync(path, bytes);
  const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
  const nameOf = async (i: number) => (await core.lookup({ query: memberAt(12, i).nik })).matches[0]?.name;
  return { core, report, nameOf };
}

describe('a file with two encodings', () => {
  it('UTF-8 with a few Windows-1252 rows: every name right, the Windows-1252 rows named', async () => {
    const parts: Buffer[] = [Buffer.from('NIK,NAMA\r\n')];
    for (let i = 0; i < 3000; i++) parts.push(Buffer.from(line(i, i % 100 === 0 ? 'JOSÉ MARÍA' : `ANI ${i}`), 'utf8'));
    parts.push(encodeWindows1252(line(3000, 'JOSÉ ÑOÑO')), encodeWindows1252(line(3001, 'RENÉ')));
    for (let i = 3002; i < 3010; i++) parts.push(Buffer.from(line(i, 'ZOË'), 'utf8'));
    const { core, report, nameOf } = await importBytes(Buffer.concat(parts));
    expect(report.file.encoding).toBe('utf-8');
    expect(await nameOf(100)).toBe('JOSÉ MARÍA');
    expect(await nameOf(3000)).toBe('JOSÉ ÑOÑO');
    expect(await nameOf(3001)).toBe('RENÉ');
    expect(await nameOf(3005)).toBe('ZOË');
    const other = report.warnings.filter((w) => w.code === 'row/other-encoding');
    expect(other).toEqual([
      { row: 3002, code: 'row/other-encoding', params: { detail: 'Windows-1252' } },
      { row: 3003, code: 'row/other-encoding', params: { detail: 'Windows-1252' } },
    ]);
    core.close();
  });

  it('ASCII for the first 64 KB, then Windows-1252 (an old Excel export): read as Windows-1252, no warnings', async () => {
    const parts: Buffer[] = [Buffer.from('NIK,NAMA\r\n')];
    for (let i = 0; i < 3000; i++) parts.push(Buffer.from(line(i, `ANI ${i}`)));
    parts.push(encodeWindows1252(line(3000, 'JOSÉ')), encodeWindows1252(line(3001, 'FRANÇOIS')));
    const { core, report, nameOf } = await importBytes(Buffer.concat(parts));
    expect(report.file.encoding).toBe('windows-1252');
    expect(await nameOf(3001)).toBe('FRANÇOIS');
    expect(report.warnings.filter((w) => w.code === 'row/other-encoding')).toEqual([]);
    core.close();
  });

  it('a Windows-1252 file with one UTF-8 row: that row is read as UTF-8 and named', async () => {
    const parts: Buffer[] = [encodeWindows1252('NIK,NAMA\r\n' + line(0, 'JOSÉ') + line(1, 'ANI'))];
    parts.push(Buffer.from(line(2, 'ZOË'), 'utf8'));
    const { core, report, nameOf } = await importBytes(Buffer.concat(parts));
    expect(report.file.encoding).toBe('windows-1252');
    expect(await nameOf(0)).toBe('JOSÉ');
    expect(await nameOf(2)).toBe('ZOË');
    expect(report.warnings.filter((w) => w.code === 'row/other-encoding')).toEqual([{ row: 4, code: 'row/other-encoding', params: { detail: 'UTF-8' } }]);
    core.close();
  });
});
