import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { AUDIT_PAGE, NO_FILTERS, auditFileName, auditQuery, detailText, personProblem, verifySummary, type DetailWording } from '../../../src/renderer/src/features/audit/audit-view';
import { auditEn } from '../../../src/renderer/src/i18n/messages-en-audit';
import { auditId } from '../../../src/renderer/src/i18n/messages-id-audit';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';
import { AUDIT_ACTIONS, type AuditEntryView } from '../../../src/shared/audit';
import { formatCoreMessage, isMessageKey, type Lang } from '../../../src/shared/i18n/messages';
import { PAYER_NAMES } from '../../../src/shared/payer-names';

/** The screen's wording with the real catalogs of one language, as AuditScreen builds it. */
function wording(lang: Lang): DetailWording {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: { id: { ui: uiId }, en: { ui: uiEn } }, defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false } });
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  return {
    t: (key, options) => i18n.t(key, options) as string,
    unit: (code) => (code === 'UMUM' ? 'Poli Umum' : code),
    payer: (code) => (PAYER_NAMES[lang] as Record<string, string>)[code] ?? code,
    date: (iso) => `${iso.slice(8, 10)} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`,
    error: (code) => (isMessageKey(code) ? formatCoreMessage(lang, { code, params: {} }) : code),
  };
}

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

  it('words details for people in both languages: payers, units, statuses and fields by name, identifiers masked', () => {
    const id = wording('id');
    const en = wording('en');
    const lookup = entry('lookup', { method: 'lookup', query: '3673015203850003', queryKey: '3673015203850003', matches: 2 });
    expect(detailText(lookup, id)).toBe('"3673••••••••0003": 2 cocok');
    expect(detailText(lookup, en)).toBe('"3673••••••••0003": 2 matched');
    // A card typed without its leading zeros is masked as the card the core read it as.
    expect(detailText(entry('lookup', { method: 'lookup', query: '1336526592', queryKey: '0001336526592', matches: 1 }), id)).toBe('"•••••••••6592": 1 cocok');
    // The tester's line: "method: setPayer · payer: umum · previous: pending · visitId: 4".
    const payer = entry('payer-change', { method: 'setPayer', payer: 'umum', previous: 'pending', visitId: 4 });
    expect(detailText(payer, id)).toBe('penjamin diubah petugas: Penjamin menyusul → Umum');
    expect(detailText(payer, en)).toBe('payer changed by the clerk: Payer pending → Self-pay');
    expect(detailText(entry('payer-change', { method: 'recheckPayer', payer: 'jkn', previous: 'pending', verdict: 'eligible', visitId: 4 }), en)).toBe('re-check (Active member): Payer pending → JKN');
    const visit = entry('register', { method: 'registerVisit', queue: 'U-001', unit: 'UMUM', payer: 'jkn', verdict: 'eligible', visitId: 1 });
    expect(detailText(visit, id)).toBe('antrean U-001 di Poli Umum, penjamin JKN');
    expect(detailText(visit, en)).toBe('queue U-001 at Poli Umum, payer JKN');
    const settings = entry('settings', { section: 'counter', changed: ['facilityName', 'staleAfterDays'] });
    expect(detailText(settings, id)).toBe('pengaturan loket diubah: Nama fasilitas, Daftar peserta dianggap lama setelah (hari)');
    expect(detailText(settings, en)).not.toMatch(/facilityName|staleAfterDays/);
    expect(detailText(entry('import', { kind: 'pbi-apbd', asOf: '2026-11-01', edition: 3, rows: 2000, rejected: 1 }), id)).toBe('PBI APBD per 01 Nov 2026: 2000 baris diimpor, 1 ditolak (edisi 3)');
    expect(detailText(entry('override', { warning: 'second-visit-same-day' }), id)).toBe('kunjungan kedua ke unit yang sama hari ini');
    expect(detailText(entry('export', { method: 'exportReport', ok: false, error: 'session/forbidden' }), en)).toMatch(/^Report export refused: /);
    expect(detailText(entry('login-failed', { method: 'signIn', username: 'budi', error: 'account/wrong-credentials' }), id)).toMatch(/^Masuk gagal untuk budi: /);
    // A visit moved along the queue (or back): the queue number, the unit and the statuses by the queue screen's names.
    const cancelled = entry('visit-status', { method: 'setVisitStatus', visitId: 4, queue: 'U-003', unit: 'UMUM', previous: 'called', status: 'cancelled' });
    expect(detailText(cancelled, id)).toBe('antrean U-003 di Poli Umum: Dipanggil → Batal');
    expect(detailText(cancelled, en)).toBe('queue U-003 at Poli Umum: Called → Cancelled');
    expect(detailText(entry('visit-status', { method: 'callNext', visitId: 4, queue: 'U-003', unit: 'UMUM', previous: 'waiting', status: 'called' }), id)).toBe('antrean U-003 di Poli Umum: Menunggu → Dipanggil');
    // Asking BPJS is its own kind of entry, worded so (not a second "0 cocok").
    const asked = entry('lookup', { method: 'lookupOnline', query: '3673015203850003', service: 'vclaim', bpjs: 'not-found' });
    expect(detailText(asked, id)).toBe('"3673••••••••0003": ditanyakan ke BPJS VClaim, tidak dikenal BPJS');
    expect(detailText(asked, en)).toBe('"3673••••••••0003": asked of BPJS VClaim, not known to BPJS');
    // Every detail the core writes reads without a raw "name: value".
    for (const w of [id, en]) {
      for (const e of [payer, visit, settings, cancelled, entry('print', { method: 'printSlip', kind: 'print', visitId: 4, reprint: true }), entry('emergency', { visitId: 9, queue: 'GD-001' })]) {
        expect(detailText(e, w)).not.toMatch(/(^|· )[a-zA-Z]+: [a-z0-9]|visitId|method/);
      }
    }
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
