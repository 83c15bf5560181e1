import { queueLabel } from '../../shared/settings';
import { toErrorPayload } from '../errors';
import type { Db } from '../store/open-database';
import { appendAudit, appendAuditSoon, type AuditRecord } from './audit-log.repo';
import { auditActor, type AuditContext } from './audit-actor';
import { auditRules, type AuditLookups, type AuditNote, type AuditRule } from './audit-rules';
import type { Loose } from './audit-input';

/** How long a likely-duplicate warning counts as "shown" for the record made after it. */
const DUPLICATE_WARNING_MS = 30 * 60_000;

/**
 * Wraps the core's methods so each call that matters is recorded in the audit trail, whoever
 * calls (the app, the browser harness, the `loket` command): the rules (audit-rules.ts) say what.
 * The call's own outcome is never changed: a trail that cannot be written is reported on the
 * console and the call still answers (an emergency is never held up by bookkeeping).
 */
export function auditedMethods<T extends object>(ctx: AuditContext, methods: T, rules: Record<string, AuditRule> = auditRules(() => ctx.settings())): T {
  const record = auditRecorder(ctx.db, ctx.now);
  const lookups = auditLookups(ctx);
  const wrapped: Record<string, unknown> = { ...(methods as Record<string, unknown>) };
  for (const [name, rule] of Object.entries(rules)) {
    const method = (methods as Record<string, unknown>)[name];
    if (typeof method !== 'function') continue;
    const call = method as (input: unknown) => Promise<unknown>;
    wrapped[name] = async (input: unknown): Promise<unknown> => {
      const actorBefore = auditActor(ctx);
      const before = rule.snapshot?.(input, lookups);
      const write = (ok: boolean, value: unknown, errorCode: string | null): void => {
        try {
          record(rule.notes({ method: name, input, ok, value, errorCode, actorBefore, before }, lookups), actorBefore);
        } catch (error) {
          console.error(`audit: ${name} not recorded: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      let value: unknown;
      try {
        value = await call(input);
      } catch (error) {
        write(false, undefined, toErrorPayload(error).key);
        throw error;
      }
      write(true, value, null);
      return value;
    };
  }
  return wrapped as T;
}

/** Writes a method's notes, stamped with the core's clock. */
export function auditRecorder(db: Db, now: () => Date): (notes: AuditNote[], actor: string) => void {
  return (notes, actor) => {
    const at = now().toISOString();
    for (const note of notes) {
      const entry: AuditRecord = { at, actor: note.actor ?? actor, action: note.action, subject: note.subject ?? null, detail: note.detail ?? {} };
      // A look-up's entry is written once its answer has gone, without a disk sync (appendAuditSoon).
      if (note.action === 'lookup') appendAuditSoon(db, entry);
      else appendAudit(db, entry);
    }
  };
}

/**
 * A call dispatch refused before the core saw it (no session, or a role that may not call it):
 * recorded with the method and the code, so a refused export is on record. For dispatch's
 * access check (accounts) to call, through the core (Core.recordRefusal), which gives its own
 * clock: a refusal sits in the trail's order of time like the entries around it.
 */
export function auditRefusal(db: Db, actor: string, method: string, code: string, now: Date): void {
  const action = method.startsWith('export') || method === 'backupDatabase' ? 'export' : 'refused';
  auditRecorder(db, () => now)([{ action, detail: { method, ok: false, error: code } }], actor);
}

function auditLookups(ctx: AuditContext): AuditLookups {
  const warned = new Map<string, number>();
  const keyOf = (name: string | undefined, dob: string | null | undefined): string => `${(name ?? '').trim().toLowerCase().replace(/\s+/g, ' ')}|${dob ?? ''}`;
  const mrn = (sql: string, id: number | undefined): string | null =>
    id === undefined ? null : ((ctx.db.prepare(sql).get(id) as { mrn: string } | undefined)?.mrn ?? null);
  return {
    mrnOfPatient: (id) => mrn('SELECT mrn FROM patients WHERE id = ?', id),
    mrnOfVisit: (id) => mrn('SELECT p.mrn FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?', id),
    patientOfVisit: (id) =>
      id === undefined
        ? null
        : ((ctx.db.prepare('SELECT p.mrn, p.name, p.nik, p.card, p.dob, p.sex, p.address FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(id) as Loose | undefined) ?? null),
    visitOf(id) {
      if (id === undefined) return null;
      const row = ctx.db.prepare('SELECT v.status, v.queue_prefix AS prefix, v.queue_no AS no, v.unit, p.mrn FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(id) as
        | { status: string; prefix: string; no: number; unit: string; mrn: string }
        | undefined;
      return row ? { status: row.status, queue: queueLabel(row.prefix, row.no), unit: row.unit, mrn: row.mrn } : null;
    },
    registrarOfVisit: (id) =>
      id === undefined ? null : ((ctx.db.prepare('SELECT registered_by FROM visits WHERE id = ?').pluck().get(id) as string | undefined) ?? null),
    warnedDuplicate(name, dob) {
      const at = warned.get(keyOf(name, dob));
      return at !== undefined && ctx.now().getTime() - at <= DUPLICATE_WARNING_MS;
    },
    noteDuplicateWarning(name, dob) {
      warned.set(keyOf(name, dob), ctx.now().getTime());
    },
  };
}
