/**
 * An emergency registered without identity, then identified (protecttester P1): the trail says
 * which identity was put on the record (NIK masked), from what temporary name, and only when a
 * record was really joined, which temporary record the visit left. Real core, real SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { detailText } from '../../../src/shared/audit-detail';
import { auditWording } from '../../../src/shared/audit-wording';
import { maskNik } from '../../../src/shared/masking';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';

const tempDir = useTempDir();
const RUDI = { name: 'RUDI FIRDAUS', nik: '3604082810040821', dob: '2004-10-28', sex: 'L' as const };

describe('an emergency identified later, in the audit trail', () => {
  it('typed identity: each field before → after, NIK masked, no "joined"; a join names the temporary record it left', async () => {
    const { core } = auditCore(tempDir(), 'ani');
    const first = await callOk(core, 'registerEmergency', {});
    const typed = await callOk(core, 'attachIdentity', { visitId: first.id, identity: RUDI });
    expect(typed.joined).toBe(false);

    const siti = await callOk(core, 'createPatient', { name: 'SITI AMINAH', nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const second = await callOk(core, 'registerEmergency', {});
    const temporary = second.patient.mrn;
    const joined = await callOk(core, 'attachIdentity', { visitId: second.id, patientId: siti.id });
    expect(joined.joined).toBe(true);

    const entries = (await allEntries(core)).filter((e) => e.detail.method === 'attachIdentity');
    expect(entries).toHaveLength(2);
    const [a, b] = entries;
    expect(a).toMatchObject({ action: 'patient-change', subject: typed.mrn, detail: { joined: false, visitId: first.id } });
    expect(a!.detail.fields).toEqual(['name', 'nik', 'dob', 'sex']);
    expect((a!.detail.before as string[])[0]).toMatch(/^TANPA IDENTITAS/);
    expect(a!.detail.after).toEqual(['RUDI FIRDAUS', maskNik(RUDI.nik), RUDI.dob, 'L']);
    expect(JSON.stringify(a)).not.toContain(RUDI.nik);
    expect(a!.detail.temporaryRecord).toBeUndefined();
    expect(b).toMatchObject({ action: 'patient-change', subject: siti.mrn, detail: { joined: true, temporaryRecord: temporary } });
    expect(JSON.stringify(b)).not.toContain(SITI.nik);

    const id = (e: typeof a) => detailText(e!, auditWording('id', DEFAULT_SETTINGS.units));
    expect(id(a)).toMatch(/^identitas pasien gawat darurat dilengkapi: nama: TANPA IDENTITAS .* → RUDI FIRDAUS; NIK: – → 3604/);
    expect(id(a)).not.toContain('digabung');
    expect(id(a)).not.toContain('– → –');
    expect(id(b)).toContain(`kunjungan dipindah dari catatan sementara RM ${temporary} ke catatan pasien yang sudah ada`);
    expect(detailText(b!, auditWording('en', DEFAULT_SETTINGS.units))).toContain(`visit moved from the temporary record MRN ${temporary}`);
    expect((await callOk(core, 'verifyAudit', {})).ok).toBe(true);
    core.close();
  });
});
