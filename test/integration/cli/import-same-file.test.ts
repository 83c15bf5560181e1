/**
 * Importing the very same file again (a double click, a script run twice) is refused in words
 * and changes nothing: last month's edition stays in the rollback slot (listtester L9). The same
 * file with another as-of date is a real correction and is imported. Real CLI processes.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { fileFor } from '../../helpers/files';
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

  it('a current edition damaged only in its indexes is imported again from the same file (that mends it)', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    const november = writeSecondEditionCsv(dir);
    const input = { file: fileFor(core, november), list: 'PBI APBD', kind: 'pbi-apbd' as const, asOf: '2026-11-01' };
    await core.importList(input);
    // A plain file (no key): the NIK and card tables' pages are overwritten, the members left whole.
    const path = join(dir, 'loket.db.lists', 'e1.db');
    const probe = new Database(path, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const pages = probe.prepare(`SELECT pageno FROM dbstat WHERE name IN ('members_by_nik_number', 'members_by_card')`).pluck().all() as number[];
    probe.close();
    expect(pages.length).toBeGreaterThan(0);
    const fd = openSync(path, 'r+');
    for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);

    const report = await core.importList({ ...input, file: fileFor(core, november) });
    expect(report.edition).toBe(2);
    expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('eligible');
    core.close();
  });
});

describe('loket import of a file that is another list\'s current edition (papertester F10)', () => {
  it('is refused naming that list unless --same-file-ok; the real list\'s next edition then decides', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const imp = (file: string, list: string, ...more: string[]) => cli(['import', file, '--list', list, '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db, ...more]);
    const file = writeSampleCsv(dir);
    expect((await imp(file, 'PBI APBD Kota Serang')).code).toBe(0);

    // The typo an officer makes month to month: no second list from the same file.
    const twin = await imp(file, 'PBI APBD Serang');
    expect(twin.code).toBe(1);
    expect(twin.stderr).toContain('Berkas ini sama persis dengan daftar PBI APBD Kota Serang edisi 1 (per 2026-11-01)');
    expect(twin.stderr).toContain('--same-file-ok');
    const json = await imp(file, 'PBI APBD Serang', '--json', '--lang', 'en');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'import/same-file-other-list' } });
    expect(JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout).map((l: { name: string }) => l.name)).toEqual(['PBI APBD Kota Serang']);

    // Confirmed: two lists from one file, as asked.
    expect((await imp(file, 'PBI APBD Serang', '--same-file-ok')).code).toBe(0);
    expect(JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout)).toHaveLength(2);
  });
});
