import { describe, expect, it } from 'vitest';
import { displayOf, nikTail, serveAdvice, unknownWords } from '../../../src/renderer/src/features/lookup/verdict';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import type { LookupResult, MemberMatch } from '../../../src/shared/lookup';
import { verdictOf } from '../../../src/shared/verdict-rule';
import { uiTranslate } from '../../helpers/ui-translate';

const row = (list: string, asOf: string, status: 'active' | 'inactive', stale: boolean, ageDays: number): MemberMatch => ({
  nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P', status, statusReason: status === 'active' ? null : 'Non-aktif',
  segment: null, facility: null, class: null, address: null, list: { name: list, kind: 'pbi-apbd', asOf, edition: 1 }, confidence: 'exact', stale, ageDays, flags: [], score: 1,
});
const result = (matches: MemberMatch[], extra: Partial<LookupResult> = {}): LookupResult => ({ query: 'q', kind: 'nik', verdict: verdictOf(matches), matches, problem: null, tookMs: 0, ...extra });

describe('the banner display', () => {
  it('a stale "active" that lost to a current "not active": the current list is the basis, the stale one is overruled', () => {
    const stale = row('Jamkesda 2025', '2025-10-01', 'active', true, 425);
    const current = row('PBI APBD', '2026-11-01', 'inactive', false, 29);
    expect(displayOf(result([stale, current]), null)).toEqual({ kind: 'verdict', verdict: 'not-eligible', basis: [current], pickedByClerk: false, overruled: [stale], warnings: [] });
  });

  it('a list that holds the person as AKTIF and as MENINGGAL: no plain green, the banner says the list contradicts itself (listtester L2)', () => {
    const dead = { ...row('PBI APBD', '2026-11-01', 'inactive', false, 29), statusReason: 'deceased' };
    const alive = row('PBI APBD', '2026-11-01', 'active', false, 29);
    const display = displayOf(result([alive, dead]), null);
    expect(display).toMatchObject({ kind: 'verdict', verdict: 'not-eligible', basis: [dead], contradiction: { code: 'lookup/list-contradicts', params: { lists: 'PBI APBD' } } });
    expect(formatCoreMessage('id', (display as { contradiction: Parameters<typeof formatCoreMessage>[1] }).contradiction)).toContain('Daftar PBI APBD mencatat orang ini lebih dari sekali');
    expect(displayOf(result([alive]), null)).not.toHaveProperty('contradiction');
  });

  it('a name search, the clerk picks the AKTIF row of a person the same list also holds as MENINGGAL: not a plain green either', () => {
    const dead = { ...row('PBI APBD', '2026-11-01', 'inactive', false, 29), statusReason: 'deceased', confidence: 'probable' as const };
    const alive = { ...row('PBI APBD', '2026-11-01', 'active', false, 29), confidence: 'probable' as const };
    const other = { ...row('PBI APBD', '2026-11-01', 'active', false, 29), nik: '3673015203850011', card: '0001336526600', confidence: 'possible' as const };
    const display = displayOf(result([alive, dead, other], { kind: 'name', verdict: 'unknown' }), alive);
    expect(display).toMatchObject({ kind: 'verdict', verdict: 'not-eligible', pickedByClerk: true, contradiction: { code: 'lookup/list-contradicts' } });
    expect(displayOf(result([alive, other], { kind: 'name', verdict: 'unknown' }), alive)).toEqual({ kind: 'verdict', verdict: 'eligible', basis: [alive], pickedByClerk: true, overruled: [], warnings: [] });
  });

  it('a query warning goes with any answer but a problem', () => {
    const warnings = [{ code: 'query/nik-province' as const, params: { code: '99' } }];
    expect(displayOf(result([], { queryWarnings: warnings }), null)).toMatchObject({ kind: 'verdict', verdict: 'unknown', warnings });
    expect(displayOf(result([{ ...row('A', '2026-11-01', 'active', false, 1), confidence: 'probable' }], { queryWarnings: warnings }), null)).toMatchObject({ kind: 'candidates', warnings });
    expect(displayOf(result([], { queryWarnings: warnings, problem: { code: 'query/partial-number', params: { digits: 15 } } }), null)).toEqual({ kind: 'problem', message: { code: 'query/partial-number', params: { digits: 15 } } });
  });

  it("the clerk's pick is the basis", () => {
    const picked = row('PBI APBD', '2026-11-01', 'active', false, 29);
    expect(displayOf(result([picked], { kind: 'name', verdict: 'unknown' }), picked)).toMatchObject({ kind: 'verdict', verdict: 'eligible', basis: [picked], pickedByClerk: true });
  });

  it('the end of a NIK, not the whole number', () => {
    expect(nikTail('3673015203850003')).toBe('…0003');
    expect(nikTail(null)).toBeNull();
  });

  it('a list that could not be searched: "not found in the lists that could be read", counting only those, never "not found in the lists"', () => {
    const unsearched = { lists: ['PBI APBD'], message: { code: 'lookup/list-unreadable' as const, params: { list: 'PBI APBD' } } };
    expect(unknownWords(3, undefined)).toEqual({ title: 'unknown', detail: { key: 'unknownDetail', count: 3 } });
    expect(unknownWords(0, undefined)).toEqual({ title: 'unknown', detail: { key: 'unknownNoLists', count: 0 } });
    expect(unknownWords(3, unsearched)).toEqual({ title: 'unknownReadable', detail: { key: 'unknownReadableDetail', count: 2 } });
    expect(unknownWords(1, unsearched)).toEqual({ title: 'unknownReadable', detail: { key: 'unknownNothingReadable', count: 0 } });
    expect(unknownWords(null, unsearched)).toEqual({ title: 'unknownReadable', detail: null });
    // The words the counter shows, in both languages.
    expect(uiId.verdict.unknownReadable).toBe('Tidak ditemukan di daftar yang dapat dibaca');
    expect(uiEn.verdict.unknownReadable).toBe('Not found in the lists that could be read');
    expect(formatCoreMessage('id', unsearched.message)).toBe('Daftar PBI APBD tidak dapat dibaca (berkasnya hilang atau rusak): hubungi petugas IT. Pasien tetap dapat didaftarkan.');
    expect(formatCoreMessage('en', { code: 'lookup/lists-unreadable', params: { lists: 'Jamkesda, PBI APBD', count: 2 } })).toBe(
      '2 lists cannot be read (Jamkesda, PBI APBD; their files are missing or damaged): call the IT officer. The patient can still be registered.',
    );
  });

  it('the answer itself is unchanged by an unreadable list: a match on a list that reads still decides', () => {
    const current = row('Jamkesda', '2026-11-01', 'active', false, 29);
    const unsearched = { lists: ['PBI APBD'], message: { code: 'lookup/list-unreadable' as const, params: { list: 'PBI APBD' } } };
    expect(displayOf(result([current], { unsearched }), null)).toMatchObject({ kind: 'verdict', verdict: 'eligible', basis: [current] });
  });
});

