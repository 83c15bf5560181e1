/**
 * The birth-date lists of an edition (lists/dob-lists.ts, edition format 2): each remaining
 * member once under its birth date, used by a name search with a birth date, checked by the
 * verification an edition fetched from the hub goes through; an edition of format 1 (a token per
 * birth date in the name index) still answers the same; the format is bound into the content hash.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { DOB_LISTS, dobLookupSql } from '../../../src/core/lists/dob-lists';
import { readEditions } from '../../../src/core/lists/editions.repo';
import { NameKeys } from '../../../src/core/lists/name-keys';
import { editionStoreOf } from '../../../src/core/store/edition-store';
import { editionFormatOf } from '../../../src/core/sync/edition-meta';
import { writePortableCopy } from '../../../src/core/sync/edition-portable';
import { verifyEditionFile } from '../../../src/core/sync/edition-verify';
import { importedEdition, openEditionFile, tamperedCopy } from '../../helpers/edition-file';
import { openKeyedCore } from '../../helpers/keyed-database';
import { DJOKO, NUR, RIZKI, SITI } from '../../helpers/sample-list';
import { writeCsv, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** Siti's row comes twice word for word (a repeat, dropped); Sri shares Siti's birth date; Djoko has none. */
const SRI = { nik: '3673015203850011', card: '0001336526999', name: 'SRI WAHYUNI' };
function writeList(dir: string): string {
  return writeCsv(join(dir, 'lahir.csv'), [
    ['NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK'],
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P'],
    [RIZKI.nik, RIZKI.card, RIZKI.name, '17-08-1990', 'L'],
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P'],
    [SRI.nik, SRI.card, SRI.name, '12-03-1985', 'P'],
    [DJOKO.nik, DJOKO.card, DJOKO.name, '', 'L'],
    [NUR.nik, NUR.card, NUR.name, '15-06-2000', 'P'],
  ]);
}

async function imported(): Promise<{ core: Core; file: string; key: string; dir: string }> {
  const dir = tempDir();
  const { imported: rows, ...edition } = await importedEdition(dir, writeList(dir));
  expect(rows).toBe(5); // Siti's repeat dropped
  return { ...edition, dir };
}

/** Rewrites an edition file as format 1 left it: no lists, a ` D<yyyymmdd>` token per member in the name index. */
function toFormatOne(path: string, key: string | undefined): void {
  const db = openEditionFile(path, key, false);
  const keys = new NameKeys();
  const insert = db.prepare('INSERT INTO names (rowid, keys) VALUES (?, ?)');
  db.transaction(() => {
    db.exec(`INSERT INTO names(names) VALUES ('delete-all'); DROP TABLE ${DOB_LISTS}`);
    for (const m of db.prepare('SELECT id, name, dob FROM members').all() as { id: number; name: string; dob: number | null }[]) {
      const nameKeys = keys.of(m.name) ?? '';
      insert.run(m.id, m.dob === null ? nameKeys : `${nameKeys} D${m.dob}`);
    }
  })();
  db.close();
}

/** Names found by a search with Siti's birth date, typed with a consonant slip the phonetic code keeps apart. */
async function bornWithSiti(core: Core): Promise<string[]> {
  const found = await core.lookup({ query: 'Siti Aminak', dob: SITI.dob });
  return found.matches.map((m) => m.name).sort();
}

