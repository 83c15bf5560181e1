import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

describe('loket lists and cek with a list whose file cannot be read', () => {
  it('a copy of the database and its key without the lists folder: lists says so with what to do, cek never answers "not found" silently', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeSampleCsv(dir), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db])).code).toBe(0);
    const copy = join(dir, 'salinan');
    mkdirSync(copy);
    copyFileSync(db, join(copy, 'loket.db'));
    copyFileSync(`${db}.key`, join(copy, 'loket.db.key'));
    const copied = join(copy, 'loket.db');

    const lists = await cli(['lists', '--db', copied]);
    expect(lists.code).toBe(1);
    expect(lists.stdout).toMatch(/PBI APBD\s+\[pbi-apbd\]\s+edisi 1/);
    expect(lists.stdout).toContain(`TIDAK DAPAT DIBACA: berkas e1.db tidak ada di ${copied}.lists`);
    expect(lists.stdout).toContain(`impor ulang berkas daftar ini (pbi-apbd.csv), atau pulihkan folder ${copied}.lists dari cadangan`);
    expect(lists.stderr).toMatch(/1 daftar tidak dapat dibaca/);
    const json = await cli(['lists', '--db', copied, '--json', '--lang', 'en']);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ name: 'PBI APBD', unreadable: { reason: 'missing', folder: 'loket.db.lists', file: 'e1.db', previousReadable: false } })]);

    const cek = await cli(['cek', SITI.nik, '--db', copied, '--json']);
    expect(cek.code).toBe(1);
    const result = JSON.parse(cek.stdout);
    expect(result).toMatchObject({ verdict: 'unknown', problem: null, unsearched: { lists: ['PBI APBD'], message: { code: 'lookup/list-unreadable' } } });
    expect(result.unsearched.message.message).toBe('Daftar PBI APBD tidak dapat dibaca (berkasnya hilang atau rusak): hubungi petugas IT. Pasien tetap dapat didaftarkan.');
    const human = await cli(['cek', SITI.nik, '--db', copied, '--lang', 'en']);
    expect(human.stdout).toContain('UNKNOWN (no exact match on the lists that could be read)');
    expect(human.stdout).toContain('! The list PBI APBD cannot be read');
    expect(human.stderr).toContain('The list PBI APBD cannot be read');

    // The IT officer restores the folder: both answer again.
    mkdirSync(`${copied}.lists`, { recursive: true });
    copyFileSync(join(`${db}.lists`, 'e1.db'), join(`${copied}.lists`, 'e1.db'));
    const restored = await cli(['lists', '--db', copied]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).not.toContain('TIDAK DAPAT DIBACA');
    const found = await cli(['cek', SITI.nik, '--db', copied, '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({ verdict: 'eligible' });
    expect(JSON.parse(found.stdout).unsearched).toBeUndefined();
  });

  it('the current edition file deleted: the same, in the database itself', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await cli(['import', writeSampleCsv(dir), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    rmSync(join(`${db}.lists`, 'e1.db'));
    const lists = await cli(['lists', '--db', db, '--lang', 'en']);
    expect(lists.code).toBe(1);
    expect(lists.stdout).toContain(`CANNOT BE READ: the file e1.db is not in ${db}.lists`);
    const cek = await cli(['cek', '--batch', writeBatch(dir), '--db', db, '--json']);
    expect(cek.code).toBe(1);
    expect(cek.stdout.trim().split('\n').map((l) => JSON.parse(l).unsearched?.lists)).toEqual([['PBI APBD'], ['PBI APBD']]);
  });
});

function writeBatch(dir: string): string {
  const path = join(dir, 'pasien.txt');
  writeFileSync(path, `${SITI.nik}\nSITI AMINAH\t${SITI.dob}\n`);
  return path;
}
