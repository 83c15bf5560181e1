import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dobDate, dobText, memberAt } from '../../fixtures/generate-members';
import { writeXlsxList, writeXlsxRows } from '../../fixtures/write-list-files';
import { minimalXlsx, writeZip } from '../../fixtures/zip-writer';
import { readAllRows, useTempDir } from './temp-dir';

const file = useTempDir();

describe('XLSX lists', () => {
  it('finds the header below merged title rows; row numbers match Excel; trailer rows come through', async () => {
    const written = await writeXlsxList(file('handmade.xlsx'), {
      count: 300, seed: 3, sheetName: 'PBI APBD', titleRows: ['DAFTAR PESERTA PBI APBD KOTA SERANG', 'BULAN: MARET 2025'],
      mergeTitle: true, blankRowAfterTitle: true, totalsRow: true, signatureRows: true,
    });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info).toMatchObject({ format: 'xlsx', sheetName: 'PBI APBD', headerRow: 4 });
    expect(reader.info.encoding).toBeUndefined();
    expect(reader.info.headers).toEqual(written.headers);
    expect(reader.info.mapping).toMatchObject({ rowNo: 0, nik: 1, card: 2, name: 3, sex: 4, birthPlace: 5, dob: 6 });
    for (let i = 0; i < 300; i++) {
      const r = rows[i];
      const m = memberAt(3, i);
      expect(r?.row).toBe(written.firstDataRow + i);
      expect(r?.cells.slice(0, 4)).toEqual([i + 1, m.nik, m.card, m.name]);
      expect(r?.cells[6]).toEqual(dobDate(m)); // a real date cell arrives as a Date
    }
    // Totals and signature rows are data as far as the reader knows; the blank rows are skipped.
    const last = written.lastDataRow;
    expect(written.trailerRows).toEqual([last + 1, last + 3, last + 4, last + 5, last + 6, last + 7]);
    expect(rows.slice(300).map((r) => r.row)).toEqual([last + 1, last + 3, last + 4, last + 6, last + 7]);
    expect(rows[300]?.cells[0]).toBe('JUMLAH');
  });

  it('merges a two-row header ("TEMPAT/TGL LAHIR" over TEMPAT LAHIR | TGL LAHIR)', async () => {
    const dob = new Date(Date.UTC(1980, 0, 2));
    await writeXlsxRows(file('two-row-header.xlsx'), [
      ['DAFTAR PESERTA'],
      ['NO', 'NIK', 'NAMA', 'TEMPAT/TGL LAHIR', null, 'ALAMAT'],
      [null, null, null, 'TEMPAT LAHIR', 'TGL LAHIR', null],
      [1, '3673014101350001', 'SITI', 'SERANG', dob, 'JL. A'],
    ]);
    const { reader, rows } = await readAllRows(file('two-row-header.xlsx'));
    expect(reader.info.headerRow).toBe(2);
    expect(reader.info.mapping).toEqual({ rowNo: 0, nik: 1, name: 2, birthPlace: 3, dob: 4, address: 5 });
    expect(reader.info.headers).toEqual(['NO', 'NIK', 'NAMA', 'TEMPAT/TGL LAHIR TEMPAT LAHIR', 'TGL LAHIR', 'ALAMAT']);
    expect(rows).toEqual([{ row: 4, cells: [1, '3673014101350001', 'SITI', 'SERANG', dob, 'JL. A'] }]);
  });

  it('merges a two-row header whose identifiers sit in the lower row', async () => {
    await writeXlsxRows(file('two-row-header-2.xlsx'), [
      ['NO', 'IDENTITAS', null, 'NAMA'],
      [null, 'NIK', 'NO KARTU', null],
      [1, '3673014101350001', '0001234567890', 'SITI'],
    ]);
    const { reader, rows } = await readAllRows(file('two-row-header-2.xlsx'));
    expect(reader.info.headerRow).toBe(2);
    expect(reader.info.mapping).toEqual({ rowNo: 0, nik: 1, card: 2, name: 3 });
    expect(reader.info.headers).toEqual(['NO', 'NIK', 'NO KARTU', 'NAMA']);
    expect(rows.map((r) => r.row)).toEqual([3]);
  });

  it('keeps spreadsheet damage visible: numeric NIK and card cells stay numbers, text dates stay text', async () => {
    const written = await writeXlsxList(file('damaged.xlsx'), { count: 50, nikAsNumber: true, cardAsNumber: true, dates: 'text' });
    const { rows } = await readAllRows(written.path);
    rows.forEach((r, i) => {
      const m = memberAt(1, i);
      expect(r.cells[1]).toBe(Number(`${m.nik.slice(0, 15)}0`));
      expect(r.cells[2]).toBe(Number(m.card));
      expect(r.cells[6]).toBe(dobText(m));
    });
  });

  it('reads inline strings (sharedStrings off) the same as shared strings', async () => {
    const written = await writeXlsxList(file('inline.xlsx'), { count: 40, layout: 'dtks', sharedStrings: false });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info.mapping.card).toBe(10);
    expect(rows[39]?.cells[11]).toBe(memberAt(1, 39).name);
    expect(rows[39]?.cells[15]).toBe(memberAt(1, 39).nik);
  });

  it('skips a cover sheet without a header and names the list sheet', async () => {
    const written = await writeXlsxList(file('cover.xlsx'), {
      count: 5, sheetName: 'Data', sheetsBefore: [{ name: 'Petunjuk', rows: [['Petunjuk pengisian'], ['Isi NIK 16 digit'], ['NAMA', 'ALAMAT']] }],
    });
    const { reader, rows } = await readAllRows(written.path);
    expect(reader.info.sheetName).toBe('Data');
    expect(rows).toHaveLength(5);
  });

  it('converts rich text, formulas, booleans, errors and hyperlinks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['NIK', 'NAMA', 'TGL LAHIR', 'UMUR', 'AKTIF', 'KET']);
    ws.addRow([
      { formula: '"3673014101350001"', result: '3673014101350001' },
      { richText: [{ text: 'SITI ', font: { bold: true } }, { text: 'AMINAH' }] },
      { formula: 'DATE(1980,1,2)', result: new Date(Date.UTC(1980, 0, 2)) },
      { formula: '2025-1980', result: 45 },
      true,
      { error: '#N/A' },
    ]);
    ws.getCell('C2').numFmt = 'dd/mm/yyyy';
    ws.addRow([{ text: '3673014101350002', hyperlink: 'https://example.org' }, 'BUDI', null, null, false, '']);
    await wb.xlsx.writeFile(file('kinds.xlsx'));
    const { rows } = await readAllRows(file('kinds.xlsx'));
    expect(rows[0]?.cells).toEqual(['3673014101350001', 'SITI AMINAH', new Date(Date.UTC(1980, 0, 2)), 45, 'TRUE', '#N/A']);
    expect(rows[1]?.cells.slice(0, 2)).toEqual(['3673014101350002', 'BUDI']);
    expect(rows[1]?.cells[4]).toBe('FALSE');
  });

  it('reads hand-written XML: x: prefixes, missing r attributes, entities, phonetic runs, 1904 dates', async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:t>DAFTAR &amp; REKAP</x:t></x:is></x:c></x:row>
      <x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>TGL_LAHIR</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>STATUS</x:t></x:is></x:c></x:row>
      <x:row r="4"/>
      <x:row r="5"><x:c r="B5" t="str"><x:f>A1</x:f><x:v>3673014101350001</x:v></x:c><x:c r="C5" t="s"><x:v>2</x:v></x:c><x:c r="D5" s="1"><x:v>0</x:v></x:c><x:c r="E5" t="b"><x:v>1</x:v></x:c></x:row>
      <x:row><x:c r="B6" t="inlineStr"><x:is><x:r><x:t>LINE_x000D_</x:t></x:r><x:r><x:t xml:space="preserve"> TWO &#233;</x:t></x:r></x:is></x:c><x:c r="C6" t="e"><x:v>#REF!</x:v></x:c><x:c r="D6" t="d"><x:v>1985-03-12T00:00:00</x:v></x:c><x:c r="E6"><x:v>1.5E+3</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const sst = `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>NIK</x:t></x:si><x:si><x:t>NAMA</x:t></x:si>` +
      `<x:si><x:r><x:t>YAMADA </x:t></x:r><x:r><x:t>TARO</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ヤマダ</x:t></x:rPh></x:si></x:sst>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\-mmm\\-yy"/></numFmts>` +
      `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    await writeZip(file('prefixed.xlsx'), minimalXlsx({ sheets: [{ name: 'Lembar 1', xml: sheet }], sharedStrings: sst, styles, date1904: true }));
    const { reader, rows } = await readAllRows(file('prefixed.xlsx'));
    expect(reader.info).toMatchObject({ sheetName: 'Lembar 1', headerRow: 3, mapping: { nik: 1, name: 2, dob: 3, status: 4 } });
    expect(rows).toEqual([
      { row: 5, cells: [null, '3673014101350001', 'YAMADA TARO', new Date(Date.UTC(1904, 0, 1)), 'TRUE'] },
      { row: 6, cells: [null, 'LINE\r TWO é', '#REF!', new Date(Date.UTC(1985, 2, 12)), 1500] },
    ]);
  });

  it('prefers a visible sheet over a hidden one', async () => {
    const sheet = (name: string): string => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>3673014101350001</t></is></c><c r="B2" t="inlineStr"><is><t>${name}</t></is></c></row></sheetData></worksheet>`;
    await writeZip(file('hidden.xlsx'), minimalXlsx({ sheets: [{ name: 'Lama', xml: sheet('OLD'), hidden: true }, { name: 'Baru', xml: sheet('NEW') }] }));
    const { reader, rows } = await readAllRows(file('hidden.xlsx'));
    expect(reader.info.sheetName).toBe('Baru');
    expect(rows[0]?.cells[1]).toBe('NEW');
  });
});
