import type { Patient } from '../../shared/counter';
import { oldMrnKey } from '../../shared/old-mrn';
import { offeredBy, survivorFill, type FillableField } from '../../shared/survivor-fill';
import type { FilledField, OldMrnOutcome, PatientMergeInput, PatientMergePreview, PatientMergePreviewInput, PatientMergeResult, PatientMergeSide } from '../../shared/patient-merge';
import type { CounterSettings } from '../../shared/settings';
import { LoketError } from '../errors';
import { mrnProbes } from '../lookup/mrn-query';
import type { Db } from '../store/open-database';
import { syncState } from '../sync/sync-state.repo';
import { SQL_NOW, SQL_UUID7 } from '../sync/uuid';
import { findPatient, lastVisitDate } from './patients.repo';

function sideOf(db: Db, patient: Patient): PatientMergeSide {
  const { n } = db.prepare('SELECT count(*) AS n FROM visits WHERE patient_id = ?').get(patient.id) as { n: number };
  return { patient, visits: n, lastVisit: lastVisitDate(db, patient.id) };
}

/** The two records, or the reason they cannot be joined (a code the caller words). */
function checkedPair(db: Db, { survivorId, mergedId }: PatientMergeInput): { survivor: Patient; merged: Patient; fills: FilledField[]; notFilled: FillableField[]; oldMrnTaken: boolean } {
  if (survivorId === mergedId) throw new LoketError('patient-merge/same-record');
  const survivor = findPatient(db, { id: survivorId });
  const merged = findPatient(db, { id: mergedId });
  if (!survivor) throw new LoketError('patient/not-found', { id: survivorId });
  if (!merged) throw new LoketError('patient/not-found', { id: mergedId });
  // An emergency patient without identity is joined to a record by attachIdentity (Follow-ups), with its visit.
  for (const p of [survivor, merged]) if (!p.identified) throw new LoketError('patient/unidentified', { mrn: p.mrn });
  // Two different NIKs (or cards) are two people by their documents, or one number typed wrong:
  // never decided here, and never overwritten. The clerk corrects the wrong one first (F3).
  for (const field of ['nik', 'card'] as const) {
    const a = survivor[field];
    const b = merged[field];
    if (a && b && a !== b) throw new LoketError(`patient-merge/${field}-differs`, { survivorMrn: survivor.mrn, mergedMrn: merged.mrn });
  }
  // What the survivor lacks and takes: the hub's rule for a merge and a late edit (survivor-fill.ts).
  const held = (field: 'nik' | 'card', value: string) => db.prepare(`SELECT 1 FROM patients WHERE ${field} = ? AND id NOT IN (?, ?) LIMIT 1`).get(value, survivor.id, merged.id) !== undefined;
  const { carried, notCarried } = survivorFill(survivor, merged, offeredBy(merged), held);
  const fills = carried.filter((f): f is FilledField => f !== 'oldMrn');
  return { survivor, merged, fills, notFilled: notCarried as FillableField[], oldMrnTaken: carried.includes('oldMrn') };
}

/**
 * The merged record's old RM: taken by a survivor without one (survivorFill decides, as for the
 * other fields), else kept findable (the look-up reads it from patient_merges' record:
 * merged-old-mrns.ts), so the duplicate's paper card still finds the person (papertester F4/F12).
 */
function oldMrnOutcome(survivor: Patient, merged: Patient, taken: boolean): OldMrnOutcome {
  if (merged.oldMrn === null) return { taken: null, alias: null };
  if (taken) return { taken: merged.oldMrn, alias: null };
  return { taken: null, alias: survivor.oldMrn === null || oldMrnKey(merged.oldMrn) === oldMrnKey(survivor.oldMrn) ? null : merged.oldMrn };
}

/**
 * The one record that holds a typed RM itself (an alias names a record already merged: said so, as
 * is a number two people hold, which cannot tell which record is meant).
 */
function holderOf(db: Db, typed: string, settings: Pick<CounterSettings, 'mrnFormat' | 'facilityCode'>): number {
  for (const mrn of mrnProbes(typed, settings.mrnFormat, settings.facilityCode).exact) {
    const holders = db.prepare('SELECT id FROM patients WHERE mrn = ?').all(mrn) as { id: number }[];
    if (holders.length > 1) throw new LoketError('patient-merge/mrn-shared', { mrn });
    if (holders.length === 1) return holders[0]!.id;
    const alias = db.prepare('SELECT p.mrn FROM patient_aliases a JOIN patients p ON p.id = a.patient_id WHERE a.mrn = ?').get(mrn) as { mrn: string } | undefined;
    if (alias) throw new LoketError('patient-merge/already-merged', { mrn, survivorMrn: alias.mrn });
  }
  throw new LoketError('patient-merge/no-record', { mrn: typed.trim().toUpperCase() });
}

