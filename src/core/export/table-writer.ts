import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';

/**
 * The one table writer every export uses (reports, the bridge log, rejected rows): a sheet name,
 * headers and rows of plain cells, written as CSV or XLSX. It knows nothing of what the table holds.
 */
export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;
export interface Table {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

/** "2026-11-23 08:05": a UTC instant as the facility's wall clock reads it (null stays empty). */
export function localDateTime(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Writes a table as CSV (UTF-8 with BOM and ';', as Excel in an Indonesian locale opens it) or XLSX. */
export async function writeTable(path: string, format: ExportFormat, table: Table): Promise<void> {
  if (format === 'csv') {
    const line = (cells: readonly Cell[]): string => cells.map(csvCell).join(';');
    await writeFile(path, `\ufeff${[line(table.headers), ...table.rows.map(line)].join('\r\n')}\r\n`, 'utf8');
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 16));
  await workbook.xlsx.writeFile(path);
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
