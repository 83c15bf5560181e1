import { describe, expect, it } from 'vitest';
import { floatPrintedInteger, withoutTextMark } from '../../../src/shared/text-mark';

describe('withoutTextMark', () => {
  it('drops one leading apostrophe (or backquote), never one inside the text', () => {
    expect(withoutTextMark("'12-01-1980")).toBe('12-01-1980');
    expect(withoutTextMark("'SITI APOSTROF")).toBe('SITI APOSTROF');
    expect(withoutTextMark("' AKTIF")).toBe('AKTIF');
    expect(withoutTextMark('`0001336526592')).toBe('0001336526592');
    expect(withoutTextMark("NUR'AINI")).toBe("NUR'AINI");
    expect(withoutTextMark("''X")).toBe("'X");
    expect(withoutTextMark("'")).toBe('');
  });

  it('unwraps a text formula ="…" that is one string literal, its doubled quotes undone', () => {
    expect(withoutTextMark('="3671011201802901"')).toBe('3671011201802901');
    expect(withoutTextMark('= "NON AKTIF"')).toBe('NON AKTIF');
    expect(withoutTextMark('="SITI ""ANI"""')).toBe('SITI "ANI"');
    expect(withoutTextMark('=""')).toBe('');
  });

  it('leaves other formulas and plain text alone (the same string, not a copy)', () => {
    for (const text of ['=SUM(A1:A2)', '="A"&B2', '="A" & "B"', '="unclosed', '="a"b"', '=', '==', 'AKTIF', '', '3671011201802901']) {
      expect(withoutTextMark(text)).toBe(text);
    }
  });
});

describe('floatPrintedInteger', () => {
  it('reads an integer printed with a .0 tail, and nothing else', () => {
    expect(floatPrintedInteger('3671015501800017.0')).toBe(3671015501800017);
    expect(floatPrintedInteger('1336526592.00')).toBe(1336526592);
    for (const text of ['3671015501800017', '3671015501800017.5', '3671.0155.0180.0010', '.0', '1.0e3', '12,0', '']) {
      expect(floatPrintedInteger(text)).toBeNull();
    }
  });
});
