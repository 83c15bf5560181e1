/**
 * A list whose title states a later date than the one typed (next month's list sent early,
 * imported as of today) is said in the report, with both dates and the title (papertester F11).
 * Real CLI processes.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

describe('loket import with an as-of date before the date the file states', () => {
  it('says the file\'s date and the date used; the same date says nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    // The title says "BULAN: NOVEMBER 2026".
    const file = writeSampleCsv(dir);
    const early = await cli(['import', file, '--list', 'PBI X', '--kind', 'pbi-apbd', '--as-of', '2026-10-01', '--db', db]);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('Berkas ini menyebut tanggal data 2026-11-01 ("BULAN: NOVEMBER 2026"), tetapi diimpor sebagai data per 2026-10-01');
    const json = JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout);
    expect(json[0]).toMatchObject({ name: 'PBI X', asOf: '2026-10-01' });

    const onDate = await cli(['import', file, '--list', 'PBI Y', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db, '--same-file-ok']);
    expect(onDate.code).toBe(0);
    expect(onDate.stdout).not.toContain('menyebut tanggal data');
  });
});
