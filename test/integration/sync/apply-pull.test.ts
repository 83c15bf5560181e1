import { describe, expect, it } from 'vitest';
import { createPatient, findPatient, findPatientsByMrn, findPatientsByNameKey } from '../../../src/core/patients/patients.repo';
import { addMrnBlock } from '../../../src/core/sync/mrn-blocks';
import { normalizeName } from '../../../src/shared/names';
import { readSettings } from '../../../src/core/settings/settings.repo';
import { saveSettings } from '../../../src/core/settings/settings.repo';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { markNoticeSeen, unseenNotices } from '../../../src/core/sync/hub-notices.repo';
import { ackOutbox, outboxBacklog, readOutbox } from '../../../src/core/sync/outbox';
import { STUCK_AFTER_ROUNDS } from '../../../src/core/sync/pull-deferred';
import { syncState } from '../../../src/core/sync/sync-state.repo';
import { newUid } from '../../../src/core/sync/uuid';
import { dayQueue } from '../../../src/core/visits/queue';
import { registerVisit } from '../../../src/core/visits/visits';
import type { Db } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';
import { pulledPatient, pulledVisit, pullResponse } from './pull-records';
import { NOW, SETTINGS, TODAY, enrolledCounterDb, later } from './sync-fixture';

const tempDir = useTempDir();
const NIK = '3201010101010001';

/** Pushes everything waiting, as if the hub applied it all. */
function pushAll(db: Db): void {
  ackOutbox(db, readOutbox(db, 500).ops.map((op) => ({ opId: op.opId, status: 'applied' as const })));
}
const uidOf = (db: Db, table: string, id: number): string => (db.prepare(`SELECT uid FROM ${table} WHERE id = ?`).get(id) as { uid: string }).uid;

