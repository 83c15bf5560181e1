import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { formatMessage } from '../../shared/i18n/messages';
import { queueLabel } from '../../shared/settings';
import { facilityTimeZone } from './reports';

/** One number on a queue display: no NIK, no RM, no payer, the name cut to initials. */
export interface DisplayEntry {
  queue: string;
  initials: string;
  emergency: boolean;
}
export interface QueueDisplay {
  unit: string;
  serviceDate: string;
  called: DisplayEntry[];
  waiting: DisplayEntry[];
}

/** "SITI NUR HALIZA" → "S. N. H.": enough for a patient to know their number, nothing for others. */
export function initialsOf(name: string): string {
  return name.trim().split(/\s+/).filter(Boolean).slice(0, 3).map((word) => `${[...word][0]!.toUpperCase()}.`).join(' ');
}

export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Today's called and waiting numbers of one unit: emergencies first, then the latest call (a call
 * again counts) / the order of arrival, on the hub's clock (`queue_at` when the registering
 * counter's clock was off; src/shared/queue-clock.ts).
 */
export async function queueDisplay(pool: Pool, unit: string, now: Date): Promise<QueueDisplay> {
  const serviceDate = localDate(now, await facilityTimeZone(pool));
  const { rows } = await pool.query<{ prefix: string; no: number; name: string; emergency: boolean; status: string }>(
    `SELECT v.queue_prefix AS prefix, v.queue_no AS no, p.name, v.emergency, v.status
     FROM visits v JOIN patients p ON p.uid = v.patient_uid
     WHERE v.service_date = $1 AND v.unit = $2 AND v.status IN ('called', 'waiting')
     ORDER BY v.emergency DESC, GREATEST(v.called_at::timestamptz, v.recalled_at::timestamptz) DESC NULLS LAST, COALESCE(v.queue_at, v.registered_at)::timestamptz, v.queue_no`,
    [serviceDate, unit],
  );
  const entry = (r: (typeof rows)[number]): DisplayEntry => ({ queue: queueLabel(r.prefix, r.no), initials: initialsOf(r.name), emergency: r.emergency });
  return { unit, serviceDate, called: rows.filter((r) => r.status === 'called').map(entry), waiting: rows.filter((r) => r.status === 'waiting').map(entry) };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const both = (key: Parameters<typeof formatMessage>[1], params: Record<string, string> = {}): string =>
  `${escapeHtml(formatMessage('id', key, params))} <span class="en">${escapeHtml(formatMessage('en', key, params))}</span>`;

/** Large type for a TV across a waiting room; the style's hash is the only thing the CSP allows. */
const STYLE = `body{margin:0;font-family:sans-serif;background:#0b1d2a;color:#fff}h1{font-size:5vw;margin:2vh 3vw}h2{font-size:3.5vw;margin:2vh 3vw 1vh;color:#9fd3ff}
ol{list-style:none;margin:0 3vw;padding:0;display:flex;flex-wrap:wrap;gap:2vw}li{background:#173a52;border-radius:1vw;padding:1.5vh 2vw;font-size:4vw;font-weight:bold}
li.called{background:#1f7a3a;font-size:6vw}li.emergency{background:#b3261e}li small{display:block;font-size:2vw;font-weight:normal}.en{opacity:.7;font-size:.6em}p{font-size:3vw;margin:2vh 3vw}`;
export const DISPLAY_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
export const DISPLAY_REFRESH_SECONDS = 5;

function list(entries: DisplayEntry[], kind: 'called' | 'waiting'): string {
  if (entries.length === 0) return `<p>${both('display/none')}</p>`;
  const items = entries.map((e) => `<li class="${kind}${e.emergency ? ' emergency' : ''}">${escapeHtml(e.queue)}<small>${escapeHtml(e.initials)}${e.emergency ? ` · ${both('display/emergency')}` : ''}</small></li>`);
  return `<ol>${items.join('')}</ol>`;
}

/** The page itself: reloads every few seconds (meta refresh; no script needed). */
export function queueDisplayHtml(display: QueueDisplay): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${DISPLAY_REFRESH_SECONDS}">
<meta name="viewport" content="width=device-width"><title>${escapeHtml(formatMessage('id', 'display/title', { unit: display.unit }))}</title><style>${STYLE}</style></head>
<body><h1>${both('display/title', { unit: display.unit })}</h1>
<h2>${both('display/called')}</h2>${list(display.called, 'called')}
<h2>${both('display/waiting')}</h2>${list(display.waiting, 'waiting')}
</body></html>`;
}
