import { describe, expect, it } from 'vitest';
import { displayOf, nikTail } from '../../../src/renderer/src/features/lookup/verdict';
import type { LookupResult, MemberMatch } from '../../../src/shared/lookup';
import { verdictOf } from '../../../src/shared/verdict-rule';

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
});