describe('applying a pull', () => {
  it('inserts and updates records by uid, records no op for them, and saves the cursor', () => {
    const db = enrolledCounterDb(tempDir());
    const patient = pulledPatient({ rev: 1, name: 'RINA', nik: NIK });
    const visit = pulledVisit({ rev: 2, patientUid: patient.uid, queueNo: 4 });
    const first = applyPull(db, pullResponse({ cursor: 2, patients: [patient], visits: [visit] }));
    expect(first).toMatchObject({ applied: 2, deferred: 0, kept: 0, cursor: 2, settings: null });
    expect(findPatient(db, { nik: NIK })).toMatchObject({ name: 'RINA', mrn: patient.mrn });
    expect(dayQueue(db, SETTINGS, NOW, 'UMUM', TODAY)).toMatchObject([{ queue: 'U-004', patient: { name: 'RINA' }, status: 'waiting' }]);

    const called = { ...visit, rev: 4, status: 'called' as const, calledAt: later(3).toISOString() };
    applyPull(db, pullResponse({ cursor: 4, patients: [{ ...patient, rev: 3, name: 'RINA WATI' }], visits: [called] }));
    expect(findPatient(db, { nik: NIK })?.name).toBe('RINA WATI');
    expect(dayQueue(db, SETTINGS, NOW, 'UMUM', TODAY)).toMatchObject([{ status: 'called', calledAt: later(3).toISOString() }]);
    expect(outboxBacklog(db)).toBe(0);
    expect(syncState(db).cursor).toBe(4);
    expect(db.prepare('SELECT applying FROM sync_state').get()).toEqual({ applying: 0 });
    db.close();
  });

  it("takes the hub's text without hidden characters: a bidi override in a name, a zero-width space in an address or a notice", () => {
    const db = enrolledCounterDb(tempDir());
    const patient = pulledPatient({ rev: 1, name: 'BUDI \u202eNAMSOR\u202c', address: 'JL. MAWAR\u200b 5', nik: NIK });
    applyPull(db, pullResponse({ cursor: 1, patients: [patient] }));
    expect(findPatient(db, { nik: NIK })).toMatchObject({ name: 'BUDI NAMSOR', address: 'JL. MAWAR 5' });
    expect(findPatientsByNameKey(db, normalizeName('budi namsor').key, null)).toMatchObject([{ nik: NIK }]);
    db.close();
  });

  it('leaves a record with unpushed local changes as it is', () => {
    const db = enrolledCounterDb(tempDir());
    const local = createPatient(db, { name: 'Siti', nik: NIK }, SETTINGS, NOW);
    pushAll(db);
    db.prepare('UPDATE patients SET address = ? WHERE id = ?').run('Jl. Baru', local.id); // not pushed yet
    const stale = pulledPatient({ rev: 5, uid: uidOf(db, 'patients', local.id), mrn: local.mrn, nik: NIK, name: 'SITI (HUB)', address: null });
    expect(applyPull(db, pullResponse({ cursor: 5, patients: [stale] }))).toMatchObject({ applied: 0, kept: 1, cursor: 5 });
    expect(findPatient(db, { id: local.id })).toMatchObject({ name: 'SITI', address: 'Jl. Baru' });
    db.close();
  });

  it('applies a merge: the visits move to the survivor, the old RM finds it, the merged record goes', () => {
    const db = enrolledCounterDb(tempDir());
    const local = createPatient(db, { name: 'Siti', nik: NIK }, SETTINGS, NOW);
    const visit = registerVisit(db, SETTINGS, { patient: local, unit: 'UMUM', verdict: null, clerk: 'ani', now: NOW });
    pushAll(db);
    // Another counter registered the same NIK first: the hub keeps that record and merges ours into it.
    const survivor = pulledPatient({ rev: 7, mrn: '000900', nik: NIK, name: 'SITI AMINAH' });
    const merged = pulledPatient({ rev: 8, uid: uidOf(db, 'patients', local.id), mrn: local.mrn, nik: NIK, name: 'SITI', mergedInto: survivor.uid });
    // The survivor comes first in the response: the merged record must still let go of the NIK first.
    const result = applyPull(db, pullResponse({ cursor: 8, patients: [survivor, merged], aliases: [{ mrn: local.mrn, patientUid: survivor.uid, rev: 8 }] }));
    expect(result).toMatchObject({ deferred: 0, cursor: 8 });
    const kept = findPatient(db, { nik: NIK })!;
    expect(kept).toMatchObject({ mrn: '000900', name: 'SITI AMINAH' });
    expect(findPatient(db, { id: local.id })).toBeUndefined();
    expect(findPatient(db, { mrn: local.mrn })?.id).toBe(kept.id);
    expect((db.prepare('SELECT patient_id AS p FROM visits WHERE id = ?').get(visit.id) as { p: number }).p).toBe(kept.id);
    expect(outboxBacklog(db)).toBe(0);
    db.close();
  });

  it('a merge pulled while the merged record has an unpushed edit here waits: the edit goes to the hub first (papertester F7)', () => {
    const db = enrolledCounterDb(tempDir());
    const local = createPatient(db, { name: 'Siti', nik: NIK }, SETTINGS, NOW);
    pushAll(db);
    db.prepare('UPDATE patients SET address = ?, old_mrn = ? WHERE id = ?').run('JL. MAWAR 9', '000999', local.id); // not pushed yet
    const survivor = pulledPatient({ rev: 7, mrn: '000900', name: 'SITI AMINAH' });
    const merged = pulledPatient({ rev: 8, uid: uidOf(db, 'patients', local.id), mrn: local.mrn, nik: null, name: 'SITI', mergedInto: survivor.uid });
    expect(applyPull(db, pullResponse({ cursor: 8, patients: [survivor, merged] }))).toMatchObject({ kept: 1 });
    expect(findPatient(db, { id: local.id })).toMatchObject({ address: 'JL. MAWAR 9', oldMrn: '000999' });
    expect(readOutbox(db, 10).ops.map((op) => op.kind)).toEqual(['patient']);
    db.close();
  });

  it("records in the trail, once, what the hub carried from a late edit of a merged record onto the survivor", () => {
    const db = enrolledCounterDb(tempDir());
    const params = { survivorMrn: '000900', mergedMrn: '000901', name: 'SITI AMINAH', mergedName: 'SITI', carried: 'address,oldMrn', changed: 'name' };
    const notice = { uid: newUid(), kind: 'patient-merged' as const, at: NOW.toISOString(), subjects: [newUid(), newUid()], params, rev: 3 };
    applyPull(db, pullResponse({ cursor: 3, notices: [notice] }));
    applyPull(db, pullResponse({ cursor: 3, notices: [notice] })); // pulled again: no second entry
    const entries = db.prepare(`SELECT actor, subject, detail FROM audit_log WHERE action = 'patient-change'`).all() as { actor: string; subject: string; detail: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subject).toBe('000900');
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ method: 'hubLateEdit', mergedMrn: '000901', fields: ['address', 'oldMrn'], notCarried: ['name'], source: 'hub' });
    db.close();
  });

  it('defers a pulled patient whose NIK is that of a local patient the hub has not seen, until the push', () => {
    const db = enrolledCounterDb(tempDir());
    const local = createPatient(db, { name: 'Siti', nik: NIK }, SETTINGS, NOW); // still in the outbox
    const theirs = pulledPatient({ rev: 10, mrn: '000500', nik: NIK, name: 'SITI AMINAH' });
    const theirVisit = pulledVisit({ rev: 11, patientUid: theirs.uid, queueNo: 2 });
    const unrelated = pulledPatient({ rev: 12, name: 'BUDI' });
    const round1 = applyPull(db, pullResponse({ cursor: 12, patients: [theirs, unrelated], visits: [theirVisit] }));
    // Kept aside, not re-pulled: the cursor moves on.
    expect(round1).toMatchObject({ applied: 1, deferred: 2, stuck: 0, cursor: 12 });
    expect(findPatient(db, { nik: NIK })?.id).toBe(local.id);
    expect(findPatient(db, { mrn: unrelated.mrn })?.name).toBe('BUDI');
    expect(syncState(db).cursor).toBe(12);

    // The push reaches the hub, which merges ours into theirs; the next pull (from 12) brings only the merge: the two kept are tried again with it.
    pushAll(db);
    const ours = pulledPatient({ rev: 13, uid: uidOf(db, 'patients', local.id), mrn: local.mrn, nik: NIK, name: 'SITI', mergedInto: theirs.uid });
    const round2 = applyPull(db, pullResponse({ cursor: 14, patients: [ours], aliases: [{ mrn: local.mrn, patientUid: theirs.uid, rev: 14 }] }));
    expect(round2).toMatchObject({ applied: 3, deferred: 0, cursor: 14 }); // theirs, the merge, their visit
    expect(db.prepare('SELECT count(*) AS n FROM pull_deferred').get()).toEqual({ n: 0 });
    expect(findPatient(db, { nik: NIK })?.mrn).toBe('000500');
    expect(findPatient(db, { mrn: local.mrn })?.mrn).toBe('000500');
    expect(dayQueue(db, SETTINGS, NOW, 'UMUM', TODAY)).toMatchObject([{ queue: 'U-002', patient: { mrn: '000500' } }]);
    db.close();
  });

  it("keeps a record number another patient holds at the hub: its own patient keeps the RM printed on its card, pushed or not", () => {
    const db = enrolledCounterDb(tempDir());
    addMrnBlock(db, { first: 4, last: 10 }); // the hub's block: 000004 is this counter's to give
    const andri = createPatient(db, { name: 'Andri' }, SETTINGS, NOW);
    expect(andri.mrn).toBe('000004');
    pushAll(db);
    // Another counter gave 000004 too, before it enrolled: the hub keeps both, and so does this counter.
    const island = pulledPatient({ rev: 3, mrn: '000004', name: 'PASIEN PAGI 4' });
    const islandVisit = pulledVisit({ rev: 4, patientUid: island.uid, queueNo: 9 });
    expect(applyPull(db, pullResponse({ cursor: 4, patients: [island], visits: [islandVisit] }))).toMatchObject({ applied: 2, deferred: 0, cursor: 4 });
    expect(findPatientsByMrn(db, '000004').map((p) => [p.id, p.mrn, p.name])).toEqual([
      [andri.id, '000004', 'ANDRI'],
      [expect.any(Number), '000004', 'PASIEN PAGI 4'],
    ]);
    // By the RM alone, nobody: two patients hold it (the look-up shows both).
    expect(findPatient(db, { mrn: '000004' })).toBeUndefined();
    // A pull read again (a cursor that went back) changes nothing; nor does the hub's own record of ours.
    const ours = pulledPatient({ rev: 5, uid: uidOf(db, 'patients', andri.id), mrn: '000004', name: 'ANDRI' });
    applyPull(db, pullResponse({ cursor: 5, patients: [island, ours], visits: [islandVisit] }));
    expect((db.prepare('SELECT mrn FROM patients ORDER BY id').all() as { mrn: string }[]).map((r) => r.mrn)).toEqual(['000004', '000004']);
    expect(outboxBacklog(db)).toBe(0);

    // A patient of this counter not pushed yet holding the RM of a pulled record: both kept, nothing deferred.
    const rina = createPatient(db, { name: 'Rina' }, SETTINGS, NOW);
    const other = pulledPatient({ rev: 6, mrn: rina.mrn, name: 'RINA LAIN' });
    expect(applyPull(db, pullResponse({ cursor: 6, patients: [other] }))).toMatchObject({ applied: 1, deferred: 0, cursor: 6 });
    expect(findPatientsByMrn(db, rina.mrn).map((p) => p.name)).toEqual(['RINA', 'RINA LAIN']);
    db.close();
  });

  it('a NIK the hub moved to another patient (corrected there) is still let go here', () => {
    const db = enrolledCounterDb(tempDir());
    const local = createPatient(db, { name: 'Siti', nik: NIK }, SETTINGS, NOW);
    pushAll(db);
    // At the hub the NIK was corrected: it belongs to another patient now; ours comes later with its own.
    const owner = pulledPatient({ rev: 9, mrn: '000777', nik: NIK, name: 'SITI AMINAH' });
    expect(applyPull(db, pullResponse({ cursor: 9, patients: [owner] }))).toMatchObject({ applied: 1, deferred: 0 });
    expect(findPatient(db, { nik: NIK })?.mrn).toBe('000777');
    expect(findPatient(db, { id: local.id })).toMatchObject({ nik: null, mrn: local.mrn });
    db.close();
  });

  it('stores notices and the facility settings, keeping the counter its own printer, paper and prefix', () => {
    const db = enrolledCounterDb(tempDir());
    saveSettings(db, { ...SETTINGS, paper: '58mm', printerName: 'EPSON-1', counterPrefix: 'A' });
    const notice = { uid: newUid(), kind: 'possible-duplicate' as const, at: NOW.toISOString(), subjects: [newUid(), newUid()], params: { name: 'SITI' }, rev: 3 };
    const facility = { facilityName: 'RSUD Sehat', followUpHours: 24, paper: 'A4', printerName: 'HUB-PRINTER', counterPrefix: 'Z' };
    const result = applyPull(db, pullResponse({ cursor: 3, notices: [notice], settings: facility }));
    expect(result.settings).toMatchObject({ facilityName: 'RSUD Sehat', followUpHours: 24, paper: '58mm', printerName: 'EPSON-1', counterPrefix: 'A' });
    expect(readSettings(db)).toEqual(result.settings);
    expect(db.prepare('SELECT kind, subjects, params, seen_at AS seenAt FROM hub_notices').all()).toEqual([
      { kind: 'possible-duplicate', subjects: JSON.stringify(notice.subjects), params: '{"name":"SITI"}', seenAt: null },
    ]);
    expect(unseenNotices(db)).toEqual([{ uid: notice.uid, kind: 'possible-duplicate', at: notice.at, subjects: notice.subjects, params: { name: 'SITI' }, seenAt: null }]);
    markNoticeSeen(db, notice.uid, later(1));
    applyPull(db, pullResponse({ cursor: 3, notices: [notice] })); // pulled again: stays seen
    expect(unseenNotices(db)).toEqual([]);
    // Settings that would not validate change nothing.
    expect(applyPull(db, pullResponse({ cursor: 4, settings: { followUpHours: -5 } })).settings).toBeNull();
    expect(readSettings(db).followUpHours).toBe(24);
    db.close();
  });
});