describe('the advice beside "serve the patient anyway"', () => {
  const inactive = (list: string, statusReason: string, kind: MemberMatch['list']['kind'] = 'pbi-apbd'): MemberMatch => ({ ...row(list, '2026-11-01', 'inactive', false, 29), statusReason, list: { name: list, kind, asOf: '2026-11-01', edition: 1 } });

  it('a member the list records as deceased: check the KTP (an identity mix-up), report a wrong list; never reactivation (even beside an arrears row)', () => {
    const advice = serveAdvice([inactive('PBI APBD KOTA SERANG', 'premium'), inactive('PBI APBD KOTA SERANG', 'deceased')]);
    expect(advice).toEqual({ kind: 'deceased', sources: ['PBI APBD KOTA SERANG'] });
    expect(serveAdvice([{ ...inactive('BPJS (langsung)', 'deceased', 'bpjs-live') }])).toEqual({ kind: 'deceased', sources: ['BPJS'] });
    const id = uiTranslate('id')('verdict.deceasedHint', { sources: 'PBI APBD KOTA SERANG' });
    expect(id).toMatch(/^PBI APBD KOTA SERANG mencatat peserta ini meninggal\. Cocokkan KTP .*tertukar.*laporkan/);
    expect(id).not.toMatch(/diaktifkan/);
    expect(uiTranslate('en')('verdict.deceasedHint', { sources: 'BPJS' })).toMatch(/^BPJS records this member as deceased\. Check the KTP/);
  });

  it('an inactive PBI or Jamkesda member may be reactivated through Dinas Sosial; a BPJS extract row or no row gets no advice', () => {
    expect(serveAdvice([inactive('PBI APBD', 'premium')])).toEqual({ kind: 'reactivate' });
    expect(serveAdvice([inactive('JAMKESDA', 'inactive', 'jamkesda')])).toEqual({ kind: 'reactivate' });
    expect(serveAdvice([inactive('EKSTRAK', 'suspended', 'bpjs')])).toBeNull();
    expect(serveAdvice([])).toBeNull();
  });
});
