import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Confidence, MemberMatch } from '../../../src/shared/lookup';
import type { SourceKind } from '../../../src/shared/lists';
import { contradictionOf, decide, verdictOf } from '../../../src/shared/verdict-rule';

interface Row {
  kind?: SourceKind;
  asOf: string;
  status: 'active' | 'inactive';
  stale?: boolean;
  confidence?: Confidence;
  name?: string;
}

const m = (r: Row): MemberMatch => ({
  nik: '3673015203850003', card: null, name: 'SITI AMINAH', dob: null, sex: null, status: r.status, statusReason: null, segment: null, facility: null,
  class: null, address: null, list: { name: r.name ?? r.kind ?? 'pbi-apbd', kind: r.kind ?? 'pbi-apbd', asOf: r.asOf, edition: 1 },
  confidence: r.confidence ?? 'exact', stale: r.stale ?? false, flags: [], score: 1,
});

const STALE_ACTIVE: Row = { kind: 'jamkesda', asOf: '2025-10-01', status: 'active', stale: true };
const STALE_INACTIVE: Row = { kind: 'jamkesda', asOf: '2025-10-01', status: 'inactive', stale: true };
const FRESH_ACTIVE: Row = { kind: 'pbi-apbd', asOf: '2026-11-01', status: 'active' };
const FRESH_INACTIVE: Row = { kind: 'pbi-apbd', asOf: '2026-11-01', status: 'inactive' };
const OTHER_FRESH_ACTIVE: Row = { kind: 'pbi-apbn', asOf: '2026-10-20', status: 'active' };

describe('the verdict rule table', () => {
  it.each([
    ['nothing exact', [], 'unknown'],
    ['only a probable match', [{ ...FRESH_ACTIVE, confidence: 'probable' as const }], 'unknown'],
    ['a current active', [FRESH_ACTIVE], 'eligible'],
    ['a current not active', [FRESH_INACTIVE], 'not-eligible'],
    ['a stale active against a current not active: the current list decides', [STALE_ACTIVE, FRESH_INACTIVE], 'not-eligible'],
    ['a stale not active against a current active', [STALE_INACTIVE, FRESH_ACTIVE], 'eligible'],
    ['only a stale active: its verdict (marked stale)', [STALE_ACTIVE], 'eligible'],
    ['only a stale not active', [STALE_INACTIVE], 'not-eligible'],
    ['two current lists, one active: coverage by either program', [FRESH_INACTIVE, OTHER_FRESH_ACTIVE], 'eligible'],
    ['a stale active, two current not active', [STALE_ACTIVE, FRESH_INACTIVE, { ...OTHER_FRESH_ACTIVE, status: 'inactive' as const }], 'not-eligible'],
  ] as [string, Row[], string][])('%s', (_, rows, verdict) => {
    expect(verdictOf(rows.map(m))).toBe(verdict);
  });

  it.each([
    ['a live answer newer than the lists decides', [FRESH_ACTIVE, { kind: 'bpjs-live', asOf: '2026-11-02', status: 'inactive' }], 'not-eligible'],
    ['a live answer of the same day decides', [FRESH_INACTIVE, { kind: 'bpjs-live', asOf: '2026-11-01', status: 'active' }], 'eligible'],
    ['an older live answer does not', [FRESH_ACTIVE, { kind: 'bpjs-live', asOf: '2026-10-30', status: 'inactive' }], 'eligible'],
    ['a live answer against a stale list only', [STALE_INACTIVE, { kind: 'bpjs-live', asOf: '2026-01-01', status: 'active' }], 'eligible'],
  ] as [string, Row[], string][])('%s', (_, rows, verdict) => {
    expect(verdictOf(rows.map(m))).toBe(verdict);
  });

  it('the basis is what decided; a stale answer that lost is overruled, not hidden', () => {
    const stale = m(STALE_ACTIVE);
    const current = m(FRESH_INACTIVE);
    expect(decide([stale, current])).toEqual({ verdict: 'not-eligible', basis: [current], overruled: [stale], contradicted: [] });
    expect(decide([stale])).toEqual({ verdict: 'eligible', basis: [stale], overruled: [], contradicted: [] });
  });

  it('property: a stale active never makes eligible when a current list says not active and none says active', () => {
    const row = fc.record({
      status: fc.constantFrom('active' as const, 'inactive' as const),
      stale: fc.boolean(),
      kind: fc.constantFrom<SourceKind>('pbi-apbn', 'pbi-apbd', 'jamkesda', 'bpjs', 'other'),
      asOf: fc.constantFrom('2025-09-01', '2026-10-01', '2026-11-01'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const currentInactive = rows.some((r) => !r.stale && r.status === 'inactive');
        const currentActive = rows.some((r) => !r.stale && r.status === 'active');
        const verdict = verdictOf(rows.map(m));
        if (currentInactive && !currentActive) expect(verdict).toBe('not-eligible');
        if (currentActive && !currentInactive) expect(verdict).toBe('eligible');
        if (rows.length === 0) expect(verdict).toBe('unknown');
      }),
    );
  });

  it('a list that holds the person as active and as not active says not active, and the active row is contradicted (listtester L2)', () => {
    const dead = { ...m(FRESH_INACTIVE), statusReason: 'deceased' };
    const alive = m(FRESH_ACTIVE);
    expect(decide([dead, alive])).toEqual({ verdict: 'not-eligible', basis: [dead], overruled: [], contradicted: [alive] });
    expect(contradictionOf(decide([alive, dead]))).toEqual({ code: 'lookup/list-contradicts', params: { lists: 'pbi-apbd', count: 1 } });
    // Another program's active row still covers; the contradiction is still said.
    const apbn = m(OTHER_FRESH_ACTIVE);
    const both = decide([dead, alive, apbn]);
    expect(both).toMatchObject({ verdict: 'eligible', basis: [apbn], contradicted: [alive] });
    expect(contradictionOf(decide([alive, apbn]))).toBeUndefined();
  });

  it('two lists of one kind (a month each, under its own name): the newest as-of decides, the older is overruled (listtester L16)', () => {
    const october = m({ kind: 'pbi-apbd', name: 'PBI APBD OKTOBER 2026', asOf: '2026-10-25', status: 'active' });
    const november = m({ kind: 'pbi-apbd', name: 'PBI APBD NOVEMBER 2026', asOf: '2026-11-25', status: 'inactive' });
    expect(decide([november, october])).toEqual({ verdict: 'not-eligible', basis: [november], overruled: [october], contradicted: [] });
    const backOn = { ...november, status: 'active' as const };
    expect(decide([{ ...october, status: 'inactive' as const }, backOn])).toMatchObject({ verdict: 'eligible', basis: [backOn] });
    // Lists of the kind 'other' are anything at all: each still counts on its own.
    const otherOld = m({ kind: 'other', name: 'KADER', asOf: '2026-10-01', status: 'active' });
    const otherNew = m({ kind: 'other', name: 'PANTI', asOf: '2026-11-01', status: 'inactive' });
    expect(verdictOf([otherOld, otherNew])).toBe('eligible');
  });
});
