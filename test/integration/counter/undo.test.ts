import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachIdentity, openFollowUps, setPayer } from '../../../src/core/follow-ups/follow-ups';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { callNext, dayQueue, setVisitStatus } from '../../../src/core/visits/queue';
import { registerEmergency, registerVisit } from '../../../src/core/visits/visits';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const settings = DEFAULT_SETTINGS;
const MORNING = new Date('2026-11-23T02:00:00Z');
const at = (iso: string): Date => new Date(iso);
const freshDb = (): Db => openDatabase(join(tempDir(), 'loket.db'));
const siti = (db: Db) => createPatient(db, { nik: '3673015203850003', card: '0001336526592', name: 'Siti Aminah', dob: '1985-03-12', sex: 'P' }, settings, MORNING);
const budi = (db: Db) => createPatient(db, { name: 'Budi Santoso', dob: '1978-01-02', sex: 'L' }, settings, MORNING);
const times = (db: Db, id: number) => db.prepare('SELECT status, called_at AS calledAt, served_at AS servedAt FROM visits WHERE id = ?').get(id);

describe('undo in the queue (reverse transitions)', () => {
  it('served goes back to called with its call time kept and the serve time cleared; waiting times stay true', () => {
    const db = freshDb();
    const v = registerVisit(db, settings, { patient: budi(db), unit: 'UMUM', verdict: 'unknown', payer: 'umum', clerk: 'x', now: MORNING });
    callNext(db, settings, 'UMUM', at('2026-11-23T02:10:00Z'));
    setVisitStatus(db, v.id, 'served', at('2026-11-23T02:20:00Z'));
    expect(times(db, v.id)).toEqual({ status: 'served', calledAt: '2026-11-23T02:10:00.000Z', servedAt: '2026-11-23T02:20:00.000Z' });
    setVisitStatus(db, v.id, 'called', at('2026-11-23T02:21:00Z'));
    expect(times(db, v.id)).toEqual({ status: 'called', calledAt: '2026-11-23T02:10:00.000Z', servedAt: null });
    expect(dayQueue(db, settings, at('2026-11-23T02:30:00Z'), 'UMUM')[0]).toMatchObject({ status: 'called', waitingMinutes: 10 });
    // Served again later: the new time counts.
    setVisitStatus(db, v.id, 'served', at('2026-11-23T02:40:00Z'));
    expect(times(db, v.id)).toMatchObject({ servedAt: '2026-11-23T02:40:00.000Z' });
    db.close();
  });

  it('served straight from waiting goes back to waiting; called goes back to waiting; a cancelled visit is never served', () => {
    const db = freshDb();
    const v = registerVisit(db, settings, { patient: budi(db), unit: 'UMUM', verdict: 'unknown', payer: 'umum', clerk: 'x', now: MORNING });
    setVisitStatus(db, v.id, 'served', at('2026-11-23T02:20:00Z'));
    setVisitStatus(db, v.id, 'waiting', at('2026-11-23T02:21:00Z'));
    expect(times(db, v.id)).toEqual({ status: 'waiting', calledAt: null, servedAt: null });
    setVisitStatus(db, v.id, 'called', at('2026-11-23T02:22:00Z'));
    setVisitStatus(db, v.id, 'waiting', at('2026-11-23T02:23:00Z'));
    expect(times(db, v.id)).toEqual({ status: 'waiting', calledAt: null, servedAt: null });
    setVisitStatus(db, v.id, 'cancelled', at('2026-11-23T02:24:00Z'));
    // Undo of Batal (back to waiting or called) is allowed: visit-status.test.ts.
    expect(() => setVisitStatus(db, v.id, 'served', MORNING)).toThrow(expect.objectContaining({ key: 'visit/bad-status' }));
    db.close();
  });
});

