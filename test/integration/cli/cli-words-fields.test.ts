/**
 * What the `loket` command says about a column mapping, a refused password and the columns it
 * read: whole sentences in --lang with the fields named in words, never the contract's or the
 * list reader's codes and English details inside an Indonesian sentence.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutKeyNotice } from '../../helpers/keyed-database';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

const HEADERS = 'NO, NIK, NO KARTU, NAMA PESERTA, TGL LAHIR, JK, STATUS, ALAMAT, KELURAHAN';

describe('loket: fields in words', () => {
  it('--map naming a header the file lacks: the header, the field and the header row in one sentence, in id and en (text and --json)', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const csv = writeSampleCsv(dir);
    const args = ['import', csv, '--list', 'Uji', '--kind', 'other', '--as-of', '2026-11-01', '--db', db];
    const id = await cli([...args, '--map', 'nik=KTP']);
    expect(id.code).toBe(1);
    expect(withoutKeyNotice(id.stderr).trim()).toBe(`Kolom "KTP" (untuk NIK) tidak ada di baris judul 4; judul yang ada: ${HEADERS}. Tulis judul kolom persis seperti di berkas.`);
    const en = await cli([...args, '--map', 'card=NOMOR JKN', '--lang', 'en', '--json']);
    expect(en.code).toBe(1);
    const error = (JSON.parse(en.stdout) as { error: { code: string; params: Record<string, unknown>; message: string } }).error;
    // The code stays what programs know; the parameters say what the sentence says.
    expect(error).toMatchObject({ code: 'list-file/unknown-mapping-column', params: { field: 'card', header: 'NOMOR JKN', row: 4, headers: HEADERS } });
    expect(error.message).toBe(`Column "NOMOR JKN" (for card number) is not in the header row 4; the headers there are: ${HEADERS}. Write the column header exactly as in the file.`);

    const twice = await cli([...args, '--map', 'nik=NIK,card=NIK']);
    expect(twice.code).toBe(1);
    expect(twice.stderr.trim()).toBe('Kolom "NIK" dipetakan ke lebih dari satu isian (NIK, nomor kartu). Petakan tiap kolom ke satu isian saja.');
  });

  it('the columns read are reported with the field names in --lang', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const csv = writeSampleCsv(dir);
    const id = await cli(['import', csv, '--list', 'Uji', '--kind', 'other', '--as-of', '2026-11-01', '--db', db]);
    expect(id.code, id.stderr).toBe(0);
    const columns = id.stdout.split('\n').find((l) => l.startsWith('Kolom: '));
    expect(columns).toContain('NIK = "NIK"');
    expect(columns).toContain('nomor kartu = "NO KARTU"');
    expect(columns).toContain('tanggal lahir = "TGL LAHIR"');
    expect(columns).toContain('jenis kelamin = "JK"');
    expect(columns).not.toMatch(/\b(dob|card|sex|rowNo)=/);
    // Its own database: the same file again would be refused as the current edition (import-same-file.test.ts).
    const en = await cli(['import', csv, '--list', 'Uji', '--kind', 'other', '--as-of', '2026-11-01', '--db', join(dir, 'en.db'), '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout.split('\n').find((l) => l.startsWith('Columns: '))).toContain('birth date = "TGL LAHIR"');
  });

  it('a password too short is said with the field named as the user knows it, in id and en', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeSampleCsv(dir), '--list', 'Uji', '--kind', 'other', '--as-of', '2026-11-01', '--db', db])).code).toBe(0);
    const id = await cli(['account', 'add', 'budi', '--name', 'Budi Santoso', '--role', 'clerk', '--db', db], { LOKET_ACCOUNT_PASSWORD: 'x' });
    expect(id.code).toBe(1);
    expect(id.stderr.trim()).toBe('Kata sandi minimal 8 karakter.');
    const en = await cli(['account', 'add', 'budi', '--name', 'Budi Santoso', '--role', 'clerk', '--db', db, '--lang', 'en'], { LOKET_ACCOUNT_PASSWORD: 'x' });
    expect(en.stderr.trim()).toBe('Password: at least 8 characters.');
  });
});
