import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { likelyDuplicates } from '../../../src/core/lookup/own-patients';
import { createPatient, findPatient } from '../../../src/core/patients/patients.repo';
import { readSettings, saveSettings } from '../../../src/core/settings/settings.repo';
import { derivePayer, registerEmergency, registerVisit } from '../../../src/core/visits/visits';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { DEFAULT_SETTINGS, formatMrn } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const settings = DEFAULT_SETTINGS;
// 09:00 WIB on 23 November 2026
const MORNING = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';
const at = (iso: string): Date => new Date(iso);

function freshDb(): Db {
  return openDatabase(join(tempDir(), 'loket.db'));
}
const siti = (db: Db) => createPatient(db, { nik: '3673015203850003', card: '0001336526592', name: 'Siti Aminah', dob: '1985-03-12', sex: 'P' }, settings, MORNING);
const budi = (db: Db) => createPatient(db, { name: 'Budi Santoso', dob: '1978-01-02', sex: 'L' }, settings, MORNING);

describe('patients of this facility', () => {
  it('get medical-record numbers in the configured format and are recognized when they return', () => {
    const db = freshDb();
    const a = siti(db);
    const b = budi(db);
    expect([a.mrn, b.mrn]).toEqual(['000001', '000002']);
    expect(a.name).toBe('SITI AMINAH');
    expect(findPatient(db, { nik: '3673015203850003' })?.id).toBe(a.id);
    expect(findPatient(db, { card: '0001336526592' })?.id).toBe(a.id);
    expect(findPatient(db, { mrn: '000002' })?.id).toBe(b.id);
    expect(findPatient(db, { nik: '3673010101010009' })).toBeUndefined();
    const custom = createPatient(db, { name: 'Bayi Ny. Siti' }, { ...settings, mrnFormat: 'RM-{yyyy}-{seq:5}' }, MORNING);
    expect(custom.mrn).toBe('RM-2026-00003');
    db.close();
  });

  it('shows likely duplicates (same person, another spelling, same birth date) before a new record', () => {
    const db = freshDb();
    createPatient(db, { name: 'Moch. Rizki', dob: '1990-08-17' }, settings, MORNING);
    expect(likelyDuplicates(db, 'Muhammad Rizki', '1990-08-17', TODAY).map((p) => p.name)).toEqual(['MOCH. RIZKI']);
    expect(likelyDuplicates(db, 'Muhammad Rizki', '1984-02-29', TODAY)).toEqual([]);
    // The clerk may still create it: a duplicate is a warning, not a wall.
    expect(createPatient(db, { name: 'Muhammad Rizki', dob: '1990-08-17' }, settings, MORNING).mrn).toBe('000002');
    // Spelt otherwise or shortened, with the same birth date: asked too (the name search matches them).
    createPatient(db, { name: 'Sutinah Aryani', dob: '1985-03-12' }, settings, MORNING);
    for (const typed of ['SUTINAH ARIANI', 'SUTINAH', 'sutinah aryani']) expect(likelyDuplicates(db, typed, '1985-03-12', TODAY).map((p) => p.name)).toEqual(['SUTINAH ARYANI']);
    expect(likelyDuplicates(db, 'SUTINAH ARIANI', '1990-08-17', TODAY)).toEqual([]);
    expect(likelyDuplicates(db, 'SITI AMINAH', '1985-03-12', TODAY)).toEqual([]);
    db.close();
  });

  it('formats record numbers with year and facility code', () => {
    expect(formatMrn('{code}-{yy}{seq:4}', 42, '2026-11-23', 'PKM01')).toBe('PKM01-260042');
  });
});