/** What a merge would do, for the confirmation (both records side by side, by the RMs typed); refused as the merge would be. */
export function previewMerge(db: Db, input: PatientMergePreviewInput, settings: Pick<CounterSettings, 'mrnFormat' | 'facilityCode'>): PatientMergePreview {
  const ids = { survivorId: holderOf(db, input.survivorMrn, settings), mergedId: holderOf(db, input.mergedMrn, settings) };
  const { survivor, merged, fills, notFilled, oldMrnTaken } = checkedPair(db, ids);
  return { survivor: sideOf(db, survivor), merged: sideOf(db, merged), fills, notFilled, ...oldMrnOutcome(survivor, merged, oldMrnTaken) };
}

/**
 * At an enrolled counter, a record with changes not yet at the hub is not joined: its op could
 * reach the hub after the merge op names it (a record the hub never saw). Sending first keeps the
 * order simple; the counter sends within seconds when the hub is reachable.
 */
function refuseUnsent(db: Db, patients: readonly Patient[]): void {
  if (!syncState(db).enrolled) return;
  for (const p of patients) {
    if (db.prepare(`SELECT 1 FROM outbox WHERE kind = 'patient' AND row_id = ? LIMIT 1`).get(p.id)) throw new LoketError('patient-merge/unsent', { mrn: p.mrn });
  }
}

/**
 * Joins `mergedId` into `survivorId`, in one transaction (a crash leaves both records or the
 * merge whole): the merged record's visits and the RMs that named it go to the survivor, its own
 * RM becomes an alias of the survivor (the look-up by that RM finds the survivor, with a note), the
 * survivor takes what it lacked of NIK, card, birth date, sex, address and old RM (never replacing
 * a value, never a number another record holds: survivor-fill.ts, as at the hub), the merged row is deleted (so no
 * search, list or duplicate check finds it) and kept in patient_merges. At an enrolled counter
 * one op (`patient.merge`, built from patient_merges) carries the whole merge to the hub, which
 * does the same to its register and every counter pulls it (docs/hub.md "The merge"); the row
 * changes here are not ops of their own (the triggers are held as for a pull).
 */
export function mergePatients(db: Db, input: PatientMergeInput, now: Date, by: string | null): PatientMergeResult {
  return db.transaction(() => {
    const { survivor, merged, fills, notFilled, oldMrnTaken } = checkedPair(db, input);
    refuseUnsent(db, [survivor, merged]);
    const record = db
      .prepare('SELECT uid, mrn, nik, card, name, dob, sex, address, old_mrn AS oldMrn, identified, created_at AS createdAt, updated_at AS updatedAt FROM patients WHERE id = ?')
      .get(merged.id) as Record<string, unknown>;
    const at = now.toISOString();
    const enrolled = syncState(db).enrolled;
    db.prepare('UPDATE sync_state SET applying = 1 WHERE id = 1').run();
    const moved = db.prepare('UPDATE visits SET patient_id = ? WHERE patient_id = ?').run(survivor.id, merged.id).changes;
    db.prepare('UPDATE patient_aliases SET patient_id = ? WHERE patient_id = ?').run(survivor.id, merged.id);
    db.prepare('UPDATE patient_merges SET survivor_id = ? WHERE survivor_id = ?').run(survivor.id, merged.id);
    db.prepare('INSERT INTO patient_aliases (mrn, patient_id) VALUES (?, ?) ON CONFLICT(mrn) DO UPDATE SET patient_id = excluded.patient_id').run(merged.mrn, survivor.id);
    // The merged row goes before the survivor takes its NIK: the NIK index is unique.
    db.prepare('DELETE FROM patients WHERE id = ?').run(merged.id);
    if (fills.length > 0) {
      db.prepare(`UPDATE patients SET ${fills.map((f) => `${f} = @${f}`).join(', ')}, updated_at = @at WHERE id = @id`).run({
        ...Object.fromEntries(fills.map((f) => [f, merged[f]])),
        at,
        id: survivor.id,
      });
    }
    // The paper-era number (RM lama) goes with the person, as at the hub: the survivor takes it when it has none
    // (else it stays in the merged record's row below, where the look-up finds it).
    const oldMrn = oldMrnOutcome(survivor, merged, oldMrnTaken);
    if (oldMrn.taken !== null) {
      db.prepare('UPDATE patients SET old_mrn = ?, old_mrn_key = ? WHERE id = ?').run(oldMrn.taken, oldMrnKey(oldMrn.taken), survivor.id);
    }
    const { seq } = db
      .prepare('INSERT INTO patient_merges (uid, mrn, survivor_id, record, merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq')
      .get(merged.uid, merged.mrn, survivor.id, JSON.stringify({ ...record, identified: record.identified === 1 }), at, by) as { seq: number };
    db.prepare('UPDATE sync_state SET applying = 0 WHERE id = 1').run();
    if (enrolled) db.prepare(`INSERT INTO outbox (op_id, kind, row_id, at) VALUES (${SQL_UUID7}, 'patient.merge', ?, ${SQL_NOW})`).run(seq);
    return { survivor: findPatient(db, { id: survivor.id })!, merged, visitsMoved: moved, filled: fills, notFilled, ...oldMrn };
  }).immediate();
}
