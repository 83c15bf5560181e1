import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HubOp } from '../../../src/shared/hub-protocol';
import { PAYERS, type VisitStatus } from '../../../src/shared/counter';
import { attachIdentity, setPayer } from '../../../src/core/follow-ups/follow-ups';
import { createPatient, findPatient } from '../../../src/core/patients/patients.repo';
import { logPrint } from '../../../src/core/slips/slips';
import { callNext, setVisitStatus } from '../../../src/core/visits/queue';
import { registerEmergency, registerVisit } from '../../../src/core/visits/visits';
import { ackOutbox, readOutbox } from '../../../src/core/sync/outbox';
import type { Db } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';
import { SETTINGS, TODAY, enrolledCounterDb, later } from './sync-fixture';

const tempDir = useTempDir();

/** A hub reduced to what the ops say: the state of each record by uid. */
type Model = Map<string, Record<string, unknown>>;

function replay(model: Model, op: HubOp): void {
  switch (op.kind) {
    case 'patient':
    case 'visit':
    case 'followUp':
    case 'print':
    case 'recheck':
      model.set(op.record.uid, { ...op.record });
      return;
    case 'visit.status':
      model.set(op.uid, { ...model.get(op.uid), status: op.status, calledAt: op.calledAt, servedAt: op.servedAt, cancelledAt: op.cancelledAt });
      return;
    case 'visit.payer':
      model.set(op.uid, { ...model.get(op.uid), payer: op.payer });
      return;
    case 'visit.patient':
      model.set(op.uid, { ...model.get(op.uid), patientUid: op.patientUid });
      return;
    case 'visit.unit':
      model.set(op.uid, { ...model.get(op.uid), unit: op.unit, queuePrefix: op.queuePrefix, queueNo: op.queueNo });
      return;
    case 'visit.recall':
      model.set(op.uid, { ...model.get(op.uid), recalls: op.recalls, recalledAt: op.recalledAt });
  }
}

/** The counter's state read straight from its tables, in the record fields the model has. */
function counterState(db: Db): Model {
  const state: Model = new Map();
  const put = (rows: unknown[]): void => {
    for (const row of rows as { uid: string }[]) state.set(row.uid, { ...row });
  };
  const patients = db.prepare('SELECT uid, mrn, nik, name, identified FROM patients').all() as { identified: number }[];
  put(patients.map((p) => ({ ...p, identified: p.identified === 1 })));
  put(db.prepare(`SELECT v.uid, p.uid AS patientUid, v.status, v.called_at AS calledAt, v.served_at AS servedAt, v.cancelled_at AS cancelledAt, v.payer FROM visits v JOIN patients p ON p.id = v.patient_id`).all());
  put(db.prepare('SELECT f.uid, f.closed_at AS closedAt, f.resolution FROM follow_ups f').all());
  put(db.prepare('SELECT uid, kind FROM print_log').all());
  return state;
}

const STATUSES: VisitStatus[] = ['waiting', 'called', 'served', 'cancelled'];
const action = fc.oneof(
  fc.record({ t: fc.constant('patient' as const), nik: fc.boolean() }),
  fc.record({ t: fc.constant('register' as const), pick: fc.nat(), unit: fc.constantFrom('UMUM', 'GIGI') }),
  fc.record({ t: fc.constant('emergency' as const) }),
  fc.record({ t: fc.constant('call' as const), unit: fc.constantFrom('UMUM', 'GIGI', 'IGD') }),
  fc.record({ t: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ t: fc.constant('payer' as const), pick: fc.nat(), payer: fc.constantFrom(...PAYERS) }),
  fc.record({ t: fc.constant('print' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('identify' as const), pick: fc.nat(), known: fc.boolean() }),
);

describe('the outbox is complete', () => {
  it('a hub replaying every push, made after each step, always holds the counter state', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const db = enrolledCounterDb(tempDir());
        const hub: Model = new Map();
        let nik = 3201010101010000;
        try {
          actions.forEach((a, i) => {
            const now = later(i);
            const visits = db.prepare('SELECT id FROM visits ORDER BY id').pluck().all() as number[];
            const patients = db.prepare('SELECT id FROM patients WHERE identified = 1 ORDER BY id').pluck().all() as number[];
            const visit = (pick: number): number | undefined => visits[pick % Math.max(1, visits.length)];
            try {
              if (a.t === 'patient') createPatient(db, { name: `P${i}`, ...(a.nik ? { nik: String(++nik) } : {}) }, SETTINGS, now);
              else if (a.t === 'register' && patients.length > 0) {
                const patient = findPatient(db, { id: patients[a.pick % patients.length]! })!;
                registerVisit(db, SETTINGS, { patient, unit: a.unit, verdict: null, clerk: 'ani', now, confirmDuplicate: true });
              } else if (a.t === 'emergency') registerEmergency(db, SETTINGS, { clerk: 'ani', now });
              else if (a.t === 'call') callNext(db, SETTINGS, a.unit, now, TODAY);
              else if (a.t === 'status' && visit(a.pick)) setVisitStatus(db, visit(a.pick)!, a.status, now);
              else if (a.t === 'payer' && visit(a.pick)) setPayer(db, visit(a.pick)!, a.payer, now);
              else if (a.t === 'print' && visit(a.pick)) logPrint(db, visit(a.pick)!, 'print', '80mm', null, 'ani', now);
              else if (a.t === 'identify' && visit(a.pick)) {
                const target = a.known && patients.length > 0 ? { patientId: patients[0]! } : { identity: { name: `Dikenal ${i}`, nik: String(++nik) } };
                attachIdentity(db, visit(a.pick)!, target, now);
              }
            } catch (error) {
              // A move the rules refuse (a bad status change) changes nothing.
              if (!(error instanceof Error && 'key' in error)) throw error;
            }
            const { ops } = readOutbox(db, 500);
            for (const op of ops) replay(hub, op);
            ackOutbox(db, ops.map((op) => ({ opId: op.opId, status: 'applied' as const })));
          });
          for (const [uid, record] of counterState(db)) expect(hub.get(uid), uid).toMatchObject(record);
        } finally {
          db.close();
        }
      }),
      { numRuns: 20 },
    );
  });
});