describe('one queue number on two visits', () => {
  it("a pulled visit whose number a local visit has is written all the same, reported once, and both are marked in the queue", () => {
    const db = enrolledCounterDb(tempDir(), 'K1');
    // This counter's own U-001 (its number from before it enrolled, or the hub's).
    const mine = createPatient(db, { name: 'Beni Pulau' }, SETTINGS, NOW);
    registerVisit(db, SETTINGS, { patient: mine, unit: 'UMUM', verdict: null, clerk: 'ani', now: later(1), hub: { uid: newUid(), queueNo: 1 } });
    pushAll(db);
    const other = pulledPatient({ rev: 1, name: 'ANI ONLINE' });
    const theirs = pulledVisit({ rev: 2, patientUid: other.uid, queueNo: 1, registeredAt: later(2).toISOString() });
    const followUp = { uid: newUid(), visitUid: theirs.uid, kind: 'settle-payer', reason: 'not-checked', dueAt: later(60).toISOString(), createdAt: later(2).toISOString(), closedAt: null, resolution: null, rev: 3 };
    const first = applyPull(db, pullResponse({ cursor: 3, patients: [other], visits: [theirs], followUps: [followUp] }));
    expect(first).toMatchObject({ applied: 3, deferred: 0, conflicts: [theirs.uid], cursor: 3 });
    expect(dayQueue(db, SETTINGS, NOW, 'UMUM', TODAY).map((e) => [e.queue, e.patient.name, e.sameNumber])).toEqual([
      ['U-001', 'BENI PULAU', true],
      ['U-001', 'ANI ONLINE', true],
    ]);
    // Its later changes apply as to any visit, and it is not reported again.
    const called = applyPull(db, pullResponse({ cursor: 4, patients: [other], visits: [{ ...theirs, rev: 4, status: 'called', calledAt: later(5).toISOString() }] }));
    expect(called).toMatchObject({ conflicts: [] });
    expect(dayQueue(db, SETTINGS, NOW, 'UMUM', TODAY).map((e) => e.status)).toEqual(['waiting', 'called']);
    // The counter's own numbering never repeats a number: offline, the next after the highest of the day.
    const next = createPatient(db, { name: 'Citra' }, SETTINGS, NOW);
    expect(registerVisit(db, SETTINGS, { patient: next, unit: 'UMUM', verdict: null, clerk: 'ani', now: later(6), hub: { uid: newUid(), queueNo: 1 } }).queue).toBe('K1-U-001');
    db.close();
  });
});

