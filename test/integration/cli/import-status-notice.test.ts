/**
 * The tester's report, replayed with the built `loket` command (the import reads in its reader
 * worker): a list whose STATUS column holds a word Loket does not know says so in the import's
 * output, in words and in --json; TERDAFTAR is known; a column of 1 and 0 is a yes/no flag.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberAt } from '../../fixtures/generate-members';
import type { ListColumn } from '../../fixtures/list-layouts';
import { writeCsvList } from '../../fixtures/write-list-files';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();
const SEED = 23;

const layout = (status: (n: number) => string): ListColumn[] => [
  { header: 'NIK', kind: 'nik', value: (m) => m.nik },
  { header: 'NAMA', kind: 'text', value: (m) => m.name },
  { header: 'STATUS', kind: 'text', value: (_m, n) => status(n) },
];

async function importList(status: (n: number) => string, extra: string[] = []) {
  const dir = tempDir();
  const file = join(dir, 'daftar.csv');
  await writeCsvList(file, { count: 299, seed: SEED, layout: layout(status) });
  const db = join(dir, 'loket.db');
  const imported = await cli(['import', file, '--list', 'X', '--kind', 'pbi-apbd', '--as-of', '2026-11-15', '--db', db, ...extra]);
  expect(imported.code, imported.stderr).toBe(0);
  return { db, imported };
}

beforeAll(requireBuiltCli);

describe('loket import: the values of the status column', () => {
  it('an unknown status word: the output says how many members, which value, what the clerk sees and what to do', async () => {
    const { db, imported } = await importList(() => 'DALAM PROSES');
    expect(imported.stdout).toContain('! 299 peserta punya status yang tidak dikenal Loket di kolom "STATUS": "DALAM PROSES" (299).');
    expect(imported.stdout).toContain('--map status=-');
    const cek = await cli(['cek', memberAt(SEED, 0).nik, '--db', db]);
    expect(cek.stdout).toContain('TIDAK AKTIF');
    expect(cek.stdout).toContain('tidak aktif (Status tidak dikenal: DALAM PROSES)');
  });

  it('--json carries the notice as a code with its counts, and worded in --lang', async () => {
    const { imported } = await importList((n) => (n % 2 === 0 ? 'DALAM PROSES' : 'AKTIF'), ['--json', '--lang', 'en']);
    const report = JSON.parse(imported.stdout);
    const notice = report.notices.find((n: { code: string }) => n.code === 'unknown-status');
    expect(notice).toMatchObject({ code: 'unknown-status', params: { header: 'STATUS', rows: 149, values: '"DALAM PROSES" (149)' } });
    expect(notice.message).toMatch(/^149 members have a status Loket does not know in column "STATUS"/);
  });

  it('TERDAFTAR on every row: imported as active, no notice', async () => {
    const { db, imported } = await importList(() => 'TERDAFTAR');
    expect(imported.stdout).not.toContain('tidak dikenal');
    const cek = await cli(['cek', memberAt(SEED, 10).nik, '--db', db]);
    expect(cek.stdout).toContain('TERDAFTAR AKTIF');
  });

  it('1 and 0: read as a flag, said in the output; a member flagged 0 is not active', async () => {
    const { db, imported } = await importList((n) => (n % 2 === 0 ? '0' : '1'));
    expect(imported.stdout).toContain('! Kolom "STATUS" berisi 1 dan 0');
    expect((await cli(['cek', memberAt(SEED, 1).nik, '--db', db])).stdout).toContain('tidak aktif (Non-aktif)'); // row 2: 0
    expect((await cli(['cek', memberAt(SEED, 0).nik, '--db', db])).stdout).toContain('TERDAFTAR AKTIF'); // row 1: 1
  });
});
