/**
 * Long runs of unusable rows under a valid header: whole reader batches (2,000 rows) without a
 * single member. They used to end in an internal error ("cannot start a transaction within a
 * transaction") instead of the import or the refusal the file deserves.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { LoketError } from '../../../src/core/errors';
import { memberAt } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir, writeCsv } from '../../helpers/temp';

/** The app's way: read on one worker thread, written on another (npm test builds them first). */
const workerScript = builtFile('main', 'import-worker.js');

const tempDir = useTempDir();
const HEADER = ['NIK', 'NAMA', 'TGL LAHIR'];
const junk = (n: number): string[][] => Array.from({ length: n }, (_, i) => [`XX${i}`, '', 'bukan tanggal']);
const good = (n: number, from = 0): string[][] =>
  Array.from({ length: n }, (_, i) => {
    const m = memberAt(5, from + i);
    return [m.nik, m.name, `${m.birthYear}-${String(m.birthMonth).padStart(2, '0')}-${String(m.birthDay).padStart(2, '0')}`];
  });

describe('runs of unusable rows', () => {
  it('5,000 unusable rows, then members: the members are imported, the rest rejected by row', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript, bpjsBackground: false });
    const path = writeCsv(join(dir, 'list.csv'), [HEADER, ...junk(5000), ...good(10), ...junk(2500), ...good(5, 10)]);
    const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(report.rows).toMatchObject({ imported: 15, rejected: 7500 });
    expect((await core.lookup({ query: memberAt(5, 3).nik })).matches).toHaveLength(1);
    core.close();
  });

  it('nothing but unusable rows under a valid header: "no valid members", and the current edition stays', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript, bpjsBackground: false });
    await core.importList({ file: fileFor(core, writeCsv(join(dir, 'first.csv'), [HEADER, ...good(3)])), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const path = writeCsv(join(dir, 'junk.csv'), [HEADER, ...junk(30_000)]);
    const failure = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-12-01' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LoketError);
    expect((failure as LoketError).key).toBe('import/no-members');
    expect((failure as LoketError).params).toMatchObject({ read: 30_000, rejected: 30_000 });
    expect((await core.lookup({ query: memberAt(5, 1).nik })).matches).toHaveLength(1);
    core.close();
  });
});
