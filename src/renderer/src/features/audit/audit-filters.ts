import type { AuditAction, AuditVerifyResult } from '../../../../shared/audit';
import type { MethodInput } from '../../../../shared/contract';

// The audit screen's filters, its page query and its chain summary. How an entry is worded (its
// detail, action and clerk) is shared with the core's export: src/shared/audit-detail.ts.

/** Entries per page of the audit screen. */
export const AUDIT_PAGE = 50;

export interface AuditFilters {
  /** Local dates, '' for open. */
  from: string;
  to: string;
  action: AuditAction | '';
  actor: string;
  /** A NIK or card number: who looked this person up. */
  person: string;
}

export const NO_FILTERS: AuditFilters = { from: '', to: '', action: '', actor: '', person: '' };

/** The person filter takes a NIK (16 digits) or a card number (9–13 digits), separators allowed. */
export function personProblem(person: string): 'person-invalid' | null {
  if (person.trim() === '') return null;
  const digits = person.replace(/[\s.\-\u2013]/g, '');
  return /^\d{9,13}$|^\d{16}$/.test(digits) ? null : 'person-invalid';
}

/** The contract query of the filters (empty ones left out), for the page after `before`. */
export function auditQuery(filters: AuditFilters, before?: number): MethodInput<'auditEntries'> {
  return {
    limit: AUDIT_PAGE,
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor.trim() ? { actor: filters.actor.trim() } : {}),
    ...(filters.person.trim() ? { person: filters.person.trim() } : {}),
    ...(before !== undefined ? { before } : {}),
  };
}

export interface Worded {
  key: string;
  params: Record<string, string | number>;
}

/** "Verify chain" in words: whole (how many, and against the hub's head), or where it broke and why. */
export function verifySummary(result: AuditVerifyResult): Worded & { tone: 'ok' | 'bad' } {
  if (result.ok) {
    return result.hubHead
      ? { tone: 'ok', key: 'audit.verifyOkHub', params: { entries: result.entries, seq: result.hubHead.seq } }
      : { tone: 'ok', key: 'audit.verifyOk', params: { entries: result.entries } };
  }
  return { tone: 'bad', key: 'audit.verifyBroken', params: { seq: result.firstBroken ?? 0, entries: result.entries, reason: result.reason ?? 'hash' } };
}

/** "audit-2026-11-01_2026-11-30.csv" */
export function auditFileName(from: string, to: string, format: 'csv' | 'xlsx'): string {
  return `audit-${from}_${to}.${format}`;
}
