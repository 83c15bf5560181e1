/**
 * The name index is built aside (names-aside.ts): its keys are staged in a file of their own
 * while the rows load, indexed there (by another thread when the import has a reader worker),
 * and copied into the edition. The edition must come out as if the index had been built in
 * place: every member under its keys and in its birth date's list, rows dropped as repeats not
 * at all, the index sound, and no staging file left behind.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { readEditions } from '../../../src/core/lists/editions.repo';
import { dobListsWhole } from '../../../src/core/lists/dob-lists';
import { NameKeys } from '../../../src/core/lists/name-keys';
import { BATCH_ROWS } from '../../../src/core/lists/validated-batches';
import { memberAt, type GeneratedMember } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir, writeCsv } from '../../helpers/temp';

const tempDir = useTempDir();
const SEED = 11;
const dmy = (m: GeneratedMember): string => `${String(m.birthDay).padStart(2, '0')}-${String(m.birthMonth).padStart(2, '0')}-${m.birthYear}`;
const dobNumber = (m: GeneratedMember): number => m.birthYear * 10_000 + m.birthMonth * 100 + m.birthDay;
/** The index's query for a member: each of its keys as a whole token. */
const matchOf = (keys: string): string => keys.split(' ').map((k) => `"${k}"`).join(' ');

describe.each([
  ['on the import thread', null],
  ['by another thread', builtFile('main', 'import-worker.js')],
])('the name index built aside, %s', (_, workerScript) => {
  it('holds every member once under its keys and no dropped repeat, is sound, and leaves no staging file', async () => {
    const dir = tempDir();
    // More members than a batch holds (BATCH_ROWS): the second batch's ids must follow the first's.
    const count = BATCH_ROWS + 100;
    const members = Array.from({ length: count }, (_, i) => memberAt(SEED, i));
    // The last two rows repeat members 3 and 7 word for word: dropped after the load, after the keys were staged.
    const rows = [...members, members[3]!, members[7]!].map((m) => [m.nik, m.card, m.name, dmy(m), 'AKTIF']);
    // A name without a letter has no keys: in no name index row, and no gap in the ids after it.
    const keyless = BATCH_ROWS + 50;
    rows[keyless]![2] = '-';
    const csv = writeCsv(join(dir, 'list.csv'), [['NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'STATUS'], ...rows]);
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript });
    let file: string;
    try {
      const report = await core.importList({ file: fileFor(core, csv), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
      expect(report.rows).toMatchObject({ imported: count, repeated: 2 });
      file = readEditions(core.db, ['current'])[0]!.file!;
    } finally {
      core.close();
    }
    expect(readdirSync(join(dir, 'loket.db.lists'))).toEqual([file]);

    const edition = new Database(join(dir, 'loket.db.lists', file));
    try {
      edition.exec(`INSERT INTO names(names) VALUES ('integrity-check')`);
      const idOf = edition.prepare('SELECT id FROM members WHERE row = ?').pluck();
      const found = edition.prepare('SELECT rowid FROM names WHERE names MATCH ? ORDER BY rowid').pluck();
      const listOf = edition.prepare('SELECT ids FROM members_by_dob WHERE dob = ?').pluck();
      const keys = new NameKeys();
      members.forEach((m, i) => {
        const id = idOf.get(i + 2) as number; // row 1 is the header
        expect(id).toBe(i + 1);
        if (i === keyless) return;
        const hits = found.all(matchOf(keys.of(m.name.toUpperCase())!)) as number[];
        expect(hits).toContain(id);
        // The repeats' rows (the last two ids) were deleted from the index with their members.
        expect(hits.filter((hit) => hit > count)).toEqual([]);
        // And from their birth date's list, which holds this member.
        const born = JSON.parse(listOf.get(dobNumber(m)) as string) as number[];
        expect(born).toContain(id);
        expect(born.filter((other) => other > count)).toEqual([]);
        expect(born).toEqual([...born].sort((a, b) => a - b));
      });
      expect(dobListsWhole(edition)).toBe(true);
      // No birth-date token in the name index any more (format 2): the lists replace it.
      expect(found.all(`"D${dobNumber(members[0]!)}"`)).toEqual([]);
      expect(edition.prepare('SELECT count(*) FROM members').pluck().get()).toBe(count);
      expect(edition.prepare('SELECT name FROM members WHERE id = ?').pluck().get(keyless + 1)).toBe('-');
    } finally {
      edition.close();
    }
  });
});
