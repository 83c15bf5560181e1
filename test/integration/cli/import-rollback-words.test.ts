/**
 * After a `loket import` that looks like a wrong file (far fewer members, an older as-of date),
 * the warning tells the command-line user the command that undoes it, `loket rollback --list`,
 * not the app's screen they are not at; in the text and in --json, in both languages.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsvList } from '../../fixtures/write-list-files';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

describe('loket import: the way back names loket rollback', () => {
  it('fewer members and an older as-of date: the notices name `loket rollback --list "NAME"`, never the Lists screen', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const full = join(dir, 'full.csv');
    const cut = join(dir, 'cut.csv');
    await writeCsvList(full, { count: 100, seed: 5, layout: 'dinsos' });
    await writeCsvList(cut, { count: 30, seed: 5, layout: 'dinsos' });
    const first = await cli(['import', full, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    expect(first.code, first.stderr).toBe(0);

    const id = await cli(['import', cut, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-10-01', '--db', db]);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toContain(
      '! Daftar PBI APBD kini berisi 30 peserta, sebelumnya 100 (70% lebih sedikit). Bila berkasnya keliru atau terpotong, kembalikan edisi sebelumnya (loket rollback --list "PBI APBD") lalu impor berkas yang lengkap.',
    );
    expect(id.stdout).toContain(
      '! Tanggal data daftar PBI APBD (2026-10-01) lebih lama daripada edisi yang diganti (2026-11-01): loket kini memakai data yang lebih lama. Bila berkasnya keliru, kembalikan edisi sebelumnya (loket rollback --list "PBI APBD").',
    );
    expect(id.stdout).not.toContain('Daftar peserta →');

    // The command it names works: the 100-member edition is back.
    const back = await cli(['rollback', '--list', 'PBI APBD', '--db', db]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/per 2026-11-01, 100 peserta/);

    const en = await cli(['import', cut, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-10-01', '--db', db, '--lang', 'en', '--json']);
    expect(en.code, en.stderr).toBe(0);
    const notices = (JSON.parse(en.stdout) as { notices: { code: string; message: string }[] }).notices;
    expect(notices.find((n) => n.code === 'fewer-members')?.message).toContain('roll back to the previous edition (loket rollback --list "PBI APBD") and import the complete file');
    expect(notices.find((n) => n.code === 'older-as-of')?.message).toMatch(/roll back to the previous edition \(loket rollback --list "PBI APBD"\)\.$/);
    expect(en.stdout).not.toContain('Lists →');
  });
});
