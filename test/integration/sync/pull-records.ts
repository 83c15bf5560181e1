import type { PatientRecord, PullResponse, VisitRecord } from '../../../src/shared/hub-protocol';
import { newUid } from '../../../src/core/sync/uuid';
import { NOW, TODAY } from './sync-fixture';

/** Records as the hub sends them, for pull responses in tests. */
export function pulledPatient(fields: Partial<PatientRecord> & { rev: number }): PatientRecord & { rev: number } {
  return {
    uid: newUid(),
    mrn: `H-${fields.rev}`,
    nik: null,
    card: null,
    name: 'PASIEN LAIN',
    dob: null,
    sex: null,
    address: null,
    identified: true,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    mergedInto: null,
    ...fields,
  };
}

export function pulledVisit(fields: Partial<VisitRecord> & { rev: number; patientUid: string }): VisitRecord & { rev: number } {
  return {
    uid: newUid(),
    serviceDate: TODAY,
    unit: 'UMUM',
    queuePrefix: 'U',
    queueNo: fields.rev,
    emergency: false,
    payer: 'umum',
    verdict: null,
    verdictSource: null,
    status: 'waiting',
    registeredAt: NOW.toISOString(),
    registeredBy: 'budi',
    calledAt: null,
    servedAt: null,
    cancelledAt: null,
    counter: 'counter-other',
    ...fields,
  };
}

export function pullResponse(fields: Partial<PullResponse>): PullResponse {
  return { cursor: 0, more: false, patients: [], visits: [], followUps: [], prints: [], rechecks: [], notices: [], aliases: [], settings: null, ...fields };
}
