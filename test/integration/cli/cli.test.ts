import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskCard, maskNik } from '../../../src/shared/masking';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { repoRoot, useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';
import { keyBeside } from '../../helpers/keyed-database';

const tempDir = useTempDir();
const loket = join(repoRoot, 'bin', 'loket.js');

beforeAll(requireBuiltCli);

describe('loket command', () => {
  it('imports a list in a worker and prints the report as JSON', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const r = await cli(['import', writeSampleCsv(dir), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ list: 'PBI APBD', edition: 1, rows: { read: 7, imported: 6, rejected: 1 } });
    // Codes for programs, and the reason worded in --lang (Indonesian by default) for people.
    expect(report.rejects).toEqual([{ row: 9, code: 'row/nik-invalid', params: { detail: 'length' }, reason: 'NIK tidak valid (harus 16 digit)' }]);
    expect(report.warnings.length).toBeGreaterThan(0);

    const lists = await cli(['lists', '--db', db, '--json']);
    expect(JSON.parse(lists.stdout)).toEqual([expect.objectContaining({ name: 'PBI APBD', edition: 1, asOf: '2026-11-01', members: 6 })]);
    const human = await cli(['lists', '--db', db]);
    expect(human.stdout).toMatch(/PBI APBD\s+\[pbi-apbd\]\s+edisi 1\s+per 2026-11-01\s+6 peserta/);
    const english = await cli(['lists', '--db', db, '--lang', 'en']);
    expect(english.stdout).toMatch(/PBI APBD\s+\[pbi-apbd\]\s+edition 1\s+as of 2026-11-01\s+6 members/);
  });

  it('overrides the column mapping with --map', async () => {
    const dir = tempDir();
    const file = join(dir, 'aneh.csv');
    writeFileSync(file, `KTP PASIEN;NAMA ORANG\n${SITI.nik};SITI AMINAH\n`);
    const db = join(dir, 'loket.db');
    const bad = await cli(['import', file, '--list', 'X', '--kind', 'other', '--as-of', '2026-11-01', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/NIK/);
    const ok = await cli(['import', file, '--list', 'X', '--kind', 'other', '--as-of', '2026-11-01', '--db', db, '--json', '--map', 'nik=KTP PASIEN,name=NAMA ORANG']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).rows.imported).toBe(1);
  });

  it('cek prints the verdict and matches; --batch prints one JSON line per query', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await cli(['import', writeSampleCsv(dir), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    const one = await cli(['cek', SITI.nik, '--db', db, '--json']);
    expect(one.code).toBe(0);
    const result = JSON.parse(one.stdout);
    expect(result).toMatchObject({ query: SITI.nik, kind: 'nik', verdict: 'eligible' });
    expect(result.matches[0]).toMatchObject({ nik: SITI.nik, card: SITI.card, name: 'SITI AMINAH', dob: SITI.dob, sex: 'P', status: 'active', list: { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' }, confidence: 'exact', stale: false, flags: expect.any(Array) });

    const batch = join(dir, 'pasien.txt');
    writeFileSync(batch, `${SITI.nik}\n${RIZKI.card}\nMuhammad Rizki\t${RIZKI.dob}\n\n3673010101010009\n`);
    const many = await cli(['cek', '--batch', batch, '--db', db, '--json']);
    const lines = many.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.verdict])).toEqual([['nik', 'eligible'], ['card', 'eligible'], ['name', 'unknown'], ['nik', 'unknown']]);
    expect(lines[2].matches[0]).toMatchObject({ name: 'MOCH. RIZKI', confidence: 'probable', nik: maskNik(RIZKI.nik), card: maskCard(RIZKI.card) });
    expect(lines[1].matches[0]).toMatchObject({ card: RIZKI.card }); // the number asked for: whole
  });

  it('fails clearly: bad usage exits 2, a file that is not a list exits 1 and changes nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', 'x.csv', '--db', db])).code).toBe(2);
    expect((await cli(['frobnicate', '--db', db])).code).toBe(2);
    const image = join(dir, 'foto.xlsx');
    writeFileSync(image, Buffer.from('ffd8ffe000104a464946', 'hex'));
    const r = await cli(['import', image, '--list', 'X', '--kind', 'other', '--as-of', '2026-11-01', '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'list-file/not-a-list', message: expect.stringMatching(/bukan daftar/) } });
    expect(JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout)).toEqual([]);
  });
});

describe('an import killed half-way', () => {
  it('leaves the previous edition current and searchable; the next start removes its file', async () => {
    const { spawn } = await import('node:child_process');
    const { existsSync, readdirSync, statSync } = await import('node:fs');
    const { writeCsvList } = await import('../../fixtures/write-list-files');
    const { createCore } = await import('../../../src/core/core');
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db])).code).toBe(0);
    const big = join(dir, 'besar.csv');
    await writeCsvList(big, { count: 300_000, seed: 3, layout: 'bpjs' });

    const child = spawn(process.execPath, [loket, 'import', big, '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-15', '--db', db], { stdio: 'ignore' });
    // The new edition is written to its own building file beside the database.
    const building = join(dir, 'loket.db.lists', 'e2.db.building');
    const deadline = Date.now() + 60_000;
    while (!existsSync(building) || statSync(building).size < 1_000_000) {
      if (Date.now() > deadline) throw new Error('the import never started writing');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const core = createCore({ dbPath: db, workerScript: null, key: keyBeside(db) });
    expect((await core.listLists({}))[0]).toMatchObject({ name: 'PBI', edition: 1, members: 6 });
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    expect(core.db.prepare(`SELECT state FROM list_editions WHERE edition = 2`).get()).toEqual({ state: 'failed' });
    expect(readdirSync(join(dir, 'loket.db.lists'))).toEqual(['e1.db']);
    core.close();
  });
});
