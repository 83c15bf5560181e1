/**
 * `loket rollback --list NAME`: the IT officer brings back the previous edition from the command
 * line, e.g. after `lists` said the current edition's file cannot be read.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

describe('loket rollback', () => {
  it('an unreadable current edition: lists names the command, rollback brings the previous edition back, a second rollback has nothing to bring', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const csv = writeSampleCsv(dir);
    const importAs = (asOf: string, kind: string) => cli(['import', csv, '--list', 'PBI APBD', '--kind', kind, '--as-of', asOf, '--db', db]);
    expect((await importAs('2026-10-01', 'pbi-apbd')).code).toBe(0);
    expect((await importAs('2026-11-01', 'jamkesda')).code).toBe(0);
    rmSync(join(`${db}.lists`, 'e2.db'));

    const lists = await cli(['lists', '--db', db]);
    expect(lists.code).toBe(1);
    expect(lists.stdout).toContain('Atau kembalikan ke edisi 1, yang masih terbaca (loket rollback --list "PBI APBD"');

    const rolled = await cli(['rollback', '--list', 'PBI APBD', '--db', db]);
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toMatch(/^Daftar PBI APBD kembali ke edisi 1 \[pbi-apbd\] per 2026-10-01, \d+ peserta\./);
    const after = await cli(['lists', '--db', db]);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/PBI APBD\s+\[pbi-apbd\]\s+edisi 1/);
    expect(JSON.parse((await cli(['cek', SITI.nik, '--db', db, '--json'])).stdout)).toMatchObject({ verdict: 'eligible' });

    const again = await cli(['rollback', '--list', 'PBI APBD', '--db', db, '--lang', 'en', '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'no-previous-edition', message: 'List "PBI APBD" has no previous edition to bring back.' } });
  });

  it('needs --list, and an unknown list is named', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeSampleCsv(dir), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-10-01', '--db', db])).code).toBe(0);
    const bare = await cli(['rollback', '--db', db]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('rollback perlu --list NAMA');
    expect(bare.stderr).toContain('loket rollback --list NAMA');
    const unknown = await cli(['rollback', '--list', 'DTKS', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('DTKS');
  });
});