describe('undo of a payer', () => {
  it('says the payer before; back to pending reopens the same follow-up with its deadline', () => {
    const db = freshDb();
    const v = registerVisit(db, settings, { patient: budi(db), unit: 'UMUM', verdict: 'unknown', clerk: 'x', now: MORNING });
    const [task] = openFollowUps(db, MORNING);
    expect(task).toMatchObject({ kind: 'settle-payer', visit: { id: v.id, payer: 'pending' } });

    expect(setPayer(db, v.id, 'jkn', MORNING)).toEqual({ previous: 'pending', payer: 'jkn' });
    expect(openFollowUps(db, MORNING)).toEqual([]);
    expect(setPayer(db, v.id, 'pending', MORNING)).toEqual({ previous: 'jkn', payer: 'pending' });
    const reopened = openFollowUps(db, MORNING);
    expect(reopened.map((f) => [f.id, f.kind, f.reason, f.dueAt, f.visit.payer])).toEqual([[task!.id, 'settle-payer', 'not-found', task!.dueAt, 'pending']]);
    // Twice pending opens nothing more.
    setPayer(db, v.id, 'pending', MORNING);
    expect(openFollowUps(db, MORNING)).toHaveLength(1);
    db.close();
  });

  it('a visit registered with a payer that is set back to pending gets a new follow-up with the deadline', () => {
    const db = freshDb();
    const v = registerVisit(db, settings, { patient: budi(db), unit: 'UMUM', verdict: 'unknown', payer: 'umum', clerk: 'x', now: MORNING });
    expect(openFollowUps(db, MORNING)).toEqual([]);
    expect(setPayer(db, v.id, 'pending', MORNING, 24)).toEqual({ previous: 'umum', payer: 'pending' });
    expect(openFollowUps(db, MORNING).map((f) => [f.kind, f.dueAt])).toEqual([['settle-payer', '2026-11-24T02:00:00.000Z']]);
    expect(setPayer(db, v.id, 'umum', MORNING)).toEqual({ previous: 'pending', payer: 'umum' });
    expect(openFollowUps(db, MORNING)).toEqual([]);
    expect(() => setPayer(db, 999, 'jkn', MORNING)).toThrow(expect.objectContaining({ key: 'visit/not-found' }));
    db.close();
  });
});

describe('attaching an identity says what happened', () => {
  it('fills the temporary record (not joined) with the typed identity', () => {
    const db = freshDb();
    const e = registerEmergency(db, settings, { clerk: 'x', now: MORNING });
    const result = attachIdentity(db, e.id, { name: ' joko  widodo ', dob: '1970-01-02' }, MORNING);
    expect(result).toEqual({ patientId: e.patientId, joined: false, mrn: expect.any(String), name: 'JOKO WIDODO' });
    db.close();
  });

  it('joins a record of this facility picked by id, or found by card; the temporary record goes away', () => {
    const db = freshDb();
    const b = budi(db);
    const s = siti(db);
    const e1 = registerEmergency(db, settings, { clerk: 'x', now: MORNING });
    expect(attachIdentity(db, e1.id, { patientId: b.id }, MORNING)).toEqual({ patientId: b.id, joined: true, mrn: b.mrn, name: 'BUDI SANTOSO' });
    const e2 = registerEmergency(db, settings, { clerk: 'x', now: MORNING });
    expect(attachIdentity(db, e2.id, { identity: { name: 'Siti A', card: s.card! } }, MORNING)).toEqual({ patientId: s.id, joined: true, mrn: s.mrn, name: 'SITI AMINAH' });
    expect(db.prepare('SELECT count(*) FROM patients WHERE identified = 0').pluck().get()).toBe(0);
    expect(openFollowUps(db, MORNING).filter((f) => f.kind === 'identify-patient')).toEqual([]);
    const e3 = registerEmergency(db, settings, { clerk: 'x', now: MORNING });
    expect(() => attachIdentity(db, e3.id, { patientId: 4242 }, MORNING)).toThrow(expect.objectContaining({ key: 'patient/not-found' }));
    db.close();
  });
});