describe('registering a visit', () => {
  it('hands out one sequence per unit and day, whoever pays', () => {
    const db = freshDb();
    const s = siti(db);
    const b = budi(db);
    const first = registerVisit(db, settings, { patient: s, unit: 'UMUM', verdict: 'eligible', clerk: 'ani', now: MORNING });
    const second = registerVisit(db, settings, { patient: b, unit: 'UMUM', verdict: 'unknown', payer: 'umum', clerk: 'ani', now: MORNING });
    const dental = registerVisit(db, settings, { patient: b, unit: 'GIGI', verdict: 'unknown', clerk: 'ani', now: MORNING });
    expect([first.queue, second.queue, dental.queue]).toEqual(['U-001', 'U-002', 'G-001']);
    expect([first.payer, second.payer, dental.payer]).toEqual(['jkn', 'umum', 'pending']);
    db.close();
  });

  it("restarts the numbers at midnight of the facility's own time zone", () => {
    const db = freshDb();
    const s = siti(db);
    const b = budi(db);
    // 23:59 WIB on the 23rd, then 00:01 WIB on the 24th.
    expect(registerVisit(db, settings, { patient: s, unit: 'UMUM', verdict: 'eligible', clerk: 'x', now: at('2026-11-23T16:59:00Z') })).toMatchObject({ serviceDate: '2026-11-23', queue: 'U-001' });
    expect(registerVisit(db, settings, { patient: b, unit: 'UMUM', verdict: 'eligible', clerk: 'x', now: at('2026-11-23T17:01:00Z') })).toMatchObject({ serviceDate: '2026-11-24', queue: 'U-001' });
    // In Gorontalo (WITA, UTC+8) 16:30 UTC is already the next day.
    const wita = { ...settings, timeZone: 'Asia/Makassar' as const };
    expect(registerVisit(db, wita, { patient: s, unit: 'GIGI', verdict: 'eligible', clerk: 'x', now: at('2026-11-23T16:30:00Z') }).serviceDate).toBe('2026-11-24');
    db.close();
  });

  it('refuses a second visit to the same unit on the same day unless the clerk confirms', () => {
    const db = freshDb();
    const s = siti(db);
    registerVisit(db, settings, { patient: s, unit: 'UMUM', verdict: 'eligible', clerk: 'x', now: MORNING });
    expect(() => registerVisit(db, settings, { patient: s, unit: 'UMUM', verdict: 'eligible', clerk: 'x', now: MORNING })).toThrow(
      expect.objectContaining({ key: 'visit/duplicate', params: expect.objectContaining({ queue: 'U-001' }) }),
    );
    expect(registerVisit(db, settings, { patient: s, unit: 'UMUM', verdict: 'eligible', confirmDuplicate: true, clerk: 'x', now: MORNING }).queue).toBe('U-002');
    expect(registerVisit(db, settings, { patient: s, unit: 'GIGI', verdict: 'eligible', clerk: 'x', now: MORNING }).queue).toBe('G-001');
    expect(() => registerVisit(db, settings, { patient: s, unit: 'BEDAH', verdict: 'eligible', clerk: 'x', now: MORNING })).toThrow(expect.objectContaining({ key: 'visit/unknown-unit' }));
    db.close();
  });

  it('never blocks a not-found or not-active patient: payer pending and a follow-up to settle it', () => {
    const db = freshDb();
    const b = budi(db);
    const visit = registerVisit(db, settings, { patient: b, unit: 'UMUM', verdict: 'not-eligible', clerk: 'x', now: MORNING });
    expect(visit.payer).toBe('pending');
    const followUps = db.prepare('SELECT kind, reason, due_at AS due FROM follow_ups WHERE visit_id = ?').all(visit.id);
    expect(followUps).toEqual([{ kind: 'settle-payer', reason: 'not-active', due: '2026-11-26T02:00:00.000Z' }]);
    expect(derivePayer('eligible')).toBe('jkn');
    expect(derivePayer(null)).toBe('pending');
    db.close();
  });
});

/**
 * Settings under which the emergency unit took plain visits, as an older Loket's `daftar --unit IGD`
 * left them in a database: the queue still has to order and count them.
 */
