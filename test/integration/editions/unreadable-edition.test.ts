import Database from 'better-sqlite3';
import { copyFileSync, cpSync, mkdirSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { UNREADABLE_RETRY_MS } from '../../../src/core/lookup/edition-catalog';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { DEWI, RIZKI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

/**
 * A list whose current edition's file cannot be read (deleted, damaged, or a database copied
 * without its lists folder) is never answered as "not on the list": the look-up says which list
 * it could not search, the lists say it is unreadable and what to do, and a restored file
 * answers again without a restart. Real SQLite files throughout.
 */
const tempDir = useTempDir();
const PBI = 'PBI APBD';
const JAMKESDA = 'Jamkesda';
const KEY = 'raw:' + 'ab'.repeat(32);

const open = (dir: string, key?: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, ...(key ? { key } : {}) });
const lists = (dir: string): string => join(dir, 'loket.db.lists');

/** PBI APBD (edition id 1: SITI, RIZKI...) and Jamkesda (edition id 2: DEWI, RIZKI). */
async function twoLists(dir: string, key?: string): Promise<void> {
  const core = open(dir, key);
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: PBI, kind: 'pbi-apbd', asOf: '2026-11-01' });
  await core.importList({ file: fileFor(core, writeSecondEditionCsv(dir)), list: JAMKESDA, kind: 'jamkesda', asOf: '2026-11-01' });
  core.close();
}