describe('one patient waiting twice in a unit', () => {
  it('two counters that registered the same patient while the hub was out of reach: both rows say so until one is cancelled', () => {
    const db = enrolledCounterDb(tempDir(), 'K1');
    const rudi = pulledPatient({ rev: 1, name: 'RUDI FIRDAUS', nik: NIK });
    const atK4 = pulledVisit({ rev: 2, patientUid: rudi.uid, queuePrefix: 'K4-U', queueNo: 1, registeredAt: later(1).toISOString() });
    const atK5 = pulledVisit({ rev: 3, patientUid: rudi.uid, queuePrefix: 'K5-U', queueNo: 1, registeredAt: later(2).toISOString() });
    const elsewhere = pulledVisit({ rev: 4, patientUid: rudi.uid, unit: 'GIGI', queuePrefix: 'G', queueNo: 1 });
    applyPull(db, pullResponse({ cursor: 4, patients: [rudi], visits: [atK4, atK5, elsewhere] }));
    const twice = (unit: string) => dayQueue(db, SETTINGS, NOW, unit, TODAY).map((e) => [e.queue, e.waitingTwice]);
    expect(twice('UMUM')).toEqual([['K4-U-001', true], ['K5-U-001', true]]);
    expect(twice('GIGI')).toEqual([['G-001', false]]); // another unit the same day is no double
    applyPull(db, pullResponse({ cursor: 5, patients: [rudi], visits: [{ ...atK5, rev: 5, status: 'cancelled', cancelledAt: later(3).toISOString() }] }));
    expect(twice('UMUM')).toEqual([['K4-U-001', false], ['K5-U-001', false]]);
    db.close();
  });
});

