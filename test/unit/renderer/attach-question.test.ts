import { describe, expect, it } from 'vitest';
import { attachQuestion, recordProbes } from '../../../src/renderer/src/features/followups/attach-question';
import type { FollowUp, Patient } from '../../../src/shared/counter';
import type { MemberMatch, OwnPatient } from '../../../src/shared/lookup';

const EMERGENCY: FollowUp = {
  id: 7, kind: 'identify-patient', reason: 'emergency-unidentified', dueAt: '2026-11-26T02:00:00Z', overdue: false, minutesLeft: 4000,
  visit: { id: 41, queue: 'GD-001', unit: 'IGD', serviceDate: '2026-11-23', payer: 'pending', emergency: true },
  patient: { id: 9, mrn: '000009', name: 'TANPA IDENTITAS 09:05', identified: false },
};
const CHAIRUL: OwnPatient = { id: 1, uid: 'u1', mrn: '000001', nik: '3671010909770075', card: null, name: 'CHAIRUL WAHYU SULEMAN', dob: '1977-09-09', sex: 'L', address: null, oldMrn: null, identified: true, lastVisit: null };
const member: MemberMatch = {
  nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P', status: 'active', statusReason: null, segment: null, facility: null, class: null,
  address: 'KP. CIBEBER', list: { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', edition: 1 }, confidence: 'exact', stale: false, flags: [], score: 1,
};

describe('the question before an identity is joined to an emergency', () => {
  it('names both: the emergency (number, temporary name and record) and the record chosen (name, RM, NIK masked, birth date)', () => {
    const q = attachQuestion(EMERGENCY, { kind: 'choice', choice: { kind: 'own', key: 'own:1', patient: CHAIRUL } }, null);
    expect(q).toEqual({
      visitId: 41,
      emergency: { queue: 'GD-001', name: 'TANPA IDENTITAS 09:05', mrn: '000009' },
      chosen: { name: 'CHAIRUL WAHYU SULEMAN', mrn: '000001', nikMasked: '3671••••••••0075', dob: '1977-09-09', list: null },
      joins: true,
      source: { patientId: 1 },
    });
    expect(recordProbes({ kind: 'choice', choice: { kind: 'own', key: 'own:1', patient: CHAIRUL } })).toEqual([]);
  });

  it('a list member fills the temporary record (its RM stays) unless its NIK is already a record here: then that record is named', () => {
    const pick = { kind: 'choice' as const, choice: { kind: 'member' as const, key: 'm', member } };
    expect(recordProbes(pick)).toEqual([{ nik: member.nik }, { card: member.card }]);
    expect(attachQuestion(EMERGENCY, pick, null)).toMatchObject({ joins: false, chosen: { name: 'SITI AMINAH', mrn: '000009', nikMasked: '3673••••••••0003', list: 'PBI APBD' } });
    const known: Patient = { ...CHAIRUL, id: 3, mrn: '000003', name: 'SITI AMINAH', nik: member.nik };
    expect(attachQuestion(EMERGENCY, pick, known)).toMatchObject({ joins: true, chosen: { mrn: '000003', list: null } });
  });

  it('an identity typed by hand is named as typed (upper case), and asked about the same way', () => {
    const pick = { kind: 'typed' as const, identity: { name: ' budi  santoso ', nik: null, card: null, dob: '1978-01-02', sex: 'L' as const, address: null } };
    expect(recordProbes(pick)).toEqual([]);
    expect(attachQuestion(EMERGENCY, pick, null)).toMatchObject({ joins: false, chosen: { name: 'BUDI SANTOSO', mrn: '000009', nikMasked: null, dob: '1978-01-02' }, source: { identity: pick.identity } });
  });
});