/** Overwrites bytes of a file in place, as a failing disk or a bad copy would. */
function overwrite(path: string, at: number, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  } finally {
    closeSync(fd);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a list whose current edition cannot be read', () => {
  it('deleted file: the look-up names the list it could not search, other lists still answer, and the restored file answers after a while', async () => {
    const dir = tempDir();
    await twoLists(dir);
    const kept = join(dir, 'e1.kept');
    copyFileSync(join(lists(dir), 'e1.db'), kept);
    rmSync(join(lists(dir), 'e1.db'));

    vi.useFakeTimers({ toFake: ['Date'] });
    const core = open(dir);
    const siti = await core.lookup({ query: SITI.nik });
    expect(siti).toMatchObject({ verdict: 'unknown', matches: [], problem: null, unsearched: { lists: [PBI], message: { code: 'lookup/list-unreadable', params: { list: PBI } } } });
    expect(formatCoreMessage('id', siti.unsearched!.message)).toBe('Daftar PBI APBD tidak dapat dibaca (berkasnya hilang atau rusak): hubungi petugas IT. Pasien tetap dapat didaftarkan.');
    expect(formatCoreMessage('en', siti.unsearched!.message)).toMatch(/^The list PBI APBD cannot be read/);
    // The other list is searched as ever; the answer still says PBI APBD was not.
    const dewi = await core.lookup({ query: DEWI.nik });
    expect(dewi).toMatchObject({ verdict: 'eligible', unsearched: { lists: [PBI] } });
    expect((await core.lookup({ query: 'DEWI LESTARI' })).unsearched?.lists).toEqual([PBI]);
    expect((await core.lookup({ query: RIZKI.card })).unsearched?.lists).toEqual([PBI]);

    copyFileSync(kept, join(lists(dir), 'e1.db'));
    // Within the retry pause a look-up does not try the file again (no file system work on the hot path)...
    expect((await core.lookup({ query: SITI.nik })).unsearched?.lists).toEqual([PBI]);
    // ...after it, the restored file answers, without a restart.
    vi.setSystemTime(Date.now() + UNREADABLE_RETRY_MS + 1);
    const again = await core.lookup({ query: SITI.nik });
    expect(again.verdict).toBe('eligible');
    expect(again.unsearched).toBeUndefined();
    core.close();
  });

  it('the lists show it unreadable, with the file and folder; opening the lists tries the file again at once', async () => {
    const dir = tempDir();
    await twoLists(dir);
    const kept = join(dir, 'e1.kept');
    copyFileSync(join(lists(dir), 'e1.db'), kept);
    rmSync(join(lists(dir), 'e1.db'));
    const core = open(dir);
    const shown = await core.listLists({});
    expect(shown.find((l) => l.name === PBI)).toMatchObject({ members: 6, unreadable: { reason: 'missing', folder: 'loket.db.lists', file: 'e1.db', previousReadable: false } });
    expect(shown.find((l) => l.name === JAMKESDA)?.unreadable).toBeUndefined();

    copyFileSync(kept, join(lists(dir), 'e1.db'));
    expect((await core.listLists({})).find((l) => l.name === PBI)?.unreadable).toBeUndefined();
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    core.close();
  });

  it('a damaged file (its first page overwritten): unreadable, "damaged"', async () => {
    const dir = tempDir();
    await twoLists(dir, KEY);
    overwrite(join(lists(dir), 'e1.db'), 0, 4096);
    const core = open(dir, KEY);
    expect(await core.lookup({ query: SITI.nik })).toMatchObject({ verdict: 'unknown', unsearched: { lists: [PBI] } });
    expect((await core.listLists({})).find((l) => l.name === PBI)?.unreadable).toMatchObject({ reason: 'damaged', file: 'e1.db' });
    core.close();
  });

  it('a file that opens but is damaged further in: the look-up that hits the damage reports the list instead of failing', async () => {
    const dir = tempDir();
    await twoLists(dir); // plain files, so the damaged pages can be found
    const path = join(lists(dir), 'e1.db');
    const probe = new Database(path, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const pages = probe.prepare(`SELECT pageno FROM dbstat WHERE name IN ('members_by_nik_number', 'members_by_card')`).pluck().all() as number[];
    probe.close();
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) overwrite(path, (page - 1) * pageSize, pageSize);

    const core = open(dir);
    // The file opens; the probe of its damaged NIK table fails: that list is reported, the other answers.
    expect(await core.lookup({ query: DEWI.nik })).toMatchObject({ verdict: 'eligible', unsearched: { lists: [PBI] } });
    expect(await core.lookup({ query: SITI.nik })).toMatchObject({ verdict: 'unknown', unsearched: { lists: [PBI] } });
    // Marked: the next look-ups skip it (and say so) rather than hitting the damage again.
    expect(await core.lookup({ query: DEWI.nik })).toMatchObject({ verdict: 'eligible', unsearched: { lists: [PBI] } });
    core.close();
  });

  it('a copy of the database without its lists folder: every list unreadable, until the folder is restored', async () => {
    const dir = tempDir();
    await twoLists(dir, KEY);
    const copy = join(dir, 'copy');
    mkdirSync(copy);
    copyFileSync(join(dir, 'loket.db'), join(copy, 'loket.db'));
    const core = open(copy, KEY);
    const siti = await core.lookup({ query: SITI.nik });
    expect(siti).toMatchObject({ verdict: 'unknown', unsearched: { lists: [JAMKESDA, PBI], message: { code: 'lookup/lists-unreadable', params: { lists: `${JAMKESDA}, ${PBI}`, count: 2 } } } });
    expect((await core.listLists({})).map((l) => [l.name, l.unreadable?.reason])).toEqual([[JAMKESDA, 'missing'], [PBI, 'missing']]);

    cpSync(lists(dir), lists(copy), { recursive: true });
    expect((await core.listLists({})).every((l) => l.unreadable === undefined)).toBe(true);
    expect(await core.lookup({ query: SITI.nik })).toMatchObject({ verdict: 'eligible' });
    expect((await core.lookup({ query: SITI.nik })).unsearched).toBeUndefined();
    core.close();
    expect(statSync(join(lists(copy), 'e1.db')).size).toBeGreaterThan(0); // recovery at open left the restored files alone
  });

  it('with a previous edition still on disk, the lists offer the rollback, and after it the list answers', async () => {
    const dir = tempDir();
    const core = open(dir);
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: PBI, kind: 'pbi-apbd', asOf: '2026-10-01' });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir, 'again.csv')), list: PBI, kind: 'pbi-apbd', asOf: '2026-11-01' });
    core.close();
    rmSync(join(lists(dir), 'e2.db'));

    const after = open(dir);
    expect((await after.lookup({ query: SITI.nik })).unsearched?.lists).toEqual([PBI]);
    expect((await after.listLists({}))[0]).toMatchObject({ edition: 2, previousEdition: 1, unreadable: { reason: 'missing', file: 'e2.db', previousReadable: true } });
    await after.rollbackList({ list: PBI });
    const siti = await after.lookup({ query: SITI.nik });
    expect(siti.verdict).toBe('eligible');
    expect(siti.unsearched).toBeUndefined();
    expect(new Set(siti.matches.map((m) => m.list.edition))).toEqual(new Set([1]));
    after.close();
  });

  it('no previous edition that reads: no rollback offered', async () => {
    const dir = tempDir();
    const core = open(dir);
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: PBI, kind: 'pbi-apbd', asOf: '2026-10-01' });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir, 'again.csv')), list: PBI, kind: 'pbi-apbd', asOf: '2026-11-01' });
    core.close();
    rmSync(join(lists(dir), 'e1.db'));
    rmSync(join(lists(dir), 'e2.db'));
    const after = open(dir);
    expect((await after.listLists({}))[0]?.unreadable).toMatchObject({ previousReadable: false });
    after.close();
  });
});
