/**
 * The XLSX reader scans sheet XML itself for speed; exceljs's streaming reader is the
 * reference. On the same files both must deliver the same header and the same cells.
 */
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../../src/core/lists/list-reader';
import type { FoundHeader, RowSource } from '../../../src/core/lists/row-source';
import { openXlsxWithExceljs } from '../../oracles/xlsx-exceljs-reader';
import { openXlsx } from '../../../src/core/lists/xlsx-reader';
import { writeXlsxList, type XlsxListOptions } from '../../fixtures/write-list-files';
import { useTempDir } from './temp-dir';

const file = useTempDir();

async function drain(opened: { source: RowSource; header: FoundHeader; sheetName: string }): Promise<{ header: Omit<FoundHeader, 'pending'>; sheetName: string; rows: RawRow[] }> {
  const rows = [...opened.header.pending];
  for (let r = await opened.source.next(); r !== null; r = await opened.source.next()) rows.push(...r);
  await opened.source.close();
  const { pending: _pending, ...header } = opened.header;
  return { header, sheetName: opened.sheetName, rows: rows.filter((r) => r.cells.some((c) => c !== null)) };
}

const cases: [string, XlsxListOptions][] = [
  ['hand-made list with titles, damage and trailer rows', {
    count: 1500, seed: 11, titleRows: ['DAFTAR PESERTA', 'BULAN: MARET 2025'], mergeTitle: true, blankRowAfterTitle: true,
    nikAsNumber: true, cardAsNumber: true, totalsRow: true, signatureRows: true,
  }],
  ['DTKS extract with inline strings and text dates', { count: 800, seed: 12, layout: 'dtks', dates: 'text', sharedStrings: false }],
  ['BPJS extract after a cover sheet', {
    count: 800, seed: 13, layout: 'bpjs', sheetName: 'Peserta', sheetsBefore: [{ name: 'Info', rows: [['Sumber: BPJS'], [2025]] }],
  }],
];

describe('XLSX reader vs exceljs', () => {
  it.each(cases)('%s', async (name, opts) => {
    const path = file(`${name.replace(/\W+/g, '-')}.xlsx`);
    await writeXlsxList(path, opts);
    const size = (await stat(path)).size;
    const ours = await drain(await openXlsx(path, size, undefined));
    const reference = await drain(await openXlsxWithExceljs(path, undefined));
    expect(ours.header).toEqual(reference.header);
    expect(ours.sheetName).toBe(reference.sheetName);
    expect(ours.rows.length).toBe(reference.rows.length);
    expect(ours.rows).toEqual(reference.rows);
  });
});
