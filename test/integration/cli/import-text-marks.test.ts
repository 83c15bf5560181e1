/**
 * The listtester's files, replayed with the built `loket` command (the import reads in its
 * reader worker): a whole list written in the ="…" CSV form (L21), apostrophes in every column
 * (L13) and a pandas-float NIK (L3) import and are found by `loket cek`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

describe('loket import: cells kept as text by a mark', () => {
  it('a list entirely in the ="…" form, one with apostrophes and one with float NIKs import; cek finds each member', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const files = {
      'eq.csv': ['NIK,NOKA,NAMA,STATUS', '="3671011201802901",="0006666666601",WARGA RUMUS,NON AKTIF', '"=""3671011201802902""","=""0006666666602""",WARGA RUMUS DUA,MENINGGAL'],
      'apos.csv': ['NIK;NOKA;NAMA;TGL_LAHIR;STATUS', "'3671011201801101;'0004444444401;'SITI APOSTROF;'12-01-1980;'AKTIF"],
      'float.csv': ['NIK,NAMA,TGL LAHIR,STATUS', '3671015501800017.0,PANDAS FLOAT,15-01-1980,AKTIF'],
    };
    for (const [name, lines] of Object.entries(files)) {
      writeFileSync(join(dir, name), lines.join('\r\n') + '\r\n');
      const imported = await cli(['import', join(dir, name), '--list', name, '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
      expect(imported.code, imported.stdout + imported.stderr).toBe(0);
      expect(imported.stdout, name).toMatch(/ 0 ditolak, 0 dengan peringatan/);
    }
    const cek = async (query: string): Promise<string> => (await cli(['cek', query, '--db', db])).stdout;
    expect(await cek('3671011201802901')).toContain('WARGA RUMUS  NIK 3671011201802901  kartu 0006666666601');
    expect(await cek('0006666666602')).toContain('TIDAK AKTIF');
    expect(await cek('3671011201801101')).toContain('pasti    SITI APOSTROF  NIK 3671011201801101  kartu 0004444444401  lahir 1980-01-12  aktif');
    expect(await cek('3671015501800017')).toContain('PANDAS FLOAT  NIK 3671015501800017');
  });
});
