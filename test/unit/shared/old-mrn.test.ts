import { describe, expect, it } from 'vitest';
import { isNumberLike, oldMrnKey, sameOldMrn } from '../../../src/shared/old-mrn';

describe('isNumberLike: a query that is a number, never a name', () => {
  it('digits with a series letter or a short prefix are numbers (an old card, a prefixed record number)', () => {
    for (const q of ['A/0014', 'B0013', 'L000123', 'RJ-0123', '2019-00123', 'abc 12']) expect(isNumberLike(q), q).toBe(true);
  });

  it('a name stays a name, also one that holds a digit (an emergency stored by the time it came)', () => {
    for (const q of ['SITI AMINAH', 'TANPA IDENTITAS 14:32', 'TANPA IDENTITAS 14:32 (2)', 'BUDI 2', 'BY NY SITI 2']) expect(isNumberLike(q), q).toBe(false);
  });

  it('the old-RM key ignores the label, separators and leading zeros', () => {
    expect(oldMrnKey('000013')).toBe(oldMrnKey('13'));
  });

  it('two old RMs are the same card\'s number by that key; none is never the same as none', () => {
    expect(sameOldMrn('No. RM 3', '000003')).toBe(true);
    expect(sameOldMrn('b/0013', 'B0013')).toBe(true);
    expect(sameOldMrn('000003', '000030')).toBe(false);
    expect(sameOldMrn(null, null)).toBe(false);
    expect(sameOldMrn('', undefined)).toBe(false);
  });
});
