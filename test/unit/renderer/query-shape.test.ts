import { describe, expect, it } from 'vitest';
import { beyondAnyNumber, pastedQuery } from '../../../src/renderer/src/features/lookup/query-shape';

describe('the search field text', () => {
  it('pasted cells: a Tab or line breaks are spaces, the line break after one cell goes', () => {
    expect(pastedQuery('3671010909770075\t3604082810040821')).toBe('3671010909770075 3604082810040821');
    expect(pastedQuery('3671010909770075\r\n3604082810040821\r\n')).toBe('3671010909770075 3604082810040821');
    expect(pastedQuery('3671010909770075\r\n')).toBe('3671010909770075');
    expect(pastedQuery('siti aminah')).toBe('siti aminah');
  });

  it('a number longer than any NIK (a second card appended) is no answer of the field', () => {
    expect(beyondAnyNumber('36040828100408213604014806131658')).toBe(true);
    expect(beyondAnyNumber('3604 0828 1004 0821 3')).toBe(true);
    expect(beyondAnyNumber('3604082810040821')).toBe(false);
    expect(beyondAnyNumber('jalan 12345678901234567')).toBe(false);
  });
});