const OLDER_LOKET = { ...settings, emergencyUnit: '' };

describe('the emergency unit', () => {
  it('takes no plain visit: emergencies only (registerEmergency), whoever calls registerVisit', async () => {
    const db = freshDb();
    expect(() => registerVisit(db, settings, { patient: siti(db), unit: 'IGD', verdict: 'eligible', clerk: 'x', now: MORNING })).toThrow(
      expect.objectContaining({ key: 'visit/emergency-unit', params: { unit: 'IGD (Gawat Darurat)' } }),
    );
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('an emergency', () => {
  it('is registered at once without identity, before the regular numbers, with follow-ups by the deadline', () => {
    const db = freshDb();
    const s = siti(db);
    registerVisit(db, OLDER_LOKET, { patient: s, unit: 'IGD', verdict: 'eligible', clerk: 'x', now: MORNING });
    // 14:32 WIB
    const e = registerEmergency(db, settings, { clerk: 'x', now: at('2026-11-23T07:32:00Z') });
    expect(e.patient).toMatchObject({ name: 'TANPA IDENTITAS 14:32', identified: false, nik: null });
    expect(e).toMatchObject({ unit: 'IGD', queue: 'GD-001', emergency: true, payer: 'pending' });
    const kinds = db.prepare('SELECT kind, due_at AS due FROM follow_ups WHERE visit_id = ? ORDER BY kind').all(e.id);
    expect(kinds).toEqual([
      { kind: 'identify-patient', due: '2026-11-26T07:32:00.000Z' },
      { kind: 'settle-payer', due: '2026-11-26T07:32:00.000Z' },
    ]);
    // The day's queue in the emergency unit: the emergency comes first, whatever the arrival order.
    const order = db.prepare(`SELECT queue_prefix || '-' || queue_no AS q FROM visits WHERE service_date = '2026-11-23' AND unit = 'IGD' ORDER BY emergency DESC, registered_at`).pluck().all();
    expect(order).toEqual(['GD-1', 'I-1']);
    // A known patient keeps their record; a deadline setting of 24 hours applies.
    const known = registerEmergency(db, { ...settings, followUpHours: 24 }, { patient: s, clerk: 'x', now: MORNING });
    expect(known.queue).toBe('GD-002');
    expect(db.prepare('SELECT count(*) AS n FROM follow_ups WHERE visit_id = ?').get(known.id)).toEqual({ n: 1 });
    db.close();
  });

  it('two victims without identity in the same minute get two names, told apart on the slip and the queue', () => {
    const db = freshDb();
    const names = ['07:39:05Z', '07:39:40Z', '07:39:59Z', '07:40:10Z'].map((t) => registerEmergency(db, settings, { clerk: 'x', now: at(`2026-11-23T${t}`) }).patient.name);
    expect(names).toEqual(['TANPA IDENTITAS 14:39', 'TANPA IDENTITAS 14:39 (2)', 'TANPA IDENTITAS 14:39 (3)', 'TANPA IDENTITAS 14:40']);
    db.close();
  });
});

describe('settings', () => {
  it('are saved, read back over the defaults, and validated', () => {
    const db = freshDb();
    expect(readSettings(db)).toEqual(DEFAULT_SETTINGS);
    saveSettings(db, { ...DEFAULT_SETTINGS, facilityName: 'Puskesmas Walantaka', counterPrefix: 'B', timeZone: 'Asia/Makassar' });
    expect(readSettings(db)).toMatchObject({ facilityName: 'Puskesmas Walantaka', counterPrefix: 'B', timeZone: 'Asia/Makassar', followUpHours: 72 });
    expect(() => saveSettings(db, { ...DEFAULT_SETTINGS, counterPrefix: 'b c' })).toThrow();
    expect(() => saveSettings(db, { ...DEFAULT_SETTINGS, mrnFormat: 'RM-' })).toThrow();
    db.close();
  });
});

describe("today's queue", () => {
  it('calls emergencies first, then arrival order; tracks waiting time; cancels and serves', async () => {
    const { callNext, dayQueue, setVisitStatus } = await import('../../../src/core/visits/queue');
    const db = freshDb();
    const s = siti(db);
    const b = budi(db);
    const v1 = registerVisit(db, OLDER_LOKET, { patient: b, unit: 'IGD', verdict: 'unknown', payer: 'umum', clerk: 'x', now: MORNING });
    const v2 = registerVisit(db, OLDER_LOKET, { patient: s, unit: 'IGD', verdict: 'eligible', clerk: 'x', now: at('2026-11-23T02:05:00Z') });
    const e = registerEmergency(db, settings, { clerk: 'x', now: at('2026-11-23T02:10:00Z') });
    const later = at('2026-11-23T02:30:00Z');
    expect(dayQueue(db, settings, later, 'IGD').map((q) => [q.queue, q.status, q.waitingMinutes])).toEqual([
      ['GD-001', 'waiting', 20],
      ['I-001', 'waiting', 30],
      ['I-002', 'waiting', 25],
    ]);
    expect(callNext(db, settings, 'IGD', later)?.visitId).toBe(e.id);
    expect(callNext(db, settings, 'IGD', later)?.visitId).toBe(v1.id);
    setVisitStatus(db, v1.id, 'served', at('2026-11-23T02:40:00Z'));
    setVisitStatus(db, v2.id, 'cancelled', later);
    expect(() => setVisitStatus(db, v2.id, 'served', later)).toThrow(expect.objectContaining({ key: 'visit/bad-status' }));
    expect(callNext(db, settings, 'IGD', later)).toBeNull();
    const queue = dayQueue(db, settings, at('2026-11-23T03:00:00Z'));
    expect(queue.map((q) => [q.queue, q.status, q.waitingMinutes])).toEqual([
      ['GD-001', 'called', 20],
      ['I-001', 'served', 30],
      ['I-002', 'cancelled', 25], // its wait stopped at the cancel
    ]);
    db.close();
  });
});

describe('follow-ups', () => {
  it('list open tasks with a countdown and close them by setting the payer or attaching an identity', async () => {
    const { attachIdentity, openFollowUps, setPayer } = await import('../../../src/core/follow-ups/follow-ups');
    const db = freshDb();
    const b = budi(db);
    const s = siti(db);
    const v = registerVisit(db, settings, { patient: b, unit: 'UMUM', verdict: 'unknown', clerk: 'x', now: MORNING });
    const e = registerEmergency(db, settings, { clerk: 'x', now: MORNING });
    const open = openFollowUps(db, at('2026-11-25T02:00:00Z'));
    expect(open.map((f) => [f.kind, f.reason, f.minutesLeft, f.overdue])).toEqual([
      ['settle-payer', 'not-found', 1440, false],
      ['settle-payer', 'emergency', 1440, false],
      ['identify-patient', 'emergency-unidentified', 1440, false],
    ]);
    expect(openFollowUps(db, at('2026-11-27T02:00:00Z'))[0]).toMatchObject({ overdue: true, minutesLeft: -1440 });

    setPayer(db, v.id, 'umum', MORNING);
    // The unidentified emergency patient turns out to be Siti, already known here: the visit moves to her record.
    expect(attachIdentity(db, e.id, { name: 'Siti Aminah', nik: s.nik! }, MORNING)).toEqual({ patientId: s.id, joined: true, mrn: s.mrn, name: 'SITI AMINAH' });
    expect(db.prepare('SELECT count(*) AS n FROM patients WHERE identified = 0').get()).toEqual({ n: 0 });
    setPayer(db, e.id, 'jkn', MORNING);
    expect(openFollowUps(db, MORNING)).toEqual([]);
    expect(db.prepare('SELECT payer FROM visits WHERE id = ?').pluck().get(v.id)).toBe('umum');
    db.close();
  });
});
