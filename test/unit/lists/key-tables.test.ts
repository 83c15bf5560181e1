import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { KEY_TABLE, KeyColumn, NIK_NUMBER_OFFSET, keyTableSteps, nikHalves, nikNumberOfHalves, nikOfHalves, sortedKeys, writeKeyTable } from '../../../src/core/lists/key-tables';

/** What the radix sort must equal: ids with a key, ordered by key then id (keys compared as the 16-digit text they are). */
function naive(keys: (string | null)[]): number[] {
  return keys
    .map((key, i) => ({ key, id: i + 1 }))
    .filter((x): x is { key: string; id: number } => x.key !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .map((x) => x.id);
}

const pad = (card: number): string => String(card).padStart(16, '0');

const niks = (values: (string | null)[]): KeyColumn => {
  const column = new KeyColumn();
  values.forEach((nik, i) => column.setNik(i + 1, nik));
  return column;
};
const cards = (values: (number | null)[]): KeyColumn => {
  const column = new KeyColumn();
  values.forEach((card, i) => column.setCard(i + 1, card));
  return column;
};

const nik = fc.stringMatching(/^[1-9][0-9]{15}$/);
// 13-digit card numbers: small ones (restored leading zeros), any, and the edges of the range.
const card = fc.oneof(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.constantFrom(0, 99_999_999, 100_000_000, 9_999_999_999_999));

describe('key tables: keys kept during the load and sorted', () => {
  it('a NIK splits into two halves and back, digit for digit', () => {
    fc.assert(
      fc.property(nik, (n) => {
        expect(nikOfHalves(...nikHalves(n))).toBe(n);
      }),
    );
    expect(nikHalves('3273010101900003')).toEqual([32730101, 1900003]);
  });

  it("the NIK table's number is the NIK minus 10^15, exact for every 16-digit string (beyond 2^53 too), and SQL computes the same from the text", () => {
    const db = new Database(':memory:');
    try {
      const inSql = db.prepare(`SELECT ${KEY_TABLE.nik.keyOf('?')}`).pluck();
      const anyNik = fc.stringMatching(/^[0-9]{16}$/);
      fc.assert(
        fc.property(fc.oneof(anyNik, fc.constantFrom('0000000000000000', '9999999999999999', '9007199254740993', '9471010101990001')), (n) => {
          const number = nikNumberOfHalves(...nikHalves(n));
          expect(Number.isSafeInteger(number)).toBe(true);
          expect(BigInt(number) + BigInt(NIK_NUMBER_OFFSET)).toBe(BigInt(n));
          expect(inSql.get(n)).toBe(number);
        }),
        { numRuns: 500 },
      );
    } finally {
      db.close();
    }
  });

  it('NIKs: the radix sort equals a plain sort by NIK then id, members without one left out', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(nik, fc.constantFrom('3273010101900003', '9471010101990001')), { nil: null, freq: 5 }), { maxLength: 2000 }), (values) => {
        const sorted = sortedKeys(niks(values).take());
        expect([...sorted.ids]).toEqual(naive(values));
        // Each id's halves moved with it through every pass.
        expect([...sorted.ids].map((_, k) => nikOfHalves(sorted.hi[k]!, sorted.lo[k]!))).toEqual([...sorted.ids].map((id) => values[id - 1]));
      }),
      { numRuns: 150 },
    );
  });

  it('cards: the radix sort equals a plain sort by card number then id', () => {
    fc.assert(
      fc.property(fc.array(fc.option(card, { nil: null, freq: 5 }), { maxLength: 2000 }), (values) => {
        expect([...sortedKeys(cards(values).take()).ids]).toEqual(naive(values.map((c) => (c === null ? null : pad(c)))));
      }),
      { numRuns: 150 },
    );
  });

  it('a shared key keeps its members in id order (the first row of the file first)', () => {
    expect([...sortedKeys(cards([5, 3, 5, null, 3, 5]).take()).ids]).toEqual([2, 5, 1, 3, 6]);
  });

  it('writing a table answers the keys found on more than one member, each once, and stores every pair in key order', () => {
    const db = new Database(':memory:');
    try {
      const values = ['3673015203850003', '3273010101900003', null, '3673015203850003', '3273010101900003', '3673015203850003', '9471010101990001'];
      expect(writeKeyTable(db, 'nik', niks(values).take())).toEqual(['3273010101900003', '3673015203850003']);
      const number = (nik: string): number => Number(BigInt(nik) - BigInt(NIK_NUMBER_OFFSET));
      expect(db.prepare(`SELECT nik_number, id FROM ${KEY_TABLE.nik.table}`).raw().all()).toEqual([
        [number('3273010101900003'), 2], [number('3273010101900003'), 5], [number('3673015203850003'), 1], [number('3673015203850003'), 4], [number('3673015203850003'), 6], [number('9471010101990001'), 7],
      ]);
      expect(writeKeyTable(db, 'card', cards([1_336_526_592, 7, 1_336_526_592, null]).take())).toEqual([1_336_526_592]);
      expect(db.prepare(`SELECT card, id FROM ${KEY_TABLE.card.table}`).raw().all()).toEqual([[7, 2], [1_336_526_592, 1], [1_336_526_592, 3]]);
    } finally {
      db.close();
    }
  });

  it('written in steps: a pause after every n keys, with what is written by then in the table, and the same table and shared keys as written whole', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 7 === 3 ? null : (i * 7919) % 613));
    const whole = new Database(':memory:');
    const inSteps = new Database(':memory:');
    try {
      const shared = writeKeyTable(whole, 'card', cards(values).take());
      const steps = keyTableSteps(inSteps, 'card', cards(values).take(), 100);
      const rowsAtPauses: number[] = [];
      let step = steps.next(); // the table exists from the first step on
      const count = inSteps.prepare(`SELECT count(*) FROM ${KEY_TABLE.card.table}`).pluck();
      for (; !step.done; step = steps.next()) rowsAtPauses.push(count.get() as number);
      expect(step.value).toEqual(shared);
      // 857 keys: 8 pauses; a statement takes 256 pairs, so what is run lags what is counted by less than that.
      expect(rowsAtPauses).toHaveLength(8);
      rowsAtPauses.forEach((rows, k) => expect((k + 1) * 100 - rows).toBeLessThan(256));
      const all = (db: Database.Database) => db.prepare(`SELECT card, id FROM ${KEY_TABLE.card.table}`).raw().all();
      expect(all(inSteps)).toEqual(all(whole));
    } finally {
      whole.close();
      inSteps.close();
    }
  });

  it('the column spans many chunks, and take() leaves it empty', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 100_003);
    const column = cards(values);
    const taken = column.take();
    expect(taken.count).toBe(200_000);
    expect(taken.hi.length).toBe(4);
    const { ids } = sortedKeys(taken);
    expect(ids.length).toBe(200_000);
    for (let k = 1; k < ids.length; k++) expect(values[ids[k - 1]! - 1]! <= values[ids[k]! - 1]!).toBe(true);
    expect(column.take().count).toBe(0);
  });
});
