import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { formatCoreMessage, type CoreMessage } from '../../../src/shared/i18n/messages';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();

describe('the counter through the contract', () => {
  it('looks up, creates the patient, registers, refuses a duplicate in words, and registers an emergency', async () => {
    const dir = tempDir();
    let clock = new Date('2026-11-23T02:00:00Z');
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const call = async <T>(method: string, input?: unknown): Promise<T> => {
      const result = await dispatch(core, method, input);
      // The clerk's words: the counter formats the error's code in its language (here Indonesian).
      if (!result.ok) throw Object.assign(new Error(formatContractError('id', result.error)), result.error);
      return result.value as T;
    };

    const found = await call<{ verdict: string; matches: { nik: string; name: string; dob: string; card: string }[] }>('lookup', { query: SITI.nik });
    expect(found.verdict).toBe('eligible');
    expect(await call('findPatient', { nik: SITI.nik })).toBeNull();
    const m = found.matches[0]!;
    const patient = await call<{ id: number; mrn: string }>('createPatient', { name: m.name, nik: m.nik, card: m.card, dob: m.dob, sex: 'P' });
    expect(patient.mrn).toBe('000001');
    await expect(call('createPatient', { name: 'Siti', nik: SITI.nik })).rejects.toMatchObject({ code: 'patient/nik-exists' });

    // A returning patient: the record number finds them, and a NIK look-up says who they are here.
    expect(await call('lookup', { query: '000001' })).toMatchObject({ kind: 'mrn', verdict: 'eligible', patient: { mrn: '000001', nik: SITI.nik } });
    expect(await call('lookup', { query: SITI.nik })).toMatchObject({ kind: 'nik', patient: { id: patient.id } });
    // A short number that is no record of this facility says so (a card has 9 digits or more, a NIK 16).
    const noRecord = await call<{ problem: CoreMessage }>('lookup', { query: '999999' });
    expect(noRecord).toMatchObject({ kind: 'mrn', verdict: 'unknown', problem: { code: 'query/no-record' } });
    expect(formatCoreMessage('id', noRecord.problem)).toMatch(/RM 999999/);

    const visit = await call<{ queue: string; payer: string }>('registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: found.verdict });
    expect(visit).toMatchObject({ queue: 'U-001', payer: 'jkn' });
    await expect(call('registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: 'eligible' })).rejects.toMatchObject({
      code: 'visit/duplicate',
      message: 'SITI AMINAH sudah terdaftar hari ini di Poli Umum (nomor U-001). Daftarkan lagi hanya jika memang perlu.',
    });
    await expect(call('registerVisit', { patientId: 99, unit: 'UMUM', verdict: null })).rejects.toMatchObject({ code: 'patient/not-found' });
    await expect(call('registerVisit', { patientId: patient.id, unit: 'UMUM' })).rejects.toMatchObject({ code: 'invalid-input' });

    clock = new Date('2026-11-23T02:10:00Z');
    const emergency = await call<{ queue: string; patient: { name: string } }>('registerEmergency', {});
    expect(emergency).toMatchObject({ queue: 'GD-001', patient: { name: 'TANPA IDENTITAS 09:10' } });
    const queue = await call<{ queue: string }[]>('dayQueue', {});
    expect(queue.map((q) => q.queue)).toEqual(['GD-001', 'U-001']);
    const followUps = await call<{ kind: string; visit: { id: number } }[]>('openFollowUps');
    expect(followUps.map((f) => f.kind)).toEqual(['settle-payer', 'identify-patient']);
    await call('setPayer', { visitId: followUps[0]!.visit.id, payer: 'umum' });
    await call('attachIdentity', { visitId: followUps[0]!.visit.id, identity: { name: 'Budi Santoso', dob: '1978-01-02' } });
    expect(await call('openFollowUps')).toEqual([]);

    // Re-check: a patient not in the lists stays pending; once a list has them, the payer settles as JKN.
    const later = await call<{ id: number }>('createPatient', { name: 'Rizki', nik: '3673011708900002' });
    const pendingVisit = await call<{ id: number; payer: string }>('registerVisit', { patientId: later.id, unit: 'GIGI', verdict: 'eligible', payer: 'pending' });
    expect(await call('recheckPayer', { visitId: pendingVisit.id })).toEqual({ verdict: 'eligible', payer: 'jkn' });
    expect(await call('recheckPayer', { visitId: pendingVisit.id })).toEqual({ verdict: 'eligible', payer: 'jkn' });
    const stranger = await call<{ id: number }>('createPatient', { name: 'Orang Baru', nik: '3673010101010009' });
    const strangerVisit = await call<{ id: number }>('registerVisit', { patientId: stranger.id, unit: 'GIGI', verdict: 'unknown' });
    expect(await call('recheckPayer', { visitId: strangerVisit.id })).toEqual({ verdict: 'unknown', payer: 'pending' });

    const saved = await call<{ counterPrefix: string }>('saveSettings', { ...(await call<object>('getSettings')), counterPrefix: 'B', facilityName: 'Puskesmas Walantaka' });
    expect(saved.counterPrefix).toBe('B');
    const other = await call<{ id: number }>('createPatient', { name: 'Dewi Lestari' });
    expect(await call('registerVisit', { patientId: other.id, unit: 'UMUM', verdict: 'unknown' })).toMatchObject({ queue: 'B-U-001', payer: 'pending' });
    core.close();
  });
});
