import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE, NO_FILTERS, auditFileName, auditQuery, detailLine, personProblem, verifySummary } from '../../../src/renderer/src/features/audit/audit-view';
import { auditEn } from '../../../src/renderer/src/i18n/messages-en-audit';
import { auditId } from '../../../src/renderer/src/i18n/messages-id-audit';
import { AUDIT_ACTIONS, type AuditEntryView } from '../../../src/shared/audit';

const entry = (action: string, detail: AuditEntryView['detail']): AuditEntryView => ({ seq: 1, at: '2026-11-30T02:00:00.000Z', actor: 'ani', action, subject: null, detail });

describe('the audit screen, without a window', () => {
  it('asks for a page with only the filters given, trimmed', () => {
    expect(auditQuery(NO_FILTERS)).toEqual({ limit: AUDIT_PAGE });
    expect(auditQuery({ from: '2026-11-01', to: '', action: 'lookup', actor: ' ani ', person: ' 3673015203850003 ' }, 120)).toEqual({
      limit: AUDIT_PAGE,
      from: '2026-11-01',
      action: 'lookup',
      actor: 'ani',
      person: '3673015203850003',
      before: 120,
    });
  });

  it('takes a NIK or a card number (separators allowed) as the person, nothing else', () => {
    expect(personProblem('')).toBeNull();
    expect(personProblem('3673-0152-0385-0003')).toBeNull();
    expect(personProblem('1336526592')).toBeNull();
    expect(personProblem('0001336526592')).toBeNull();
    expect(personProblem('Siti')).toBe('person-invalid');
    expect(personProblem('12345')).toBe('person-invalid');
    expect(personProblem('36730152038500031')).toBe('person-invalid');
  });

  it('says the chain check in words: whole, whole against the hub, or where and why it broke', () => {
    const base = { head: { seq: 9, hash: 'h' }, hubHead: null, firstBroken: null, reason: null } as const;
    expect(verifySummary({ ...base, ok: true, entries: 9 })).toEqual({ tone: 'ok', key: 'audit.verifyOk', params: { entries: 9 } });
    expect(verifySummary({ ...base, ok: true, entries: 9, hubHead: { seq: 7, hash: 'x' } })).toEqual({ tone: 'ok', key: 'audit.verifyOkHub', params: { entries: 9, seq: 7 } });
    expect(verifySummary({ ...base, ok: false, entries: 4, firstBroken: 4, reason: 'gap' })).toEqual({ tone: 'bad', key: 'audit.verifyBroken', params: { seq: 4, entries: 4, reason: 'gap' } });
  });

  it('words the common details and masks identifiers in a query', () => {
    expect(detailLine(entry('lookup', { method: 'lookup', query: '3673015203850003', queryKey: '3673015203850003', matches: 2 }))).toEqual({
      key: 'audit.detail.lookup',
      params: { query: '3673••••••••0003', matches: '2' },
    });
    expect(detailLine(entry('register', { method: 'registerVisit', queue: 'U-001', unit: 'UMUM' }))).toEqual({ key: 'audit.detail.visit', params: { queue: 'U-001', unit: 'UMUM' } });
    expect(detailLine(entry('override', { warning: 'second-visit-same-day' })).key).toBe('audit.warning.second-visit-same-day');
    expect(detailLine(entry('export', { method: 'exportReport', ok: false, error: 'session/forbidden' }))).toEqual({ key: 'audit.detail.failed', params: { method: 'exportReport', error: 'session/forbidden' } });
    expect(detailLine(entry('login-failed', { username: 'budi', error: 'account/wrong-credentials' }))).toEqual({ key: 'audit.detail.plain', params: { text: 'username: budi · error: account/wrong-credentials' } });
  });

  it('has every action and every warning the core records in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditId.audit.actions[action]).toBeTruthy();
      expect(auditEn.audit.actions[action]).toBeTruthy();
    }
    expect(Object.keys(auditEn.audit.warning).sort()).toEqual(Object.keys(auditId.audit.warning).sort());
    expect(auditFileName('2026-11-01', '2026-11-30', 'xlsx')).toBe('audit-2026-11-01_2026-11-30.xlsx');
  });
});
