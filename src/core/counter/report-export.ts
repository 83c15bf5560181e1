import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { PAYERS } from '../../shared/counter';
import type { Lang } from '../../shared/i18n/messages';
import type { EqualServiceReport, Recap, RegisterRow } from '../../shared/reports';
import type { ServiceUnit } from '../../shared/settings';
import { EXPORT_WORDS } from './export-words';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;
export interface Table {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

/**
 * What an export is written for: the caller's language (each call says it; two windows in two
 * languages never overwrite each other), the facility's time zone and its unit names.
 */
export interface ExportContext {
  lang: Lang;
  timeZone: string;
  units: readonly ServiceUnit[];
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

const unitNameOf = (ctx: ExportContext, code: string): string => ctx.units.find((u) => u.code === code)?.name ?? code;

export function registerTable(rows: readonly RegisterRow[], ctx: ExportContext): Table {
  const w = EXPORT_WORDS[ctx.lang];
  const at = (iso: string | null): string | null => localDateTime(iso, ctx.timeZone);
  return {
    sheet: w.sheet.register,
    headers: w.register,
    rows: rows.map((r) => [
      r.serviceDate,
      r.queue,
      unitNameOf(ctx, r.unit),
      r.emergency ? w.yes : '',
      r.mrn,
      r.name,
      w.payer[r.payer],
      w.status[r.status],
      at(r.registeredAt),
      at(r.calledAt),
      at(r.servedAt),
      r.waitMinutes,
      r.registeredBy,
    ]),
  };
}

export function equalServiceTable(report: EqualServiceReport, ctx: ExportContext): Table {
  const w = EXPORT_WORDS[ctx.lang];
  return {
    sheet: w.sheet.equal,
    headers: w.equal,
    rows: report.lines.map((l) => [unitNameOf(ctx, l.unit), w.payer[l.payer], l.visits, l.medianWaitMinutes, l.p90WaitMinutes]),
  };
}

/** The recap as group / item / visits lines: totals, then by unit, payer (every payer), date and hour. */
export function recapTable(recap: Recap, ctx: ExportContext): Table {
  const w = EXPORT_WORDS[ctx.lang];
  const g = w.recapGroup;
  const pad = (h: string): string => h.padStart(2, '0');
  const rows: Cell[][] = [
    [g.total, `${recap.from} – ${recap.to}`, recap.total],
    [g.emergencies, '', recap.emergencies],
    [g.cancelled, '', recap.cancelled],
    ...Object.entries(recap.byUnit).map(([u, n]): Cell[] => [g.unit, unitNameOf(ctx, u), n]),
    ...PAYERS.map((p): Cell[] => [g.payer, w.payer[p], recap.byPayer[p] ?? 0]),
    ...Object.entries(recap.byDay).sort(([a], [b]) => a.localeCompare(b)).map(([d, n]): Cell[] => [g.day, d, n]),
    ...Object.entries(recap.byHour)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([h, n]): Cell[] => [g.hour, `${pad(h)}:00–${pad(String(Number(h) + 1))}:00`, n]),
  ];
  return { sheet: w.sheet.recap, headers: w.recap, rows };
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