describe('records that cannot be applied yet', () => {
  const followUpOf = (visitUid: string, rev: number) => ({
    uid: newUid(), visitUid, kind: 'settle-payer', reason: 'not-checked', dueAt: later(60).toISOString(), createdAt: NOW.toISOString(), closedAt: null, resolution: null, rev,
  });

  it('a follow-up whose visit comes on a later page waits aside and is applied with that page', () => {
    const db = enrolledCounterDb(tempDir());
    const p = pulledPatient({ rev: 1 });
    const v = pulledVisit({ rev: 1500, patientUid: p.uid });
    const f = followUpOf(v.uid, 3);
    const page1 = applyPull(db, pullResponse({ cursor: 1000, more: true, patients: [p], followUps: [f] }));
    expect(page1).toMatchObject({ applied: 1, deferred: 1, cursor: 1000 });
    const page2 = applyPull(db, pullResponse({ cursor: 1500, more: false, patients: [p], visits: [v] }));
    expect(page2).toMatchObject({ applied: 3, deferred: 0, stuck: 0, cursor: 1500 });
    expect(db.prepare('SELECT uid FROM follow_ups').all()).toEqual([{ uid: f.uid }]);
    db.close();
  });

  it('one that never applies never holds the cursor; after many rounds it is stuck: counted, and a notice for the follow-ups screen', () => {
    const db = enrolledCounterDb(tempDir());
    const orphan = followUpOf(newUid(), 5); // its visit will never come (a restored backup, a bug)
    let cursor = 5;
    expect(applyPull(db, pullResponse({ cursor, followUps: [orphan] }))).toMatchObject({ applied: 0, deferred: 1, stuck: 0, cursor: 5 });
    // Later rounds bring other records; pages of a catch-up (more: true) are not rounds.
    for (let round = 2; round < STUCK_AFTER_ROUNDS; round++) {
      const p = pulledPatient({ rev: ++cursor });
      applyPull(db, pullResponse({ cursor, more: true, patients: [p] }));
      expect(applyPull(db, pullResponse({ cursor: ++cursor }))).toMatchObject({ applied: 0, deferred: 1, stuck: 0, cursor });
    }
    expect(unseenNotices(db)).toEqual([]);
    expect(applyPull(db, pullResponse({ cursor: ++cursor }))).toMatchObject({ applied: 0, deferred: 1, stuck: 1, cursor });
    expect(syncState(db).cursor).toBe(cursor);
    expect(unseenNotices(db)).toMatchObject([{ kind: 'pull-stuck', params: { count: '1' }, subjects: [orphan.uid] }]);
    // Still stuck next round: no second notice. A newer version of it pulled replaces the kept one (and keeps its rounds).
    applyPull(db, pullResponse({ cursor: ++cursor, followUps: [{ ...orphan, reason: 'newer', rev: cursor }] }));
    expect(unseenNotices(db)).toHaveLength(1);
    expect(db.prepare('SELECT rev, rounds, json_extract(record, \'$.reason\') AS reason FROM pull_deferred').all()).toEqual([{ rev: cursor, rounds: STUCK_AFTER_ROUNDS + 1, reason: 'newer' }]);
    db.close();
  });
});

