/**
 * `loket rollback` onto a previous edition whose file is missing or damaged refuses and changes
 * nothing (listtester L5): the working current edition stays in force and on disk. And `loket
 * lists` reports a file damaged past its first pages as unreadable, as the look-ups do (L6).
 * Real CLI processes on real SQLite edition files, damaged in place.
 */
import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEWI, SITI } from '../../helpers/sample-list';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

/**
 * Overwrites a fifth of the file in its middle, as a failing disk or a half-finished copy would:
 * the first pages (the schema) are left, so the file still opens.
 */
function damageMiddle(path: string): void {
  const size = statSync(path).size;
  const at = Math.floor(size / 2 / 4096) * 4096;
  const length = Math.floor(size / 5);
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  } finally {
    closeSync(fd);
  }
}

/** A list of some thousands of members (a file of many pages), with the given people first. */
function writeBigList(dir: string, name: string, people: { nik: string; card: string; name: string }[]): string {
  const rows: (string | number)[][] = [['NIK', 'NOKA', 'NAMA', 'STATUS']];
  for (const p of people) rows.push([p.nik, p.card, p.name, 'AKTIF']);
  for (let i = 1; i <= 3000; i++) rows.push([`36730101018${String(i).padStart(5, '0')}`, `000${String(i).padStart(10, '0')}`, `WARGA NOMOR ${i}`, 'AKTIF']);
  return writeCsv(join(dir, name), rows);
}

/** PBI APBD: edition 1 (October: SITI...) previous, edition 2 (November: DEWI...) current. */
async function twoEditions(dir: string): Promise<string> {
  const db = join(dir, 'loket.db');
  const imp = (file: string, asOf: string) => cli(['import', file, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', asOf, '--db', db]);
  expect((await imp(writeBigList(dir, 'oktober.csv', [SITI]), '2026-10-01')).code).toBe(0);
  expect((await imp(writeBigList(dir, 'november.csv', [DEWI]), '2026-11-01')).code).toBe(0);
  return db;
}

async function currentStillWorks(db: string): Promise<void> {
  expect(existsSync(join(`${db}.lists`, 'e2.db'))).toBe(true);
  const lists = await cli(['lists', '--db', db]);
  expect(lists.code).toBe(0);
  expect(lists.stdout).toMatch(/PBI APBD\s+\[pbi-apbd\]\s+edisi 2/);
  expect(JSON.parse((await cli(['cek', DEWI.nik, '--db', db, '--json'])).stdout)).toMatchObject({ verdict: 'eligible' });
}

describe('loket rollback onto an unreadable previous edition', () => {
  it('the previous file is missing: refused in words, the current edition stays in force and on disk', async () => {
    const dir = tempDir();
    const db = await twoEditions(dir);
    rmSync(join(`${db}.lists`, 'e1.db'));
    const rolled = await cli(['rollback', '--list', 'PBI APBD', '--db', db]);
    expect(rolled.code).toBe(1);
    expect(rolled.stderr).toContain('Edisi sebelumnya daftar "PBI APBD" (edisi 1) tidak dapat dikembalikan: berkasnya e1.db tidak ada. Tidak ada yang diubah: edisi 2 tetap dipakai.');
    await currentStillWorks(db);
  });

  it('the previous file is damaged past its first pages: refused, nothing changed', async () => {
    const dir = tempDir();
    const db = await twoEditions(dir);
    damageMiddle(join(`${db}.lists`, 'e1.db'));
    const rolled = await cli(['rollback', '--list', 'PBI APBD', '--db', db, '--json', '--lang', 'en']);
    expect(rolled.code).toBe(1);
    expect(JSON.parse(rolled.stdout)).toMatchObject({ ok: false, error: { code: 'previous-edition-damaged' } });
    await currentStillWorks(db);
  });
});

describe('loket lists on a current edition damaged past its first pages', () => {
  it('says it cannot be read, with what to do, and exits 1, as the look-ups do', async () => {
    const dir = tempDir();
    const db = await twoEditions(dir);
    damageMiddle(join(`${db}.lists`, 'e2.db'));
    const lists = await cli(['lists', '--db', db]);
    expect(lists.code).toBe(1);
    expect(lists.stdout).toContain('e2.db');
    expect(lists.stdout).toMatch(/rusak/);
    expect(lists.stdout).toContain('loket rollback --list "PBI APBD"');
    const json = await cli(['lists', '--db', db, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ name: 'PBI APBD', unreadable: { reason: 'damaged', file: 'e2.db', previousReadable: true } });
    // The previous edition still reads: the rollback the lists advise works.
    expect((await cli(['rollback', '--list', 'PBI APBD', '--db', db])).code).toBe(0);
    expect(JSON.parse((await cli(['cek', SITI.nik, '--db', db, '--json'])).stdout)).toMatchObject({ verdict: 'eligible' });
  });
});