describe('the birth-date lists of an edition', () => {
  it('hold each remaining member with a birth date once, under it, in id order; the name index has no birth-date token', async () => {
    const { core, file, key } = await imported();
    core.close();
    const db = openEditionFile(file, key);
    try {
      const lists = db.prepare(`SELECT dob, ids FROM ${DOB_LISTS} ORDER BY dob`).raw().all() as [number, string][];
      const named = lists.map(([dob, ids]) => [dob, (JSON.parse(ids) as number[]).map((id) => db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(id))]);
      expect(named).toEqual([
        [19850312, [SITI.name, SRI.name]], // Siti once: her repeat left the list with its row
        [19900817, [RIZKI.name]],
        [20000615, [NUR.name]],
      ]);
      expect(editionFormatOf(db)).toBe('2');
      expect(db.prepare(`SELECT count(*) FROM names WHERE names MATCH '"D19850312"'`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a name search with a birth date ranks everyone born that day, even past a consonant slip', async () => {
    const { core } = await imported();
    try {
      expect(await bornWithSiti(core)).toEqual([SITI.name]);
      const other = await core.lookup({ query: 'Sri Wahyuni', dob: SITI.dob });
      expect(other.matches.map((m) => m.name)).toEqual([SRI.name]);
      expect((await core.lookup({ query: 'Siti Aminah', dob: '1999-09-09' })).matches.filter((m) => m.name === SITI.name && !m.flags.includes('dob-differs'))).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('an entry that points at another member shows nobody; the verification finds a missing, moved, repeated or unreadable entry', async () => {
    const { core, file, key, dir } = await imported();
    core.close();
    const untouched = verifyEditionFile(file, key);
    expect(!untouched.ok && untouched.code).not.toBe('edition/damaged'); // (not published: no content hash yet)
    const tamper = (name: string, sql: string): string => tamperedCopy(file, key, dir, name, sql);
    const idOf = (name: string): string => `(SELECT id FROM members WHERE name = '${name}')`;
    const pointsAway = tamper('away.db', `UPDATE ${DOB_LISTS} SET ids = json_array(${idOf(NUR.name)}) WHERE dob = 19900817`);
    const db = openEditionFile(pointsAway, key, false);
    try {
      expect(db.prepare(dobLookupSql('m.name')).pluck().all(19900817, 10)).toEqual([]);
    } finally {
      db.close();
    }
    const damaged = { ok: false, code: 'edition/damaged' };
    expect(verifyEditionFile(pointsAway, key)).toEqual(damaged);
    expect(verifyEditionFile(tamper('missing.db', `UPDATE ${DOB_LISTS} SET ids = json_array(${idOf(SRI.name)}) WHERE dob = 19850312`), key)).toEqual(damaged);
    expect(verifyEditionFile(tamper('twice.db', `UPDATE ${DOB_LISTS} SET ids = json_array(${idOf(RIZKI.name)}, ${idOf(RIZKI.name)}) WHERE dob = 19900817`), key)).toEqual(damaged);
    expect(verifyEditionFile(tamper('nameless.db', `INSERT INTO ${DOB_LISTS} VALUES (19700101, json_array(${idOf(DJOKO.name)}))`), key)).toEqual(damaged);
    expect(verifyEditionFile(tamper('text.db', `UPDATE ${DOB_LISTS} SET ids = 'not a list' WHERE dob = 20000615`), key)).toEqual(damaged);
    expect(verifyEditionFile(tamper('gone.db', `DELETE FROM ${DOB_LISTS} WHERE dob = 20000615`), key)).toEqual(damaged);
  });

  it('an edition of format 1 (a token per birth date in the name index) still answers the same, and travels as format 1', async () => {
    const { core, file, key, dir } = await imported();
    const before = await bornWithSiti(core);
    core.close();
    toFormatOne(file, key);
    const reopened = openKeyedCore(join(dir, 'loket.db'));
    try {
      expect(await bornWithSiti(reopened)).toEqual(before);
      expect((await reopened.lookup({ query: 'Sri Wahyuni', dob: SITI.dob })).matches.map((m) => m.name)).toEqual([SRI.name]);
      const copy = join(dir, 'portable-1.db');
      writePortableCopy(editionStoreOf(reopened.db), readEditions(reopened.db, ['current'])[0]!, copy);
      expect(verifyEditionFile(copy)).toMatchObject({ ok: true });
      const db = openEditionFile(copy, undefined);
      expect(db.prepare(`SELECT value FROM edition_meta WHERE key = 'contentHashVersion'`).pluck().get()).toBe('1');
      db.close();
    } finally {
      reopened.close();
    }
  });

  it('the format is bound into the content hash: metadata claiming another one fails, a newer one is refused in words that say to update', async () => {
    const { core, dir } = await imported();
    const copy = join(dir, 'portable-2.db');
    try {
      writePortableCopy(editionStoreOf(core.db), readEditions(core.db, ['current'])[0]!, copy);
    } finally {
      core.close();
    }
    expect(verifyEditionFile(copy)).toMatchObject({ ok: true });
    const declared = openEditionFile(copy, undefined);
    expect(declared.prepare(`SELECT value FROM edition_meta WHERE key = 'contentHashVersion'`).pluck().get()).toBe('2');
    declared.close();
    const claim = (name: string, version: string): string =>
      tamperedCopy(copy, undefined, dir, name, `UPDATE edition_meta SET value = '${version}' WHERE key = 'contentHashVersion'`);
    expect(verifyEditionFile(claim('claims-1.db', '1'))).toEqual({ ok: false, code: 'edition/content-hash-mismatch' });
    expect(verifyEditionFile(claim('claims-3.db', '3'))).toEqual({ ok: false, code: 'edition/newer-format' });
    expect(verifyEditionFile(claim('claims-x.db', 'x'))).toEqual({ ok: false, code: 'edition/no-meta' });
    // The lists dropped from a format-2 file: it hashes as format 1, so its format-2 hash no longer matches.
    const stripped = tamperedCopy(copy, undefined, dir, 'stripped.db', `DROP TABLE ${DOB_LISTS}`);
    expect(verifyEditionFile(stripped)).toEqual({ ok: false, code: 'edition/content-hash-mismatch' });
  });
});
