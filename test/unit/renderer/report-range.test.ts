import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayEntries, moveRange, rangeProblem, suggestedName } from '../../../src/renderer/src/features/reports/report-range';

const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('the reports range', () => {
  it('loads only two complete dates in order', () => {
    expect(rangeProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(rangeProblem('2026-11-01', '2026-11-01')).toBeNull();
    expect(rangeProblem('2026-11-30', '2026-11-01')).toBe('reversed');
    expect(rangeProblem('', '2026-11-01')).toBe('incomplete');
  });

  it('moving one end never turns the range round (property)', () => {
    fc.assert(
      fc.property(day, day, day, fc.constantFrom('from' as const, 'to' as const), (a, b, v, end) => {
        const start = a <= b ? { from: a, to: b } : { from: b, to: a };
        const moved = moveRange(start, end, v);
        expect(moved[end]).toBe(v);
        expect(rangeProblem(moved.from, moved.to)).toBeNull();
      }),
    );
    expect(moveRange({ from: '2026-11-01', to: '2026-11-05' }, 'from', '')).toEqual({ from: '', to: '2026-11-05' });
  });

  it('suggests a file name in the UI language with the range', () => {
    expect(suggestedName('recap', '2026-11-01', '2026-11-30', 'xlsx', 'id')).toBe('rekap-2026-11-01_2026-11-30.xlsx');
    expect(suggestedName('equal-service', '2026-11-23', '2026-11-23', 'csv', 'en')).toBe('equal-service-2026-11-23.csv');
  });

  it('lists the days in order', () => {
    expect(dayEntries({ '2026-11-03': 2, '2026-11-01': 5 })).toEqual([['2026-11-01', 5], ['2026-11-03', 2]]);
  });
});

describe('facilityToday', () => {
  it("is the facility's date, not the PC's: 01:00 WIB is still the day before in UTC", async () => {
    const { facilityToday } = await import('../../../src/renderer/src/facility-today');
    const at = new Date('2026-11-29T18:00:00Z'); // 01:00 WIB on the 30th, 02:00 WIT
    expect(facilityToday('Asia/Jakarta', at)).toBe('2026-11-30');
    expect(facilityToday('Asia/Jayapura', at)).toBe('2026-11-30');
    expect(facilityToday('UTC', at)).toBe('2026-11-29');
  });
});
