import { loadExcelJS } from './load-exceljs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { LoketError } from '../errors';
import { privateTarget } from '../store/private-files';
import { csvCell, xlsxSheetName, xlsxValue, type Cell, type ExportFormat } from './table-writer';

/** Rows below the header a worksheet can hold (Excel's limit is 1,048,576 rows in all). */
export const XLSX_MAX_ROWS = 1_048_575;

export interface StreamedTable {
  sheet: string;
  headers: string[];
  /** Read one at a time: a list of millions of members is never held in memory. */
  rows: Iterable<Cell[]>;
  /** How many rows `rows` yields, known before writing (an XLSX sheet has a limit). */
  count: number;
}

/**
 * writeTable for tables too large to hold (a list's members): the same cells, neutralized and
 * quoted by the same functions, streamed to the file. Answers the number of rows written.
 * An XLSX of more rows than a sheet holds is refused before a byte is written (`export/too-many-rows`).
 */
export async function writeTableStream(path: string, format: ExportFormat, table: StreamedTable): Promise<number> {
  if (format === 'xlsx' && table.count > XLSX_MAX_ROWS) throw new LoketError('export/too-many-rows', { rows: table.count, max: XLSX_MAX_ROWS });
  privateTarget(path);
  return format === 'csv' ? writeCsv(path, table) : writeXlsx(path, table);
}

/** Chunks of 64 KiB, above the stream's high-water mark: each write waits for 'drain', so the counter's other calls run in between. */
async function writeCsv(path: string, table: StreamedTable): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const finished = once(out, 'finish');
  let written = 0;
  try {
    let chunk = `\ufeff${table.headers.map(csvCell).join(';')}\r\n`;
    for (const row of table.rows) {
      chunk += `${row.map(csvCell).join(';')}\r\n`;
      written++;
      if (chunk.length >= 1 << 16) {
        await writeChunk(out, chunk);
        chunk = '';
      }
    }
    out.end(chunk);
    await finished;
    return written;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

async function writeChunk(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function writeXlsx(path: string, table: StreamedTable): Promise<number> {
  const workbook = new (loadExcelJS()).stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(xlsxSheetName(table.sheet));
  sheet.columns = table.headers.map(() => ({ width: 16 }));
  const add = (cells: readonly Cell[], bold: boolean): void => {
    const row = sheet.addRow(cells.map(xlsxValue));
    cells.forEach((value, i) => {
      if (typeof value === 'string') row.getCell(i + 1).numFmt = '@';
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  add(table.headers, true);
  let written = 0;
  for (const row of table.rows) {
    add(row, false);
    // The writer has no backpressure: let its zip stream reach the disk, and the counter's other
    // calls run, every few hundred rows (about 0.1 s of work on an old PC).
    if (++written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
