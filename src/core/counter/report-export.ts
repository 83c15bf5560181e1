import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../shared/i18n/messages';
import type { EqualServiceReport, RegisterRow } from '../../shared/reports';

export type ExportFormat = 'csv' | 'xlsx';
type Cell = string | number | null;
interface Table {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

const HEADERS: Record<Lang, { register: string[]; equal: string[]; payer: Record<string, string> }> = {
  id: {
    register: ['Tanggal', 'No. antrean', 'Unit', 'Gawat darurat', 'No. RM', 'Nama', 'Penjamin', 'Status', 'Daftar', 'Dipanggil', 'Selesai', 'Tunggu (menit)', 'Petugas'],
    equal: ['Unit', 'Penjamin', 'Kunjungan', 'Median tunggu (menit)', 'Persentil 90 tunggu (menit)'],
    payer: { jkn: 'JKN', umum: 'Umum', pending: 'Penjamin menyusul' },
  },
  en: {
    register: ['Date', 'Queue no.', 'Unit', 'Emergency', 'Record no.', 'Name', 'Payer', 'Status', 'Registered', 'Called', 'Served', 'Wait (minutes)', 'Clerk'],
    equal: ['Unit', 'Payer', 'Visits', 'Median wait (minutes)', '90th percentile wait (minutes)'],
    payer: { jkn: 'JKN', umum: 'Self-pay', pending: 'Payer pending' },
  },
};

export function registerTable(rows: readonly RegisterRow[], lang: Lang): Table {
  const h = HEADERS[lang];
  return {
    sheet: 'Register',
    headers: h.register,
    rows: rows.map((r) => [r.serviceDate, r.queue, r.unit, r.emergency ? 'Ya' : '', r.mrn, r.name, h.payer[r.payer] ?? r.payer, r.status, r.registeredAt, r.calledAt, r.servedAt, r.waitMinutes, r.registeredBy]),
  };
}

export function equalServiceTable(report: EqualServiceReport, lang: Lang): Table {
  const h = HEADERS[lang];
  return {
    sheet: lang === 'id' ? 'Layanan setara' : 'Equal service',
    headers: h.equal,
    rows: report.lines.map((l) => [l.unit, h.payer[l.payer] ?? l.payer, l.visits, l.medianWaitMinutes, l.p90WaitMinutes]),
  };
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
