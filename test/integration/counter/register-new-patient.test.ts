import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from '../audit/audit-core';

const tempDir = useTempDir();

describe('registerNewPatient: a new record and its first visit together', () => {
  it('makes the record and the visit in one call, with the record number and the queue number', async () => {
    const { core } = auditCore(tempDir());
    const visit = await callOk(core, 'registerNewPatient', { identity: { name: 'Bayi Ny. Sari', dob: '2026-11-28', sex: 'P' }, unit: 'UMUM', verdict: 'unknown' });
    expect(visit).toMatchObject({ queue: 'U-001', payer: 'pending', patient: { mrn: '000001', name: 'BAYI NY. SARI', nik: null, dob: '2026-11-28' } });
    expect(visit.patientId).toBe(visit.patient.id);
    expect(await callOk(core, 'findPatient', { mrn: '000001' })).toMatchObject({ id: visit.patient.id });
    expect((await callOk(core, 'dayQueue', {})).map((q) => q.queue)).toEqual(['U-001']);
    core.close();
  });

  it('a refused registration leaves no record: a NIK already here, an unknown unit, a bad identity', async () => {
    const { core } = auditCore(tempDir());
    const siti = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik });
    const known = await dispatch(core, 'registerNewPatient', { identity: { name: 'Bayi Ny. Siti', nik: SITI.nik }, unit: 'UMUM', verdict: null });
    expect(known).toMatchObject({ ok: false, error: { code: 'patient/nik-exists' } });
    const unit = await dispatch(core, 'registerNewPatient', { identity: { name: 'Budi Santoso' }, unit: 'NOPE', verdict: null });
    expect(unit).toMatchObject({ ok: false, error: { code: 'visit/unknown-unit' } });
    // The emergency unit takes emergencies only (F9), from the contract as from `loket daftar`.
    const igd = await dispatch(core, 'registerNewPatient', { identity: { name: 'Budi Santoso' }, unit: 'IGD', verdict: null });
    expect(igd).toMatchObject({ ok: false, error: { code: 'visit/emergency-unit' } });
    expect(await dispatch(core, 'registerVisit', { patientId: siti.id, unit: 'IGD', verdict: null })).toMatchObject({
      ok: false,
      error: { code: 'visit/emergency-unit', params: { unit: 'IGD (Gawat Darurat)' } },
    });
    const bad = await dispatch(core, 'registerNewPatient', { identity: { name: 'Budi', nik: '123' }, unit: 'UMUM', verdict: null });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Only Siti's record: the next new one gets 000002, no number was used up by the refusals.
    expect(await callOk(core, 'findPatient', { mrn: '000002' })).toBeNull();
    const next = await callOk(core, 'registerNewPatient', { identity: { name: 'Budi Santoso' }, unit: 'UMUM', verdict: null });
    expect(next.patient.mrn).toBe('000002');
    expect(siti.mrn).toBe('000001');
    expect((await callOk(core, 'dayQueue', {})).map((q) => q.patient.name)).toEqual(['BUDI SANTOSO']);
    core.close();
  });

  it('the audit trail holds what the two calls made apart would: the new record, the visit, the overrides', async () => {
    const { core } = auditCore(tempDir());
    await callOk(core, 'createPatient', { name: 'Budi Santoso', dob: '1980-01-01' });
    expect(await callOk(core, 'likelyDuplicates', { name: 'BUDI SANTOSO', dob: '1980-01-01' })).toHaveLength(1);
    const visit = await callOk(core, 'registerNewPatient', { identity: { name: 'Budi Santoso', dob: '1980-01-01' }, unit: 'UMUM', verdict: 'unknown', payer: 'jkn' });
    const entries = (await allEntries(core)).slice(2);
    const mrn = visit.patient.mrn;
    expect(entries.map((e) => [e.action, e.subject])).toEqual([
      ['register', mrn],
      ['override', mrn],
      ['register', mrn],
      ['override', mrn],
    ]);
    expect(entries[0]!.detail).toEqual({ method: 'registerNewPatient', patientId: visit.patient.id });
    expect(entries[1]!.detail).toEqual({ warning: 'likely-duplicate', method: 'registerNewPatient' });
    expect(entries[2]!.detail).toMatchObject({ method: 'registerNewPatient', visitId: visit.id, queue: 'U-001', unit: 'UMUM', payer: 'jkn', verdict: 'unknown' });
    expect(entries[3]!.detail).toEqual({ warning: 'payer-without-eligibility', visitId: visit.id, verdict: 'unknown' });
    core.close();
  });
});
