import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../../src/core/lists/csv-tokenizer';
import { csvField } from '../../fixtures/write-list-files';

/** Feeds `text` to a tokenizer in pieces cut at `cuts` (chunk boundaries land anywhere). */
function tokenize(text: string, separator: string, cuts: number[] = [], lineEnd: '\n' | '\r' = '\n'): string[][] {
  const t = new CsvTokenizer({ separator, lineEnd });
  const out: string[][] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...t.push(text.slice(at, Math.max(at, cut))));
    at = Math.max(at, cut);
  }
  out.push(...t.push(text.slice(at)));
  out.push(...t.end());
  return out;
}

function oracle(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
}

const fieldChars = fc.constantFrom('a', 'B', '7', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', 'é', '\u00a0', '.');
const field = fc.array(fieldChars, { maxLength: 6 }).map((a) => a.join(''));

describe('CsvTokenizer', () => {
  it('agrees with csv-parse on well-formed CSV, whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (sep, eol, records, finalEol, cuts) => {
          // Records whose only field is empty are blank lines: csv-parse and we both read [''].
          const text = records.map((r) => r.map((f) => csvField(f, sep)).join(sep)).join(eol) + (finalEol ? eol : '');
          expect(tokenize(text, sep, cuts)).toEqual(oracle(text, sep));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps a quote inside an unquoted field literally', () => {
    expect(tokenize('a"b,c\n', ',')).toEqual([['a"b', 'c']]);
    expect(tokenize('AHMAD "ACONG",x', ',')).toEqual(oracle('AHMAD "ACONG",x', ','));
  });

  it('treats text after a closing quote as part of a literal field', () => {
    expect(tokenize('"ab"c,d\n', ',')).toEqual([['"ab"c', 'd']]);
  });

  it('handles CRLF split across chunks and a quoted CR', () => {
    expect(tokenize('a,b\r\nc,d\r\n', ',', [4, 5])).toEqual([['a', 'b'], ['c', 'd']]);
    expect(tokenize('"x\r",y\r\n', ',', [3, 4])).toEqual([['x\r', 'y']]);
  });

  it('supports bare CR line ends', () => {
    expect(tokenize('a,b\rc,"d\re"\r', ',', [2], '\r')).toEqual([['a', 'b'], ['c', 'd\re']]);
  });

  it('counts records, not physical lines', () => {
    const t = new CsvTokenizer({ separator: ',' });
    t.push('h1,h2\n"multi\nline",x\nlast,y\n');
    expect(t.records).toBe(3);
  });

  it('reports an unclosed quote at the end and caps runaway records', () => {
    expect(() => tokenize('a,b\n"never closed,c\n', ',')).toThrow(CsvSyntaxError);
    const t = new CsvTokenizer({ separator: ',', maxRecordChars: 100 });
    expect(() => t.push(`"${'x'.repeat(200)}`)).toThrow(/longer than 100/);
  });
});