describe('the queue with visits from every counter', () => {
  it('shows pulled and local visits in arrival order, emergencies first, whatever their local ids', () => {
    const db = enrolledCounterDb(tempDir(), 'K1');
    const mine = createPatient(db, { name: 'Lokal' }, SETTINGS, NOW);
    // Registered here at 02:10, but pulled visits that arrived earlier at other counters come after in id.
    registerVisit(db, SETTINGS, { patient: mine, unit: 'UMUM', verdict: null, clerk: 'ani', now: later(10), hub: { uid: newUid(), queueNo: 3 } });
    const other = pulledPatient({ rev: 1, name: 'DARI LOKET 2' });
    applyPull(db, pullResponse({
      cursor: 5,
      patients: [other],
      visits: [
        pulledVisit({ rev: 2, patientUid: other.uid, queueNo: 1, registeredAt: later(2).toISOString() }),
        pulledVisit({ rev: 3, patientUid: other.uid, queueNo: 4, registeredAt: later(15).toISOString(), payer: 'jkn' }),
        pulledVisit({ rev: 4, patientUid: other.uid, queueNo: 1, queuePrefix: 'GD', emergency: true, registeredAt: later(20).toISOString() }),
        pulledVisit({ rev: 5, patientUid: other.uid, queueNo: 2, registeredAt: later(5).toISOString() }),
      ],
    }));
    expect(dayQueue(db, SETTINGS, NOW, 'UMUM', TODAY).map((e) => e.queue)).toEqual(['GD-001', 'U-001', 'U-002', 'U-003', 'U-004']);
    db.close();
  });
});
