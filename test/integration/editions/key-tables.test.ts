/**
 * The NIK and card tables of an edition (lists/key-tables.ts): the NIK table written in the
 * edition file while the card table is written aside and copied in, both kept exact through
 * repeats and duplicates, used by look-ups, and checked by the verification an edition fetched
 * from the hub goes through.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { KEY_TABLE, NIK_NUMBER_OFFSET, TEXT_NIK_TABLE, keyLookupSql } from '../../../src/core/lists/key-tables';
import { verifyEditionFile } from '../../../src/core/sync/edition-verify';
import { importedEdition, openEditionFile, tamperedCopy } from '../../helpers/edition-file';
import { openKeyedCore } from '../../helpers/keyed-database';
import { DJOKO, NUR, RIZKI, SITI } from '../../helpers/sample-list';
import { writeCsv, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

const nikNumber = (nik: string): string => String(BigInt(nik) - BigInt(NIK_NUMBER_OFFSET));
const CARDS = KEY_TABLE.card.table;
const NIKS = KEY_TABLE.nik.table;

/** Siti and Rizki share a card; Siti's row comes twice word for word (a repeat, dropped); Djoko has no card. */
function writeList(dir: string): string {
  return writeCsv(join(dir, 'kartu.csv'), [
    ['NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK'],
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P'],
    [RIZKI.nik, SITI.card, RIZKI.name, '17-08-1990', 'L'],
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P'],
    [DJOKO.nik, '', DJOKO.name, '01-01-1970', 'L'],
    [NUR.nik, NUR.card, NUR.name, '15-06-2000', 'P'],
  ]);
}

async function imported(): Promise<{ core: Core; file: string; key: string; dir: string }> {
  const dir = tempDir();
  const { imported: rows, ...edition } = await importedEdition(dir, writeList(dir));
  expect(rows).toBe(4);
  return { ...edition, dir };
}

describe('the key tables of an edition', () => {
  it('hold each remaining member once, in key order, in place of the indexes', async () => {
    const { core, file, key } = await imported();
    core.close();
    const db = openEditionFile(file, key);
    try {
      const cards = db.prepare(`SELECT c.card, m.name FROM ${CARDS} c JOIN members m ON m.id = c.id`).raw().all();
      expect(cards).toEqual([
        [Number(NUR.card), NUR.name],
        [Number(SITI.card), SITI.name],
        [Number(SITI.card), RIZKI.name],
      ]);
      const niks = db.prepare(`SELECT m.nik, m.name FROM ${NIKS} n JOIN members m ON m.id = n.id AND n.nik_number = CAST(m.nik AS INTEGER) - ${NIK_NUMBER_OFFSET}`).raw().all();
      expect(niks).toEqual([
        [DJOKO.nik, DJOKO.name], // 3604…
        [RIZKI.nik, RIZKI.name], // 3673011…
        [SITI.nik, SITI.name], // 3673015…
        [NUR.nik, NUR.name], // 7571…
      ]);
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members'`).pluck().all()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('look-ups by NIK and card find the members through them, the shared card flagged as a duplicate', async () => {
    const { core } = await imported();
    try {
      expect((await core.lookup({ query: RIZKI.nik })).matches.map((m) => m.name)).toEqual([RIZKI.name]);
      const shared = await core.lookup({ query: SITI.card });
      expect(shared.matches.map((m) => m.name).sort()).toEqual([RIZKI.name, SITI.name]);
      expect(shared.matches.every((m) => m.flags.includes('duplicate-in-list'))).toBe(true);
      expect((await core.lookup({ query: NUR.card })).matches.map((m) => m.name)).toEqual([NUR.name]);
    } finally {
      core.close();
    }
  });

  it('an entry that points at another member shows nobody; the verification finds a missing or wrong entry', async () => {
    const { core, file, key, dir } = await imported();
    core.close();
    const untouched = verifyEditionFile(file, key);
    expect(!untouched.ok && untouched.code).not.toBe('edition/damaged');
    const tamper = (name: string, sql: string): string => tamperedCopy(file, key, dir, name, sql);
    const djokoId = `(SELECT id FROM members WHERE name = '${DJOKO.name}')`;
    const pointsAway = tamper('wrong.db', `UPDATE ${CARDS} SET id = ${djokoId} WHERE card = ${Number(NUR.card)}`);
    const db = openEditionFile(pointsAway, key);
    try {
      expect(db.prepare(`SELECT m.name FROM ${keyLookupSql('card', KEY_TABLE.card)}`).pluck().all(Number(NUR.card))).toEqual([]);
    } finally {
      db.close();
    }
    expect(verifyEditionFile(pointsAway, key)).toEqual({ ok: false, code: 'edition/damaged' });
    expect(verifyEditionFile(tamper('missing.db', `DELETE FROM ${CARDS} WHERE card = ${Number(NUR.card)}`), key)).toEqual({ ok: false, code: 'edition/damaged' });
    expect(verifyEditionFile(tamper('extra.db', `INSERT INTO ${CARDS} VALUES (42, ${djokoId})`), key)).toEqual({ ok: false, code: 'edition/damaged' });
    const nikAway = tamper('wrong-nik.db', `UPDATE ${NIKS} SET id = ${djokoId} WHERE nik_number = ${nikNumber(NUR.nik)}`);
    expect(verifyEditionFile(nikAway, key)).toEqual({ ok: false, code: 'edition/damaged' });
    expect(verifyEditionFile(tamper('missing-nik.db', `DELETE FROM ${NIKS} WHERE nik_number = ${nikNumber(NUR.nik)}`), key)).toEqual({ ok: false, code: 'edition/damaged' });
  });

  it('an edition with the NIK table as text (the first version with key tables) still answers by NIK and passes the verification; a wrong entry there is still found', async () => {
    const { core, file, key, dir } = await imported();
    core.close();
    // Rewrite the edition as that day's version left it: members_by_nik (nik TEXT, id), no number table.
    const db = openEditionFile(file, key, false);
    db.exec(`CREATE TABLE ${TEXT_NIK_TABLE.table} (nik TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (nik, id)) WITHOUT ROWID;
      INSERT INTO ${TEXT_NIK_TABLE.table} SELECT nik, id FROM members WHERE nik IS NOT NULL ORDER BY nik, id;
      DROP TABLE ${NIKS};`);
    db.close();
    const check = verifyEditionFile(file, key);
    expect(!check.ok && check.code).not.toBe('edition/damaged'); // (not published: no content hash yet)
    const reopened = openKeyedCore(join(dir, 'loket.db'));
    try {
      expect((await reopened.lookup({ query: RIZKI.nik })).matches.map((m) => m.name)).toEqual([RIZKI.name]);
      expect((await reopened.lookup({ query: NUR.card })).matches.map((m) => m.name)).toEqual([NUR.name]);
    } finally {
      reopened.close();
    }
    const copy = tamperedCopy(file, key, dir, 'text-wrong.db', `UPDATE ${TEXT_NIK_TABLE.table} SET id = (SELECT id FROM members WHERE name = '${DJOKO.name}') WHERE nik = '${NUR.nik}'`);
    expect(verifyEditionFile(copy, key)).toEqual({ ok: false, code: 'edition/damaged' });
  });
});
