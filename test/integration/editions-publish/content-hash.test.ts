import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemberTableSql } from '../../../src/core/lists/member-table';
import { contentHashOf } from '../../../src/core/sync/edition-meta';

type Row = [number, string | null, number | null, number | null, number, string, string, number, string | null];

const row: fc.Arbitrary<Omit<Row, never>> = fc.tuple(
  fc.integer({ min: 1, max: 1e9 }),
  fc.option(fc.stringMatching(/^\d{16}$/)),
  fc.option(fc.integer({ min: 1, max: 9_999_999_999_999 })),
  fc.option(fc.integer({ min: 19000101, max: 20991231 })),
  fc.integer({ min: 0, max: 63 }),
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }).map((parts) => parts.join('\x1f')),
  fc.integer({ min: 1, max: 1e7 }),
  fc.option(fc.string({ maxLength: 20 })),
);
const rows = fc.uniqueArray(row, { selector: (r) => r[0], minLength: 1, maxLength: 40 });

function hashOf(members: readonly Row[]): string {
  const db = new Database(':memory:');
  db.exec(createMemberTableSql());
  const insert = db.prepare('INSERT INTO members (id, nik, card, dob, flags, name, detail, row, name_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const m of members) insert.run(...m);
  const { contentHash, members: n } = contentHashOf(db);
  db.close();
  expect(n).toBe(members.length);
  return contentHash;
}

describe('the content hash of an edition', () => {
  it('depends on the members, not on the order they were written in', () => {
    fc.assert(fc.property(rows, (members) => hashOf(members) === hashOf([...members].reverse())), { numRuns: 60 });
  });

  it('changes when any one value of any one member changes', () => {
    fc.assert(
      fc.property(rows, fc.nat(), fc.integer({ min: 1, max: 8 }), (members, which, column) => {
        const original = members[which % members.length]!;
        const changed = [...original] as Row;
        const value = changed[column];
        // Another value of the same kind (text stays text, a number stays a number, NULL becomes something).
        changed[column] = (value === null ? (column === 1 || column === 8 ? 'X' : 7) : typeof value === 'number' ? value + 1 : `${value}|`) as never;
        const altered = members.map((m) => (m === original ? changed : m));
        return hashOf(altered) !== hashOf(members);
      }),
      { numRuns: 80 },
    );
  });

  it('a value moved across a separator is another content (text boundaries are part of the form)', () => {
    const base: Row = [1, null, null, null, 1, 'SITI', 'P\x1fPBI', 1, 'ST'];
    expect(hashOf([base])).not.toBe(hashOf([[1, null, null, null, 1, "SITI','P", 'PBI', 1, 'ST']]));
    expect(hashOf([base])).not.toBe(hashOf([[1, null, null, null, 1, 'SITI', 'P\x1fPBI', 1, null]]));
  });

  it('refuses to hash a table with members out of the pages’ reach (a forged negative id)', () => {
    const db = new Database(':memory:');
    db.exec(createMemberTableSql());
    db.prepare(`INSERT INTO members (id, flags, name, detail, row) VALUES (-9223372036854775807, 1, 'X', '', 1)`).run();
    expect(() => contentHashOf(db)).toThrow(/outside the hashable id range/);
    db.close();
  });
});
