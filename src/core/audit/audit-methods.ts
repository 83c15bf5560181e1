import type { AuditEntriesQuery, AuditPage } from '../../shared/audit';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core-types';
import { savePurposeOf } from '../files/file-handles';
import { readAudit, type AuditFilter } from './audit-log.repo';
import { writeAuditTable } from './audit-export';
import { endOfLocalDay, startOfLocalDay } from './local-day';
import { lookup } from '../lookup/lookup';
import { lookupContextOf } from '../lookup/lookup-methods';
import { queryKeyOf } from './query-key';
import { verifyAuditTrail } from './verify';

/** At most this many entries go into one export file (a year of a busy counter). */
const EXPORT_LIMIT = 1_000_000;

/** The contract's audit methods: read (paged), verify, export. Who may call them: METHOD_ACCESS 'audit'. */
export function auditMethods(ctx: CoreContext): Pick<CoreMethods, 'auditEntries' | 'verifyAudit' | 'exportAudit'> {
  return {
    async auditEntries(query) {
      const filter = { ...auditFilter(ctx, query), limit: query.limit + 1 };
      const rows = readAudit(ctx.db, filter);
      const entries = rows.slice(0, query.limit);
      const page: AuditPage = { entries, nextBefore: rows.length > query.limit ? entries.at(-1)!.seq : null };
      return page;
    },
    async verifyAudit() {
      return verifyAuditTrail(ctx.db);
    },
    async exportAudit({ from, to, format, file, lang = 'id' }) {
      const { path, name } = ctx.files.resolve(file, savePurposeOf(format));
      const entries = readAudit(ctx.db, { ...auditFilter(ctx, { from, to }), limit: EXPORT_LIMIT }).reverse();
      const rows = await writeAuditTable(path, format, entries, lang, ctx.timeZone(), ctx.settings().units);
      return { name, rows };
    },
  };
}

/** The filter of a query: local dates to instants, a person (NIK or card) to their records and queries. */
export function auditFilter(ctx: CoreContext, query: Partial<AuditEntriesQuery>): Omit<AuditFilter, 'limit'> {
  const zone = ctx.timeZone();
  const filter: Omit<AuditFilter, 'limit'> = {};
  if (query.from) filter.fromAt = startOfLocalDay(query.from, zone).toISOString();
  if (query.to) filter.toAt = endOfLocalDay(query.to, zone).toISOString();
  if (query.actor) filter.actor = query.actor;
  if (query.action) filter.action = query.action;
  if (query.before) filter.before = query.before;
  const subjects = query.subject ? [query.subject] : [];
  if (query.person) {
    const keys = personKeysOf(ctx, query.person);
    filter.personKeys = keys;
    const list = keys.map(() => '?').join(', ');
    const records = ctx.db.prepare(`SELECT mrn FROM patients WHERE nik IN (${list}) OR card IN (${list})`).all(...keys, ...keys) as { mrn: string }[];
    subjects.push(...records.map((r) => r.mrn));
    filter.subjects = subjects;
  } else if (query.subject) {
    filter.subjects = subjects;
  }
  return filter;
}

/**
 * The numbers a person goes by: the NIK or card given (however typed; a card padded to 13), and
 * the other one where this facility's records or the current lists hold both, so the look-ups
 * made by card are found by the NIK on the person's KTP, and the other way round.
 */
function personKeysOf(ctx: CoreContext, person: string): string[] {
  const key = queryKeyOf(person) ?? person.replace(/\D/g, '');
  const keys = new Set([key]);
  const add = (nik: string | null, card: string | null): void => {
    if (nik) keys.add(nik);
    if (card) keys.add(card);
  };
  for (const r of ctx.db.prepare('SELECT nik, card FROM patients WHERE nik = ? OR card = ?').all(key, key) as { nik: string | null; card: string | null }[]) add(r.nik, r.card);
  if (queryKeyOf(key) !== null) for (const m of lookup(lookupContextOf(ctx), key).matches) if (m.confidence === 'exact') add(m.nik, m.card);
  return [...keys];
}
