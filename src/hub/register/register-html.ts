import { createHash } from 'node:crypto';
import { formatMessage } from '../../shared/i18n/messages';
import type { FacilityDays } from './reports';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const STYLE = `body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;font-size:12px;margin-bottom:1.5em}td,th{border:1px solid #999;padding:2px 6px;text-align:left}`;
export const REGISTER_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'`;

function table(head: string[], rows: (string | number | null)[][]): string {
  const cells = (row: (string | number | null)[], tag: string): string => `<tr>${row.map((c) => `<${tag}>${escapeHtml(c === null ? '' : String(c))}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${cells(head, 'th')}</thead><tbody>${rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`;
}

/** A printable page of the facility's register, recap and equal-service lines (column heads are field names, the same as the JSON). */
export function registerHtml(from: string, to: string, days: FacilityDays): string {
  const title = `${formatMessage('id', 'register/title', { from, to })} / ${formatMessage('en', 'register/title', { from, to })}`;
  const register = table(
    ['serviceDate', 'queue', 'unit', 'emergency', 'mrn', 'name', 'payer', 'status', 'registeredAt', 'calledAt', 'waitMinutes', 'registeredBy', 'counter'],
    days.register.map((r) => [r.serviceDate, r.queue, r.unit, r.emergency ? 'IGD' : '', r.mrn, r.name, r.payer, r.status, r.registeredAt, r.calledAt, r.waitMinutes, r.registeredBy, r.counter]),
  );
  const byUnit = table(['unit', 'visits'], Object.entries(days.recap.byUnit));
  const byPayer = table(['payer', 'visits'], Object.entries(days.recap.byPayer));
  const equal = table(['unit', 'payer', 'visits', 'medianWaitMinutes', 'p90WaitMinutes'], days.equalService.lines.map((l) => [l.unit, l.payer, l.visits, l.medianWaitMinutes, l.p90WaitMinutes]));
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>total ${days.recap.total} · IGD ${days.recap.emergencies} · cancelled ${days.recap.cancelled}</p>
${byUnit}${byPayer}${equal}${register}</body></html>`;
}
