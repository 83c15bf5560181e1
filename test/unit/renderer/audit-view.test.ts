import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { READ_ONLY_METHODS } from '../../../src/core/dispatch';
import { AUDIT_PAGE, NO_FILTERS, auditFileName, auditQuery, personProblem, verifySummary } from '../../../src/renderer/src/features/audit/audit-filters';
import { formatDate } from '../../../src/renderer/src/format';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';
import { AUDIT_ACTIONS, NO_SESSION_ACTOR, type AuditEntryView } from '../../../src/shared/audit';
import { actionText, actorText, auditErrorText, detailText, type DetailWording } from '../../../src/shared/audit-detail';
import { auditWording } from '../../../src/shared/audit-wording';
import { contract, type MethodName } from '../../../src/shared/contract';
import { auditWordsEn } from '../../../src/shared/i18n/audit-words-en';
import { auditWordsId } from '../../../src/shared/i18n/audit-words-id';
import { AUDIT_ERROR_WORDS } from '../../../src/shared/i18n/audit-error-words';
import { CORE_MESSAGES, type Lang, type MessageKey } from '../../../src/shared/i18n/messages';
import { METHOD_ACCESS } from '../../../src/shared/method-access';
import { PAYER_NAMES } from '../../../src/shared/payer-names';

const UNITS = [{ code: 'UMUM', name: 'Poli Umum' }];

/**
 * The wording as the screen built it before it was shared: i18next over the renderer's whole
 * catalogs, the screens' date, unit, payer and error names. The shared wording (what the screen
 * and the export use now) must read exactly the same.
 */
function screenWording(lang: Lang): DetailWording {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: { id: { ui: uiId }, en: { ui: uiEn } }, defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false } });
  return {
    t: (key, options) => i18n.t(key, options) as string,
    unit: (code) => UNITS.find((u) => u.code === code)?.name ?? code,
    payer: (code) => (PAYER_NAMES[lang] as Record<string, string>)[code] ?? code,
    date: (iso) => formatDate(iso, lang) ?? iso,
    error: (code) => auditErrorText(lang, code),
  };
}

