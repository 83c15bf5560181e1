/**
 * Workbooks no Excel could write: each is refused as damaged, at once and within the import's
 * usual memory, never read for minutes or until the process dies. (Found by hostile testing:
 * a 1.5 KB file with one cell at ZZZZZZ2 killed the process after 12 s and 1.9 GB; 1.2 MB of
 * unclosed XML ran for over 7 minutes.)
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ListFileError } from '../../../src/core/lists/list-file-error';
import { openListFile } from '../../../src/core/lists/list-reader';
import { columnIndexAt } from '../../../src/core/lists/xlsx-sheet';
import { XLSX_LIMITS, columnName } from '../../../src/core/lists/xlsx-limits';
import { buildZip, minimalXlsx, writeZip } from '../../fixtures/zip-writer';
import { useTempDir } from './temp-dir';

const file = useTempDir();
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>';
const MEMBER = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>3673015203850003</t></is></c><c r="B${r}" t="inlineStr"><is><t>SITI</t></is></c></row>`;
const sheet = (rows: string, close = true) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}${close ? '</sheetData></worksheet>' : ''}`;

/** Opens and reads every row; returns the refusal, or null when the file was read. */
async function refusal(path: string): Promise<ListFileError | null> {
  try {
    const reader = await openListFile(path);
    try {
      for await (const batch of reader.batches(1000)) void batch;
    } finally {
      await reader.close();
    }
    return null;
  } catch (e) {
    if (e instanceof ListFileError) return e;
    throw e;
  }
}

async function xlsx(name: string, sheetXml: string, extra: { sharedStrings?: string } = {}): Promise<string> {
  const path = file(name);
  await writeZip(path, minimalXlsx({ sheets: [{ name: 'Data', xml: sheetXml }], ...extra }));
  return path;
}

describe('Excel limits', () => {
  it('column names and indexes agree up to XFD, and stop counting beyond it', () => {
    expect(columnName(0)).toBe('A');
    expect(columnName(27)).toBe('AB');
    expect(columnName(XLSX_LIMITS.columns - 1)).toBe('XFD');
    expect(columnIndexAt('XFD9')).toBe(XLSX_LIMITS.columns - 1);
    expect(columnIndexAt('ZZZZZZZZZZZZZZZZZZZZ1')).toBeGreaterThanOrEqual(XLSX_LIMITS.columns);
  });

  it('a cell at ZZZZZZ2 (1.5 KB file) is refused, not padded to millions of cells', async () => {
    const path = await xlsx('zzzzzz.xlsx', sheet(HEADER + '<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'));
    expect((await readFile(path)).length).toBeLessThan(2000);
    const error = await refusal(path);
    expect(error?.code).toBe('corrupt-workbook');
    expect(error?.detail).toMatch(/column/);
  });

  it('cells counted past XFD without references are refused too', async () => {
    const cells = '<c t="inlineStr"><is><t>x</t></is></c>'.repeat(XLSX_LIMITS.columns + 1);
    expect((await refusal(await xlsx('wide.xlsx', sheet(HEADER + `<row r="2">${cells}</row>`))))?.code).toBe('corrupt-workbook');
  });

  it('a row number past 1,048,576 is refused', async () => {
    const error = await refusal(await xlsx('rows.xlsx', sheet(HEADER + MEMBER(2) + MEMBER(2_000_000))));
    expect(error?.code).toBe('corrupt-workbook');
    expect(error?.detail).toMatch(/row number 2000000/);
  });

  it('a cell of more than 32,767 characters is refused', async () => {
    const long = 'A'.repeat(XLSX_LIMITS.cellChars + 1);
    const error = await refusal(await xlsx('long.xlsx', sheet(HEADER + `<row r="2"><c r="A2" t="inlineStr"><is><t>3673015203850003</t></is></c><c r="B2" t="inlineStr"><is><t>${long}</t></is></c></row>`)));
    expect(error?.detail).toMatch(/32768 characters/);
  });

  it('a row that never closes (1.2 MB of incompressible XML, then more) ends in a refusal, in seconds', { timeout: 20_000 }, async () => {
    const junk = randomBytes(6 * 1024 * 1024).toString('base64'); // ~8.4 MB of text, barely compressible
    const path = await xlsx('unclosed-row.xlsx', sheet(HEADER + MEMBER(2) + `<row r="3"><c r="A3" t="inlineStr"><is><t>${junk}`, false));
    const error = await refusal(path);
    expect(error?.code).toBe('corrupt-workbook');
    expect(error?.detail).toMatch(/never ends/);
  });

  it('a row cut short at the end of the sheet is dropped, and the rows before it are read', async () => {
    const path = await xlsx('cut.xlsx', sheet(HEADER + MEMBER(2) + '<row r="3"><c r="A3" t="inlineStr"><is><t>36730', false));
    const reader = await openListFile(path);
    const rows = [];
    for await (const batch of reader.batches(1000)) rows.push(...batch);
    await reader.close();
    expect(rows.map((r) => r.row)).toEqual([2]);
  });

  it('a shared string that never closes is refused', { timeout: 20_000 }, async () => {
    const junk = randomBytes(7 * 1024 * 1024).toString('base64');
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="2" uniqueCount="2"><si><t>NIK</t></si><si><t>${junk}`;
    const error = await refusal(await xlsx('unclosed-sst.xlsx', sheet(HEADER + MEMBER(2)), { sharedStrings: sst }));
    expect(error?.code).toBe('corrupt-workbook');
    expect(error?.detail).toMatch(/shared string never ends/);
  });

  it('more shared strings than the table declares are refused', async () => {
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="2" uniqueCount="2">${'<si><t>x</t></si>'.repeat(3)}</sst>`;
    const error = await refusal(await xlsx('sst-count.xlsx', sheet(HEADER + MEMBER(2)), { sharedStrings: sst }));
    expect(error?.detail).toMatch(/more shared strings than the 2/);
  });

  it('a zip bomb (a sheet inflating 1000-fold) is refused before it is inflated', async () => {
    const entries = minimalXlsx({ sheets: [{ name: 'Data', xml: sheet(HEADER + MEMBER(2) + `<row r="3"><c r="A3"><v>${' '.repeat(80 * 1024 * 1024)}</v></c></row>`) }] });
    const path = file('bomb.xlsx');
    await writeFile(path, buildZip(entries));
    expect((await readFile(path)).length).toBeLessThan(1024 * 1024);
    const error = await refusal(path);
    expect(error?.code).toBe('corrupt-workbook');
    expect(error?.message).toMatch(/zip bomb/);
  });

  it('an entry that inflates past the size its directory declares is refused as soon as it does', async () => {
    const zip = buildZip(minimalXlsx({ sheets: [{ name: 'Data', xml: sheet(HEADER + MEMBER(2) + MEMBER(3)) }] }));
    // Shrink the declared size of the sheet entry in the central directory.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let at = zip.lastIndexOf(name);
    at -= 46; // the central header precedes its name
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    zip.writeUInt32LE(100, at + 24);
    const path = file('undersized.xlsx');
    await writeFile(path, zip);
    const error = await refusal(path);
    expect(error?.code).toBe('corrupt-workbook');
    expect(error?.message).toMatch(/larger than the zip directory says/);
  });
});
