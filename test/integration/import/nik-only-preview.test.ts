/**
 * A NIK-only list whose NIK column has a header Loket does not know ("NO. IDENTITAS", the
 * Dinsos way): the preview keeps the columns it does know (NAMA, TGL_LAHIR, STATUS), names the
 * NIK-like column to map in one click, and the import refused without a mapping says which
 * column to map (papertester F9).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { memberAt, type GeneratedMember } from '../../fixtures/generate-members';
import type { ListColumn } from '../../fixtures/list-layouts';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');
const SEED = 9;
const member = (rowNo: number): GeneratedMember => memberAt(SEED, rowNo - 1);
const col = (header: string, kind: ListColumn['kind'], value: ListColumn['value']): ListColumn => ({ header, kind, value });
const dmy = (m: GeneratedMember): string => `${String(m.birthDay).padStart(2, '0')}-${String(m.birthMonth).padStart(2, '0')}-${m.birthYear}`;

const NIK_ONLY: readonly ListColumn[] = [
  col('NO', 'int', (_m, n) => String(n)),
  col('NO. IDENTITAS', 'nik', (m) => m.nik),
  col('NAMA', 'text', (m) => m.name),
  col('TGL_LAHIR', 'dob', dmy),
  col('STATUS', 'text', (_m, n) => (n === 2 ? 'MENINGGAL' : n % 4 === 0 ? '#N/A' : 'AKTIF')),
];

describe('a NIK-only list under an unknown NIK header', () => {
  it.each(['csv', 'xlsx'] as const)('%s: the known columns and the status column are kept, the NIK-like column is named', async (format) => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
    const path = join(dir, `pbi.${format}`);
    const titleRows = ['DAFTAR PESERTA PBI APBD KOTA SERANG', 'Per 1 November 2026'];
    if (format === 'csv') await writeCsvList(path, { count: 10, seed: SEED, layout: NIK_ONLY, titleRows, separator: ';' });
    else await writeXlsxList(path, { count: 10, seed: SEED, layout: NIK_ONLY, titleRows, dates: 'text' });

    const preview = await core.inspectListFile({ file: fileFor(core, path) });
    expect(preview).toMatchObject({
      recognized: false,
      headers: NIK_ONLY.map((c) => c.header),
      mapping: { name: 'NAMA', dob: 'TGL_LAHIR', status: 'STATUS' },
      statusColumn: { header: 'STATUS', foundBy: 'header' },
      unplacedIdentifiers: [{ header: 'NO. IDENTITAS', looksLike: 'nik' }],
    });
    expect(preview.mapping.nik).toBeUndefined();
    expect(preview.sample).toHaveLength(5);

    const refused = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ key: 'list-file/no-identifier-column', params: { reason: 'unplaced-nik', header: 'NO. IDENTITAS' } });
    const words = formatCoreMessage('id', { code: (refused as { key: 'list-file/no-identifier-column' }).key, params: (refused as { params: Record<string, string> }).params });
    expect(words).toContain('--map nik="NO. IDENTITAS"');

    // The one click of the screen: only the NIK sent; the rest found as the preview showed.
    const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01', mapping: { nik: 'NO. IDENTITAS' } });
    expect(report.rows.imported).toBe(10);
    expect(report.statusColumn).toMatchObject({ header: 'STATUS' });
    expect((await core.lookup({ query: member(2).nik })).verdict).toBe('not-eligible');
    core.close();
  });
});
