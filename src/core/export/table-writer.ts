import type * as ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import { writeFile } from 'node:fs/promises';
import { privateTarget } from '../store/private-files';
import { neutralizeFormula, xmlSafe } from './safe-cell';

/**
 * The one table writer every export uses (reports, the bridge log, rejected rows, list members):
 * a sheet name, headers and rows of plain cells, written as CSV or XLSX. It knows nothing of what
 * the table holds, and so trusts none of it: every text cell a spreadsheet could run as a formula
 * is neutralized (safe-cell.ts); numbers stay numbers.
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
  privateTarget(path);
  if (format === 'csv') {
    const line = (cells: readonly Cell[]): string => cells.map(csvCell).join(';');
    await writeFile(path, `\ufeff${[line(table.headers), ...table.rows.map(line)].join('\r\n')}\r\n`, 'utf8');
    return;
  }
  const workbook = new (loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(xlsxSheetName(table.sheet));
  addXlsxRow(sheet, table.headers).font = { bold: true };
  for (const row of table.rows) addXlsxRow(sheet, row);
  sheet.columns.forEach((column) => (column.width = 16));
  await workbook.xlsx.writeFile(path);
}

/**
 * Text cells are string cells in the Text number format ('@'): never a formula, and one a person
 * edits later stays text. Numbers are numbers.
 */
function addXlsxRow(sheet: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  const row = sheet.addRow(cells.map(xlsxValue));
  cells.forEach((value, i) => {
    if (typeof value === 'string') row.getCell(i + 1).numFmt = '@';
  });
  return row;
}

/** A cell's value as an XLSX cell holds it: text neutralized and fit for XML, numbers as they are. */
export const xlsxValue = (value: Cell): string | number | null => (typeof value === 'string' ? xmlSafe(neutralizeFormula(value)) : value);

/** Excel's rules for a sheet name (a list's name may be anything): at most 31 characters, no backslash, slash, ?, *, [, ] or :, no edge apostrophe. */
export function xlsxSheetName(name: string): string {
  const fitted = Array.from(xmlSafe(name).replace(/[\\/?*[\]:]/g, '_')).slice(0, 31).join('').replace(/^'+|'+$/g, '').trim();
  return fitted || 'Sheet1';
}

/**
 * A field is quoted when it holds the separator, a comma (a spreadsheet in an English locale
 * splits on it), a quote, a line break or edge spaces; formula text is neutralized first.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return /[";,\r\n\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
