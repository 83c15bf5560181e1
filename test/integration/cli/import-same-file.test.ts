/**
 * Importing the very same file again (a double click, a script run twice) is refused in words
 * and changes nothing: last month's edition stays in the rollback slot (listtester L9). The same
 * file with another as-of date is a real correction and is imported. Real CLI processes.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEWI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

describe('loket import of the file the current edition came from', () => {
  it('is refused, nothing changes, and a rollback still brings last month back', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const imp = (file: string, asOf: string, ...more: string[]) => cli(['import', file, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', asOf, '--db', db, ...more]);
    expect((await imp(writeSampleCsv(dir), '2026-10-01')).code).toBe(0);
    const november = writeSecondEditionCsv(dir);
    expect((await imp(november, '2026-11-01')).code).toBe(0);

    const again = await imp(november, '2026-11-01');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Berkas ini sama dengan edisi yang sekarang (daftar PBI APBD edisi 2 per 2026-11-01, diimpor ');
    expect(again.stderr).toContain('Tidak ada yang diubah');
    const json = await imp(november, '2026-11-01', '--json', '--lang', 'en');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'import/same-as-current' } });

    const lists = JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout);
    expect(lists[0]).toMatchObject({ name: 'PBI APBD', edition: 2, previousEdition: 1 });
    expect(JSON.parse((await cli(['cek', DEWI.nik, '--db', db, '--json'])).stdout)).toMatchObject({ verdict: 'eligible' });
    expect((await cli(['rollback', '--list', 'PBI APBD', '--db', db])).stdout).toMatch(/kembali ke edisi 1 /);
    expect(JSON.parse((await cli(['cek', SITI.nik, '--db', db, '--json'])).stdout)).toMatchObject({ verdict: 'eligible' });
  });

  it('the same file with a corrected as-of date is imported', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const november = writeSecondEditionCsv(dir);
    const imp = (asOf: string) => cli(['import', november, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', asOf, '--db', db]);
    expect((await imp('2026-10-01')).code).toBe(0);
    expect((await imp('2026-11-01')).code).toBe(0);
    expect(JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout)[0]).toMatchObject({ edition: 2, asOf: '2026-11-01', previousEdition: 1 });
  });
});