const WORDINGS: [string, (lang: Lang) => DetailWording][] = [
  ['the shared wording (screen and export)', (lang) => auditWording(lang, UNITS)],
  ["the renderer's i18next catalogs", screenWording],
];

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

  it.each(WORDINGS)('words details for people in both languages (%s): payers, units, statuses and fields by name, identifiers masked', (_name, wording) => {
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
    // A failed sign-in in the trail's own words: not the sign-in screen's sentence with its counts left as "…" (protecttester P2).
    expect(detailText(entry('login-failed', { method: 'signIn', username: 'budi', error: 'account/wrong-credentials' }), id)).toBe('Masuk gagal untuk budi: nama pengguna, kata sandi atau PIN salah');
    expect(detailText(entry('login-failed', { method: 'signIn', username: 'budi', error: 'account/locked-out' }), id)).toBe('Masuk gagal untuk budi: akun sedang terkunci karena terlalu banyak percobaan salah');
    expect(detailText(entry('login-failed', { method: 'unlock', username: 'budi', error: 'account/locked-out' }), en)).not.toContain('…');
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

  it.each(WORDINGS)('words a refused first-admin setup and other failures as attempts, with no "…" (protecttester P2) (%s)', (_name, wording) => {
    const id = wording('id');
    const en = wording('en');
    const setup = entry('login-failed', { method: 'setupAdmin', username: 'evil', error: 'account/setup-done' });
    expect(detailText(setup, id)).toBe('Percobaan membuat administrator pertama (evil) ditolak: sudah ada administrator');
    expect(detailText(setup, en)).toBe('Attempt to create the first administrator (evil) refused: an administrator already exists');
    // Not "Kata sandi sendiri diubah gagal: … Sisa percobaan: …." nor "Akun dibuka kembali gagal: Akun "…" tidak ada.".
    expect(detailText(entry('account-change', { method: 'changeOwnPassword', ok: false, error: 'account/wrong-credentials' }), id)).toBe('Mengubah kata sandi sendiri gagal: nama pengguna, kata sandi atau PIN salah');
    expect(detailText(entry('account-change', { method: 'unlockAccount', ok: false, error: 'account/not-found' }), en)).toBe('Unlocking an account failed: no such account');
    expect(detailText(entry('account-change', { method: 'saveAccount', ok: false, error: 'account/username-taken' }), id)).toBe('Simpan akun gagal: nama pengguna sudah dipakai akun lain');
    expect(detailText(entry('import', { kind: 'pbi-apbd', ok: false, error: 'import/same-as-current' }), en)).toBe('List import failed: file same as the current edition');
  });

  it('has the trail\'s own words, in both languages, for every core message with parameters a call can fail with', () => {
    // Messages that are no call's failure: warnings and notes of a result, row and field issues,
    // screen titles, and what happens before the trail is open or outside it (opening the
    // database, `loket restore`, the data-security notices of Settings). `internal` is worded apart ("kesalahan di aplikasi").
    const notAFailure =
      /^(issue|row|list-file-reason|query|lookup|status-reason|display|register|restore|database)\/|^import\/(?!as-of-future|same-as-current|no-members)|^security\/(conversion-failed-file|plain-file-set-aside|key-file-readable)$|^(bpjs\/ok|hub\/clock-behind|hub\/clock-ahead|database-too-new|internal|internal\/read-only)$/;
    const withParams = Object.keys(CORE_MESSAGES.id).filter((code) => /\{\{/.test(CORE_MESSAGES.id[code as MessageKey]) && !notAFailure.test(code));
    expect(withParams.length).toBeGreaterThan(30);
    for (const code of withParams) {
      expect(AUDIT_ERROR_WORDS.id, code).toHaveProperty([code]);
      expect(AUDIT_ERROR_WORDS.en, code).toHaveProperty([code]);
    }
    expect(Object.keys(AUDIT_ERROR_WORDS.en).sort()).toEqual(Object.keys(AUDIT_ERROR_WORDS.id).sort());
    for (const lang of ['id', 'en'] as const) {
      for (const code of withParams) {
        expect(detailText(entry('export', { method: 'exportReport', ok: false, error: code }), auditWording(lang)), code).not.toMatch(/…|\{\{/);
      }
    }
  });

  it('has every action and every warning the core records in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditWordsId.audit.actions[action]).toBeTruthy();
      expect(auditWordsEn.audit.actions[action]).toBeTruthy();
    }
    expect(Object.keys(auditWordsEn.audit.warning).sort()).toEqual(Object.keys(auditWordsId.audit.warning).sort());
    expect(auditFileName('2026-11-01', '2026-11-30', 'xlsx')).toBe('audit-2026-11-01_2026-11-30.xlsx');
  });

  it('names every method a refusal can record, in both languages (no "listAccounts ditolak")', () => {
    // Dispatch records a refused call of any method that is not only a read (and an emergency naming a patient).
    const refusable = (Object.keys(contract) as MethodName[]).filter((m) => !READ_ONLY_METHODS.has(m) && (METHOD_ACCESS[m] !== 'open' || m === 'registerEmergency'));
    for (const method of refusable) {
      expect(auditWordsId.audit.methods, method).toHaveProperty([method]);
      expect(auditWordsEn.audit.methods, method).toHaveProperty([method]);
    }
    const refused = entry('refused', { method: 'listAccounts', ok: false, error: 'session/forbidden' });
    expect(detailText(refused, auditWording('id'))).toMatch(/^Daftar akun petugas ditolak: /);
  });

  it('words a merge of two records: the merged RM and name, the visits moved, what the survivor took', () => {
    const merge = entry('patient-merge', { method: 'mergePatients', mergedMrn: '000048', mergedName: 'DEWY LESTARI', visitsMoved: 2, filled: ['nik'] });
    expect(actionText('patient-merge', auditWording('id'))).toBe('Gabung rekam medis');
    expect(detailText(merge, auditWording('id'))).toBe('RM 000048 (DEWY LESTARI) digabung ke RM ini; 2 kunjungan dipindah · diambil dari RM 000048: NIK');
    expect(detailText({ ...merge, detail: { ...merge.detail, filled: [] } }, auditWording('en'))).toBe('MRN 000048 (DEWY LESTARI) merged into this MRN; visits moved: 2');
    // papertester F4: the old RM taken, or kept as one that finds the survivor, is in the entry.
    expect(detailText({ ...merge, detail: { ...merge.detail, oldMrnTaken: '000777' } }, auditWording('id'))).toBe('RM 000048 (DEWY LESTARI) digabung ke RM ini; 2 kunjungan dipindah · diambil dari RM 000048: NIK, RM lama 000777');
    expect(detailText({ ...merge, detail: { ...merge.detail, filled: [], oldMrnAlias: '000555' } }, auditWording('en'))).toBe('MRN 000048 (DEWY LESTARI) merged into this MRN; visits moved: 2 · its old MRN 000555 now finds this MRN');
  });

  it.each(WORDINGS)('words the action and a refusal made while nobody was signed in (%s)', (_name, wording) => {
    expect(actionText('visit-status', wording('id'))).toBe('Status antrean');
    expect(actionText('lookup', wording('en'))).toBe('Look-up');
    expect(actorText(NO_SESSION_ACTOR, wording('id'))).toBe('(tidak ada yang masuk)');
    expect(actorText(NO_SESSION_ACTOR, wording('en'))).toBe('(nobody signed in)');
    expect(actorText('ani', wording('id'))).toBe('ani');
  });
  it.each(WORDINGS)('words the hub, the command line and the automatic re-check, never their stored token (%s)', (_name, wording) => {
    expect(actorText('hub:RSUD Uji', wording('id'))).toBe('(hub fasilitas RSUD Uji)');
    expect(actorText('hub:RSUD Uji', wording('en'))).toBe('(facility hub RSUD Uji)');
    expect(actorText('cli:root', wording('id'))).toBe('(baris perintah, pengguna root)');
    expect(actorText('cli:root', wording('en'))).toBe('(command line, user root)');
    expect(actorText('loket:recheck', wording('id'))).toBe('(cek ulang BPJS otomatis)');
    expect(actorText('loket:recheck', wording('en'))).toBe('(automatic BPJS re-check)');
    // A counter, as the hub's own log names it (`loket hub audit`).
    expect(actorText('counter:Loket 1', wording('id'))).toBe('(loket Loket 1)');
    expect(actorText('counter:Loket 1', wording('en'))).toBe('(counter Loket 1)');
  });
  it.each(WORDINGS)('words a slip shown behind the lock screen, and one refused there (%s)', (_name, wording) => {
    const slipView = entry('print', { method: 'slipHtml', kind: 'view', visitId: 9, locked: true });
    expect(detailText(slipView, wording('id'))).toBe('slip dilihat di layar terkunci');
    expect(detailText(slipView, wording('en'))).toBe('slip viewed behind the lock screen');
    expect(detailText(entry('refused', { method: 'slipHtml', ok: false, error: 'session/required' }), wording('id'))).toMatch(/^Lihat slip ditolak: /);
  });
  it.each(WORDINGS)('words a slip of another account’s visit, the old "nobody" names and a restore (%s)', (_name, wording) => {
    const other = entry('print', { method: 'slipHtml', kind: 'view', visitId: 9, registeredBy: 'loket:no-session' });
    expect(detailText(other, wording('id'))).toBe('slip dilihat di luar pendaftaran petugas ini (didaftarkan oleh (tidak ada yang masuk))');
    expect(actorText('no-session', wording('en'))).toBe('(nobody signed in)');
    const restore = entry('restore', {
      from: '/usb/cadangan.db', backupTime: '2026-11-30T03:23:00.000Z', backupSeq: 81, aside: '/d/loket.db.sebelum-pemulihan-x', replaced: 'read',
      replacedSeq: 86, replacedHash: 'ab', setAside: 5, registrationsSetAside: 1, forced: false,
    });
    expect(actionText('restore', wording('id'))).toBe('Pemulihan cadangan');
    expect(detailText(restore, wording('id'))).toBe(
      'basis data dipulihkan dari cadangan /usb/cadangan.db (2026-11-30T03:23:00.000Z; jejaknya sampai entri 81) · disisihkan: 5 entri jejak (sampai entri 86) dan 1 pendaftaran setelah cadangan, di /d/loket.db.sebelum-pemulihan-x',
    );
    expect(detailText({ ...restore, detail: { ...restore.detail, setAside: null } }, wording('en'))).toContain("the replaced trail (up to entry 86) does not continue the backup's");
  });

  it.each(WORDINGS)('words a backup and a recovery key (a file, no format or rows) and their failures without empty gaps (%s)', (_name, wording) => {
    const id = wording('id');
    const en = wording('en');
    // The tester's lines: "cadangan basis data (): – baris", "Cadangan basis data gagal: Terjadi kesalahan di aplikasi: . …".
    expect(detailText(entry('export', { method: 'backupDatabase', what: 'backup' }), id)).toBe('cadangan basis data disimpan');
    expect(detailText(entry('export', { method: 'backupDatabase', what: 'backup' }), en)).toBe('database backup saved');
    expect(detailText(entry('export', { method: 'exportRecoveryKey', what: 'recovery-key' }), id)).toBe('kunci pemulihan disimpan');
    expect(detailText(entry('export', { method: 'backupDatabase', what: 'backup', ok: false, error: 'internal' }), id)).toBe('Cadangan basis data gagal: kesalahan di aplikasi');
    expect(detailText(entry('export', { method: 'backupDatabase', what: 'backup', ok: false, error: 'internal' }), en)).toBe('Database backup failed: an error in the app');
    // The trail keeps the code, not the folder: it says why in its own words, no "Folder … tidak ada. Pilih folder …".
    expect(detailText(entry('export', { method: 'backupDatabase', what: 'backup', ok: false, error: 'file/folder-missing' }), id)).toBe('Cadangan basis data gagal: folder tujuan tidak ada');
    expect(detailText(entry('export', { method: 'exportReport', what: 'recap', ok: false, error: 'file/own-file' }), en)).toBe("Report export failed: the place is one of Loket's own data files");
    // A code without parameters, not in the trail's words, reads as the core words it.
    expect(detailText(entry('rekey', { method: 'rekeyDatabase', ok: false, error: 'security/import-running' }), en)).toMatch(/ failed: A list import is running\./);
    // A table export keeps its format and rows.
    expect(detailText(entry('export', { method: 'exportReport', what: 'recap', format: 'csv', rows: 15 }), id)).toBe('laporan rekap (CSV): 15 baris');
  });
});
