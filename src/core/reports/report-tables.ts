import { actorText } from '../../shared/audit-detail';
import { auditWording } from '../../shared/audit-wording';
import { PAYERS } from '../../shared/counter';
import type { Lang } from '../../shared/i18n/messages';
import type { EqualServiceReport, Recap, RegisterRow } from '../../shared/reports';
import { unitNameIn, type ServiceUnit } from '../../shared/settings';
import { EXPORT_WORDS } from './export-words';
import { localDateTime, type Cell, type Table } from '../export/table-writer';

/**
 * What an export is written for: the caller's language (each call says it; two windows in two
 * languages never overwrite each other), the facility's time zone and its unit names, those of
 * units since removed from the settings included (an old visit names its unit as it was).
 */
export interface ExportContext {
  lang: Lang;
  timeZone: string;
  units: readonly ServiceUnit[];
  formerUnits?: readonly ServiceUnit[] | undefined;
}

const unitNameOf = (ctx: ExportContext, code: string): string => unitNameIn(ctx, code);

export function registerTable(rows: readonly Omit<RegisterRow, 'visitId'>[], ctx: ExportContext): Table {
  const w = EXPORT_WORDS[ctx.lang];

  // The clerk as the audit trail's screen and export name them: an account by its username, what no
  // account did (an emergency with nobody signed in, the `loket` command) in the file's words.
  const clerks = auditWording(ctx.lang);
  return {
    sheet: w.sheet.register,
    headers: w.register,
    rows: rows.map((r) => {
      // One row, one clock: the zone the visit was filed under (reporttester F1).
      const at = (iso: string | null): string | null => localDateTime(iso, r.timeZone ?? ctx.timeZone);
      return [
      r.serviceDate,
      r.queue,
      unitNameOf(ctx, r.unit),
      r.emergency ? w.yes : '',
      r.mrn,
      r.name,
      r.firstVisit === null ? '' : r.firstVisit ? w.visitKind.first : w.visitKind.returning,
      w.payer[r.payer],
      w.status[r.status],
      at(r.registeredAt),
      at(r.calledAt),
      at(r.servedAt),
      at(r.cancelledAt),
      r.waitMinutes,
      actorText(r.registeredBy, clerks),
      ];
    }),
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

/** The recap as group / item / visits lines: totals (new and returning among them), then by unit, payer (every payer), date and hour. */
export function recapTable(recap: Recap, ctx: ExportContext): Table {
  const w = EXPORT_WORDS[ctx.lang];
  const g = w.recapGroup;
  const pad = (h: string): string => h.padStart(2, '0');
  const rows: Cell[][] = [
    [g.total, `${recap.from} – ${recap.to}`, recap.total],
    [g.emergencies, '', recap.emergencies],
    [g.cancelled, '', recap.cancelled],
    [g.newVisits, '', recap.newVisits],
    [g.returningVisits, '', recap.returningVisits],
    ...Object.entries(recap.byUnit).map(([u, n]): Cell[] => [g.unit, unitNameOf(ctx, u), n]),
    ...PAYERS.map((p): Cell[] => [g.payer, w.payer[p], recap.byPayer[p] ?? 0]),
    ...Object.entries(recap.byDay).sort(([a], [b]) => a.localeCompare(b)).map(([d, n]): Cell[] => [g.day, d, n]),
    ...Object.entries(recap.byHour)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([h, n]): Cell[] => [g.hour, `${pad(h)}:00–${pad(String(Number(h) + 1))}:00`, n]),
  ];
  return { sheet: w.sheet.recap, headers: w.recap, rows };
}
