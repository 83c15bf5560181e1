import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../../../src/shared/lists';
import type { MemberMatch } from '../../../src/shared/lookup';
import { derivePayer } from '../../../src/renderer/src/features/register/payer';

const member = (kind: SourceKind, status: 'active' | 'inactive' = 'active'): MemberMatch => ({
  nik: '3673015203850003',
  card: null,
  name: 'SITI AMINAH',
  dob: '1985-03-12',
  sex: 'P',
  status,
  statusReason: null,
  segment: null,
  facility: null,
  class: null,
  address: null,
  list: { name: `LIST ${kind}`, kind, asOf: '2026-11-01', edition: 1 },
  confidence: 'exact',
  stale: false,
  flags: [],
  score: 1,
});

describe('the derived payer', () => {
  it.each<[SourceKind, string]>([
    ['bpjs', 'jkn'],
    ['pbi-apbn', 'jkn'],
    ['bpjs-live', 'jkn'],
    ['jamkesda', 'jamkesda'],
    ['pbi-apbd', 'jkn'],
    ['other', 'pending'],
  ])('active on a %s list: %s', (kind, payer) => {
    expect(derivePayer('eligible', [member(kind)])).toBe(payer);
  });

  it('BPJS pays when the patient is on a BPJS list and a regency list at once', () => {
    expect(derivePayer('eligible', [member('pbi-apbd'), member('pbi-apbn')])).toBe('jkn');
    expect(derivePayer('eligible', [member('jamkesda'), member('bpjs-live')])).toBe('jkn');
  });

  it('an inactive row never decides: only the active ones count', () => {
    expect(derivePayer('eligible', [member('pbi-apbn', 'inactive'), member('jamkesda')])).toBe('jamkesda');
  });

  it('not active, not found, not checked, or no basis at all: pending', () => {
    expect(derivePayer('not-eligible', [member('pbi-apbn', 'inactive')])).toBe('pending');
    expect(derivePayer('unknown', [])).toBe('pending');
    expect(derivePayer(null, [member('bpjs')])).toBe('pending');
    expect(derivePayer('eligible', [])).toBe('pending');
  });
});
