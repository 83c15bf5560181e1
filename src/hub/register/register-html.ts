import { createHash } from 'node:crypto';
import { formatMessage, type Lang } from '../../shared/i18n/messages';
import type { ServiceUnit } from '../../shared/settings';
import { equalServiceTable, recapTable, registerTable, type ExportContext } from '../../core/reports/report-tables';
import type { Cell, Table } from '../../core/export/table-writer';
import type { FacilityDays } from './reports';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const STYLE = `body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;font-size:12px;margin-bottom:1.5em}td,th{border:1px solid #999;padding:2px 6px;text-align:left}`;
export const REGISTER_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'`;

/** The counter column the counters' own register has no need of: which counter registered the visit. */
const COUNTER_HEAD: Record<Lang, string> = { id: 'Loket', en: 'Counter' };

function table({ headers, rows }: Pick<Table, 'headers' | 'rows'>): string {
  const cells = (row: readonly Cell[], tag: string): string => `<tr>${row.map((c) => `<${tag}>${escapeHtml(c === null ? '' : String(c))}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${cells(headers, 'th')}</thead><tbody>${rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`;
}

/**
 * A printable page of the facility's register, recap and equal-service lines, in the reader's
 * language: the same words, payer names, unit names and local times as the counters' own report
 * exports (core/reports/report-tables.ts), plus the counter that registered each visit by name.
 */
export function registerHtml(from: string, to: string, days: FacilityDays, page: { lang: Lang; timeZone: string; units: readonly ServiceUnit[] }): string {
  const ctx: ExportContext = { lang: page.lang, timeZone: page.timeZone, units: page.units };
  const title = formatMessage(page.lang, 'register/title', { from, to });
  const register = registerTable(days.register, ctx);
  const withCounter = {
    headers: [...register.headers, COUNTER_HEAD[page.lang]],
    rows: register.rows.map((row, i) => [...row, days.register[i]!.counterName ?? days.register[i]!.counter]),
  };
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${table(recapTable(days.recap, ctx))}${table(equalServiceTable(days.equalService, ctx))}${table(withCounter)}</body></html>`;
}
