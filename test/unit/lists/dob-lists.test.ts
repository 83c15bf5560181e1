import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOB_LISTS, DobListsBuilder, dayIndex, dobOfDay } from '../../../src/core/lists/dob-lists';
import { packMembers } from '../../../src/core/lists/packed-members';
import type { MemberInsert } from '../../../src/core/lists/row-validator';

/** A real calendar date between 1900 and 2100 as yyyymmdd. */
const dateInRange = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate());

describe('the birth-date lists as an import builds them', () => {
  it('property: a day index orders as its date does and gives the date back', () => {
    fc.assert(
      fc.property(dateInRange, dateInRange, (a, b) => {
        expect(dayIndex(a)).toBeGreaterThanOrEqual(0);
        expect(dobOfDay(dayIndex(a))).toBe(a);
        expect(Math.sign(dayIndex(a) - dayIndex(b))).toBe(Math.sign(a - b));
      }),
      { numRuns: 2000 },
    );
    for (const outside of [18991231, 21010101, 19851301, 19850300, 19850332, 1985031.5, Number.NaN]) expect(dayIndex(outside), String(outside)).toBe(-1);
  });

  it('property: every member with a birth date once, under it, in id order, dates in and out of range alike', () => {
    const member = (dob: number | null): MemberInsert => ['3673040306671875', null, dob, 1, 'SITI', '', 2];
    const dob = fc.option(fc.oneof(dateInRange, fc.constantFrom(18500101, 21500101, 19850000)), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(dob, { maxLength: 40 }), { maxLength: 6 }), (batches) => {
        const builder = new DobListsBuilder();
        const expected = new Map<number, number[]>();
        let id = 0;
        for (const batch of batches) {
          builder.addBatch(packMembers(batch.map(member)), id + 1);
          for (const d of batch) {
            id++;
            if (d !== null) expected.set(d, [...(expected.get(d) ?? []), id]);
          }
        }
        const db = new Database(':memory:');
        builder.write(db);
        const rows = db.prepare(`SELECT dob, ids FROM ${DOB_LISTS} ORDER BY dob`).raw().all() as [number, string][];
        expect(rows.map(([d, ids]) => [d, JSON.parse(ids)])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
        db.close();
      }),
      { numRuns: 300 },
    );
  });
});
