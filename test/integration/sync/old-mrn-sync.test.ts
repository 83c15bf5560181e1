import { describe, expect, it } from 'vitest';
import { createPatient, findPatient, findPatientsByOldMrn } from '../../../src/core/patients/patients.repo';
import { updatePatient } from '../../../src/core/patients/update-patient';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { ackOutbox, readOutbox } from '../../../src/core/sync/outbox';
import type { Db } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';
import { pulledPatient, pullResponse } from './pull-records';
import { NOW, SETTINGS, enrolledCounterDb, later } from './sync-fixture';

const tempDir = useTempDir();
const pushAll = (db: Db): void => ackOutbox(db, readOutbox(db, 500).ops.map((op) => ({ opId: op.opId, status: 'applied' as const })));

describe('the old RM ("RM lama") travels with the patient record', () => {
  it('a record made or corrected here sends its old RM to the hub', () => {
    const db = enrolledCounterDb(tempDir());
    const aminah = createPatient(db, { name: 'Aminah', oldMrn: 'No. RM 000013' }, SETTINGS, NOW);
    expect(readOutbox(db, 10).ops.map((op) => (op.kind === 'patient' ? op.record.oldMrn : undefined))).toEqual(['000013']);
    pushAll(db);
    // A correction of the old RM alone is a change the hub must hear of (the outbox trigger watches it).
    updatePatient(db, aminah.id, { oldMrn: '000031' }, later(5));
    expect(readOutbox(db, 10).ops.map((op) => (op.kind === 'patient' ? op.record.oldMrn : undefined))).toEqual(['000031']);
    db.close();
  });

  it('a pulled old RM is searchable here; a pull from an older hub (no field) keeps the one the record has', () => {
    const db = enrolledCounterDb(tempDir());
    const pulled = pulledPatient({ rev: 1, name: 'AMINAH', oldMrn: '000013' });
    applyPull(db, pullResponse({ cursor: 1, patients: [pulled] }));
    expect(findPatientsByOldMrn(db, '13').map((p) => p.uid)).toEqual([pulled.uid]);
    const { oldMrn: _, ...fromOlderHub } = pulled;
    applyPull(db, pullResponse({ cursor: 2, patients: [{ ...fromOlderHub, rev: 2, name: 'AMINAH BINTI ALI' }] }));
    expect(findPatient(db, { mrn: pulled.mrn })).toMatchObject({ name: 'AMINAH BINTI ALI', oldMrn: '000013' });
    applyPull(db, pullResponse({ cursor: 3, patients: [{ ...pulled, rev: 3, oldMrn: null }] }));
    expect(findPatient(db, { mrn: pulled.mrn })?.oldMrn).toBeNull();
    expect(findPatientsByOldMrn(db, '13')).toEqual([]);
    db.close();
  });
});
