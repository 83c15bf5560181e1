/**
 * `loket import` on hand-made list shapes (listtester L15, L17, L7), through the built command:
 * its reader worker, the report it prints, and `loket cek` afterwards.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutKeyNotice } from '../../helpers/keyed-database';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

const importArgs = (path: string, db: string): string[] => ['import', path, '--list', 'KELUARGA', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db];

describe('loket import: columns of hand-made lists', () => {
  it('a status and an address merged down over a family count for every member; a birth year is reported, not a 1905 date', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const path = join(dir, 'keluarga.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DATA');
    ws.addRow(['NO', 'NIK', 'NAMA', 'TGL LAHIR', 'STATUS', 'ALAMAT']);
    ws.addRow([1, '3671011201801601', 'KEPALA SATU', 1950, 'MENINGGAL', 'JL. MERGE 1']);
    ws.addRow([2, '3671015502051602', 'ANAK SATU', null, null, null]);
    ws.addRow([3, '3671014303821603', 'ISTRI SATU', null, null, null]);
    ws.mergeCells('E2:E4');
    ws.mergeCells('F2:F4');
    await wb.xlsx.writeFile(path);

    const imported = await cli(importArgs(path, db));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('peringatan baris 2: Tanggal lahir hanya berisi tahun (1950): tidak disimpan');

    const cek = await cli(['cek', '3671014303821603', '--json', '--db', db]);
    const answer = JSON.parse(cek.stdout) as { verdict: string; matches: { statusReason: string; address: string | null }[] };
    expect(answer.verdict).toBe('not-eligible');
    expect(answer.matches[0]).toMatchObject({ statusReason: 'deceased', address: 'JL. MERGE 1' });
    const head = JSON.parse((await cli(['cek', '3671011201801601', '--json', '--db', db])).stdout) as { matches: { dob: string | null }[] };
    expect(head.matches[0]?.dob).toBeNull();
  });

  it('--map with one name the header row lacks names that name; an unknown header points at --map', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const path = join(dir, 'odd-header.csv');
    writeFileSync(path, 'NOMOR INDUK;NAMA ORANG;KONDISI\r\n3671011001700101;ORANG SATU;AKTIF\r\n');
    const wrong = await cli([...importArgs(path, db), '--map', 'nik=NOMOR INDUK,name=NAMA ORANG,status=KONDISI,dob=TGL']);
    expect(wrong.code).toBe(1);
    expect(withoutKeyNotice(wrong.stderr).trim()).toBe('Kolom "TGL" (untuk tanggal lahir) tidak ada di baris judul 1; judul yang ada: NOMOR INDUK, NAMA ORANG, KONDISI. Tulis judul kolom persis seperti di berkas.');
    const unknown = await cli(importArgs(path, db));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Baris yang paling mirip baris judul: baris 1 (NOMOR INDUK, NAMA ORANG, KONDISI).');
    expect(unknown.stderr).toContain('--map "nik=');
  });
});
