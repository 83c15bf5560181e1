/**
 * A CSV line with more non-empty fields than its header: a separator inside an unquoted name
 * ("AISYAH PRATAMA, S.E") moves every later field one column to the right, so the row's birth
 * date and status would be read from the wrong columns. Such a row is rejected with a reason
 * that says what to fix; a trailing separator (an empty extra field) and the padded lines Excel
 * writes are not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { memberAt } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const [A, B, C, D] = [memberAt(7, 0), memberAt(7, 1), memberAt(7, 2), memberAt(7, 3)];

/** The CSV as a hand or a careless program writes it: no quoting at all. */
function writeUnquoted(path: string, lines: string[]): string {
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

// The app's way (reader and writer threads, built by `npm test` first) and the in-process one.
describe.each([
  ['in the import worker', builtFile('main', 'import-worker.js')],
  ['in process', null],
])('a CSV row with more fields than its header (%s)', (_, workerScript) => {
  it('is rejected, by row, with a reason that says what to fix; the other rows are imported', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript, bpjsBackground: false });
    const path = writeUnquoted(join(dir, 'koma.csv'), [
      'NIK,NAMA,TGL LAHIR,STATUS',
      `${A.nik},${A.name},03/06/1986,AKTIF`,
      `${B.nik},AISYAH PRATAMA, S.E,03/06/1986,AKTIF`,
      `${C.nik},${C.name},01/01/1990,AKTIF,`, // a trailing separator: one empty field, harmless
      `${D.nik},${D.name},01/01/1990,MENINGGAL`,
    ]);
    const report = await core.importList({ file: fileFor(core, path), list: 'KOMA', kind: 'other', asOf: '2026-11-01' });
    expect(report.rows).toMatchObject({ read: 4, imported: 3, rejected: 1 });
    expect(report.rejects).toEqual([expect.objectContaining({ row: 3, code: 'row/extra-fields', params: { detail: '1' } })]);
    expect(formatCoreMessage('id', { code: 'row/extra-fields', params: { detail: '1' } })).toContain('koma di dalam nama');
    expect((await core.lookup({ query: B.nik })).matches).toHaveLength(0);
    expect((await core.lookup({ query: C.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: D.nik })).verdict).toBe('not-eligible');
    core.close();
  });

  it('a CSV saved by Excel (every line padded to the widest, header included) imports whole', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript, bpjsBackground: false });
    const path = writeUnquoted(join(dir, 'excel.csv'), [
      'NIK;NAMA;STATUS;;',
      `${A.nik};${A.name};AKTIF;catatan tanpa judul;`,
      `${B.nik};${B.name};AKTIF;;`,
    ]);
    const report = await core.importList({ file: fileFor(core, path), list: 'EXCEL', kind: 'other', asOf: '2026-11-01' });
    expect(report.rows).toMatchObject({ read: 2, imported: 2, rejected: 0 });
    core.close();
  });
});
