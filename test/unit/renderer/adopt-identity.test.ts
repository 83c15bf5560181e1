import { describe, expect, it } from 'vitest';
import type { Identity, Patient } from '../../../src/shared/counter';
import type { PatientChanges } from '../../../src/shared/patient-changes';
import { adoptIdentity, missingOnRecord } from '../../../src/renderer/src/features/register/adopt-identity';

const record: Patient = { id: 7, uid: 'u', mrn: '000030', nik: null, card: null, name: 'SUTINAH', dob: '1950-07-01', sex: null, address: null, oldMrn: null, identified: true };
const ktp: Identity = { name: 'SUTINAH', nik: '3673015203500001', card: null, dob: '1950-03-12', sex: 'P', address: null };

describe('"Pakai data ini" with a scanned KTP or card (searchtester S4, S5)', () => {
  it('adds only what the record lacks: the NIK and sex, never its own birth date', () => {
    expect(missingOnRecord(record, ktp)).toEqual({ nik: ktp.nik, sex: 'P' });
    expect(missingOnRecord({ ...record, nik: '3201014405920001', sex: 'P' }, ktp)).toEqual({});
    expect(missingOnRecord({ ...record, dob: null }, { ...ktp, nik: null, card: '0001234567897' })).toEqual({ card: '0001234567897', dob: '1950-03-12', sex: 'P' });
  });

  it('adds the old RM typed in the form when the record has none (papertester F2); one it has stays', () => {
    const typed: Identity = { name: 'SUTINAH', dob: '1950-07-01', oldMrn: ' no. rm 000013 ' };
    expect(missingOnRecord(record, typed)).toEqual({ oldMrn: '000013' });
    expect(missingOnRecord({ ...record, oldMrn: '000777' }, typed)).toEqual({});
    expect(missingOnRecord(record, { ...typed, oldMrn: '  ' })).toEqual({});
  });

  it('writes through updatePatient only when something is missing', async () => {
    const calls: { patientId: number; changes: PatientChanges }[] = [];
    const api = {
      updatePatient: async (input: { patientId: number; changes: PatientChanges }) => {
        calls.push(input);
        return { ok: true as const, value: { patient: { ...record, nik: input.changes.nik ?? record.nik } as Patient, changed: [], previous: record } };
      },
    };
    const used = await adoptIdentity(api, record, ktp);
    expect(used.ok && used.value.nik).toBe(ktp.nik);
    expect(calls).toEqual([{ patientId: 7, changes: { nik: ktp.nik, sex: 'P' } }]);
    await adoptIdentity(api, { ...record, nik: '3673015203500001', sex: 'P' }, ktp);
    expect(calls).toHaveLength(1);
  });
});
