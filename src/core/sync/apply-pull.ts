import { FACILITY_SETTING_KEYS, type FacilitySettings, type PatientRecord, type PullResponse } from '../../shared/hub-protocol';
import { oldMrnKey, storedOldMrn } from '../../shared/old-mrn';
import { withoutControlCharacters } from '../../shared/text-rules';
import type { CounterSettings } from '../../shared/settings';
import { nameColumns } from '../patients/loose-name-keys';
import { recordFromHub } from '../audit/hub-audit';
import { readSettings, saveSettings } from '../settings/settings.repo';
import type { Db } from '../store/open-database';
import { keepDeferred, withDeferred, type Deferred, type DeferrableList } from './pull-deferred';
import { hubSettingsOver } from './hub-settings-over';
import { noteMergeReversed } from './merge-reversed';
import { recordHubMerge } from './hub-merge-audit';
import { recordLateEditCarried } from './late-edit-audit';
import { setCursor } from './sync-state.repo';

export interface PullApplied {
  /** Records written (inserted or updated). */
  applied: number;
  /** Records waiting (kept in pull_deferred, tried again with the next pull), these and earlier pulls'. */
  deferred: number;
  /** Of those, the ones waiting for many rounds (STUCK_AFTER_ROUNDS): this counter lacks part of the register. */
  stuck: number;
  /** Records not taken because this counter still has unpushed changes to them (their ops come back). */
  kept: number;
  /**
   * Visits new here whose queue number another visit here already has (a counter that numbered
   * alone before it enrolled, and the hub, both gave `U-001`): written all the same, since both
   * slips are printed (the queue marks them); their uids, for the integrator to report.
   */
  conflicts: string[];
  /** The cursor saved: always the response's (what waits is kept aside, never re-pulled). */
  cursor: number;
  /** The counter's settings after the facility's were applied (give them to ctx.setSettings); null when unchanged. */
  settings: CounterSettings | null;
}

type Patient = PatientRecord & { rev: number };

/** A merge made here (patient_merges.seq, twice) whose op is unsent or was refused by the hub. */
const MERGE_NOT_TAKEN = `SELECT 1 FROM outbox WHERE kind = 'patient.merge' AND row_id = ?
  UNION ALL SELECT 1 FROM outbox_rejected WHERE kind = 'patient.merge' AND row_id = ? LIMIT 1`;

/** Which outbox kinds name a row of each table: a row with such an entry has unpushed changes. */
const PENDING_KINDS = {
  patients: `'patient'`,
  visits: `'visit', 'visit.status', 'visit.payer', 'visit.patient', 'visit.unit', 'visit.recall'`,
  follow_ups: `'followUp'`,
} as const;

/**
 * Applies what the hub sent, in one transaction, with the `applying` flag set so the triggers
 * record nothing of it. The hub's state wins, except for a record this counter still has
 * unpushed changes for. A pulled patient whose NIK (or card) is that of a local patient the hub
 * has not seen yet is deferred with everything that hangs on it: after the push the hub merges
 * them and a later pull brings the merge. Deferred records wait in pull_deferred and are tried
 * again with every pull (pull-deferred.ts); the cursor always moves to the response's, so no
 * record holds back the ones after it. See docs/hub.md, "The counter side of sync".
 */
export function applyPull(db: Db, response: PullResponse, now: Date = new Date()): PullApplied {
  return db.transaction(() => {
    db.prepare('UPDATE sync_state SET applying = 1 WHERE id = 1').run();
    const round = new PullRound(db, now);
    const result = round.apply(withDeferred(db, response));
    const waiting = keepDeferred(db, round.deferred, !response.more);
    db.prepare('UPDATE sync_state SET applying = 0 WHERE id = 1').run();
    setCursor(db, response.cursor);
    return { ...result, deferred: waiting.waiting, stuck: waiting.stuck, cursor: response.cursor };
  }).immediate();
}

class PullRound {
  private applied = 0;
  private kept = 0;
  readonly deferred: Deferred[] = [];
  private readonly conflicts: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly now: Date,
  ) {}

  private defer<L extends DeferrableList>(list: L, record: PullResponse[L][number]): void {
    this.deferred.push({ list, record });
  }

  apply(response: PullResponse): Omit<PullApplied, 'deferred' | 'stuck'> {
    const live = response.patients.filter((p) => p.mergedInto === null);
    const merged = response.patients.filter((p) => p.mergedInto !== null);
    // Merged records first let go of their NIK, so the survivor's never meets the unique index.
    const liveUids = new Set(live.map((p) => p.uid));
    const merging = merged.filter((p) => this.prepareMerge(p, liveUids));
    for (const patient of live) this.upsertPatient(patient);
    for (const patient of merging) this.finishMerge(patient);
    for (const visit of response.visits) this.upsertVisit(visit);
    for (const followUp of response.followUps) this.upsertFollowUp(followUp);
    for (const print of response.prints) {
      this.insertUnderVisit('prints', print, (visitId) =>
        this.db
          .prepare('INSERT INTO print_log (uid, visit_id, printed_at, clerk, kind, paper, printer) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING')
          .run(print.uid, visitId, print.printedAt, print.clerk, print.kind, print.paper, print.printer),
      );
    }
    for (const recheck of response.rechecks) {
      this.insertUnderVisit('rechecks', recheck, (visitId) =>
        this.db
          .prepare('INSERT INTO rechecks (uid, visit_id, checked_at, service, before, after, live_status, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING')
          .run(recheck.uid, visitId, recheck.checkedAt, recheck.service, recheck.before, recheck.after, recheck.liveStatus, recheck.action),
      );
    }
    for (const alias of response.aliases) {
      const patientId = this.livingPatientId(alias.patientUid);
      if (patientId === null) this.defer('aliases', alias);
      else this.saveAlias(alias.mrn, patientId);
    }
    for (const notice of response.notices) {
      const params = shownParams(notice.params);
      const { changes } = this.db
        .prepare('INSERT INTO hub_notices (uid, kind, at, subjects, params) VALUES (?, ?, ?, ?, ?) ON CONFLICT(uid) DO NOTHING')
        .run(notice.uid, notice.kind, notice.at, JSON.stringify(notice.subjects), JSON.stringify(params));
      if (changes === 1) recordLateEditCarried(this.db, this.now, { kind: notice.kind, params });
      this.applied += 1;
    }
    const settings = response.settings ? this.applyFacilitySettings(response.settings) : null;
    return { applied: this.applied, kept: this.kept, conflicts: this.conflicts, cursor: response.cursor, settings };
  }

  private idOf(table: 'patients' | 'visits' | 'follow_ups', uid: string): number | null {
    const row = this.db.prepare(`SELECT id FROM ${table} WHERE uid = ?`).get(uid) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /**
   * The local record a patient uid lives on in: its own, or the survivor of a record joined into
   * another here or by an earlier pull (patient_merges): a visit or RM of the hub's naming a merged
   * record goes to its survivor, never waits for a record that will not come back.
   */
  private livingPatientId(uid: string): number | null {
    const own = this.idOf('patients', uid);
    if (own !== null) return own;
    const merged = this.db.prepare('SELECT survivor_id AS id FROM patient_merges WHERE uid = ?').get(uid) as { id: number } | undefined;
    return merged?.id ?? null;
  }

  private pending(table: keyof typeof PENDING_KINDS, rowId: number): boolean {
    return this.db.prepare(`SELECT 1 FROM outbox WHERE row_id = ? AND kind IN (${PENDING_KINDS[table]}) LIMIT 1`).get(rowId) !== undefined;
  }

  /** A merged record known here, without unpushed changes, whose survivor is known: frees its NIK. */
  private prepareMerge(patient: Patient, liveUids: ReadonlySet<string>): boolean {
    const survivorKnown = liveUids.has(patient.mergedInto ?? '') || this.livingPatientId(patient.mergedInto ?? '') !== null;
    if (!survivorKnown) {
      this.defer('patients', patient);
      return false;
    }
    const localId = this.idOf('patients', patient.uid);
    if (localId !== null && this.pending('patients', localId)) {
      this.kept += 1;
      return false;
    }
    if (localId !== null) this.db.prepare('UPDATE patients SET nik = NULL WHERE id = ?').run(localId);
    return true;
  }

  /**
   * The merged record's visits go to the survivor, its RM becomes an alias, the record goes (kept
   * in patient_merges, as a merge made here is: its uid names the survivor from then on).
   */
  private finishMerge(patient: Patient): void {
    const survivorId = this.livingPatientId(patient.mergedInto ?? '');
    if (survivorId === null) return; // the survivor itself was deferred: counted there
    const localId = this.idOf('patients', patient.uid);
    // The survivor still lives in this very record here (a crossed merge whose other side waits): tried again later.
    if (localId === survivorId) {
      this.defer('patients', patient);
      return;
    }
    // First heard of here (a merge made here is in patient_merges since it was made): the trail says so.
    const firstHeard = this.db.prepare('SELECT 1 FROM patient_merges WHERE uid = ?').get(patient.uid) === undefined;
    let visitsMoved = 0;
    if (localId !== null) {
      visitsMoved = this.db.prepare('UPDATE visits SET patient_id = ? WHERE patient_id = ?').run(survivorId, localId).changes;
      this.db.prepare('UPDATE patient_aliases SET patient_id = ? WHERE patient_id = ?').run(survivorId, localId);
      this.db.prepare('UPDATE patient_merges SET survivor_id = ? WHERE survivor_id = ?').run(survivorId, localId);
      this.db.prepare('DELETE FROM patients WHERE id = ?').run(localId);
    }
    const { mergedInto: _survivor, rev: _rev, ...record } = patient;
    this.db
      .prepare(
        `INSERT INTO patient_merges (uid, mrn, survivor_id, record, merged_at) VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT(uid) DO UPDATE SET survivor_id = excluded.survivor_id, record = json_patch(patient_merges.record, excluded.record)`,
      )
      .run(patient.uid, patient.mrn, survivorId, JSON.stringify(record));
    this.saveAlias(patient.mrn, survivorId);
    if (firstHeard) recordHubMerge(this.db, this.now, { survivorId, mergedMrn: patient.mrn, mergedName: patient.name, visitsMoved });
    this.applied += 1;
  }

  private saveAlias(mrn: string, patientId: number): void {
    this.db.prepare('INSERT INTO patient_aliases (mrn, patient_id) VALUES (?, ?) ON CONFLICT(mrn) DO UPDATE SET patient_id = excluded.patient_id').run(mrn, patientId);
  }

  private upsertPatient(p: Patient): void {
    // A record joined into another here whose merge the hub has not taken yet (unsent, or refused and
    // set aside for a replay): never re-created.
    const mergedHere = this.db.prepare('SELECT seq, survivor_id AS survivorId FROM patient_merges WHERE uid = ?').get(p.uid) as { seq: number; survivorId: number } | undefined;
    if (mergedHere && this.db.prepare(MERGE_NOT_TAKEN).get(mergedHere.seq, mergedHere.seq)) return;
    const localId = this.idOf('patients', p.uid);
    if (localId !== null && this.pending('patients', localId)) {
      this.kept += 1;
      return;
    }
    if (!this.clearCollisions(p)) {
      this.defer('patients', p);
      return;
    }
    if (mergedHere) this.undoLocalMerge(p, mergedHere.survivorId);
    // The hub's text as every screen and slip here will show it: no hidden characters (hub-protocol.ts, `shown`).
    const name = withoutControlCharacters(p.name);
    const address = p.address === null ? null : withoutControlCharacters(p.address);
    const { nameKey, looseSorted, looseJoined } = nameColumns(name);
    // An older hub sends no old RM: the record keeps its own (`said` 0).
    const said = p.oldMrn === undefined ? 0 : 1;
    const oldMrn = storedOldMrn(p.oldMrn === undefined || p.oldMrn === null ? null : withoutControlCharacters(p.oldMrn));
    this.db
      .prepare(
        `INSERT INTO patients (uid, mrn, nik, card, name, name_key, loose_sorted, loose_joined, dob, sex, address, old_mrn, old_mrn_key, identified, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(uid) DO UPDATE SET mrn = excluded.mrn, nik = excluded.nik, card = excluded.card, name = excluded.name, name_key = excluded.name_key,
           loose_sorted = excluded.loose_sorted, loose_joined = excluded.loose_joined,
           dob = excluded.dob, sex = excluded.sex, address = excluded.address, identified = excluded.identified, updated_at = excluded.updated_at,
           old_mrn = CASE WHEN ${said} THEN excluded.old_mrn ELSE old_mrn END, old_mrn_key = CASE WHEN ${said} THEN excluded.old_mrn_key ELSE old_mrn_key END`,
      )
      .run(p.uid, p.mrn, p.nik, p.card, name, nameKey, looseSorted, looseJoined, p.dob, p.sex, address, oldMrn, oldMrnKey(oldMrn), p.identified ? 1 : 0, p.createdAt, p.updatedAt);
    this.applied += 1;
  }

  /**
   * The hub, which has had this counter's merge, still keeps this record live: the same pair was
   * joined the other way at another counter first (crossed merges, made while the hub was out of
   * reach), and the hub's answer is the one every counter follows. The record comes back here (the
   * caller writes it) and its RM names it again; the record it was joined into comes in this pull
   * as merged into it, and finishMerge moves its visits over. Until then both records stay. A
   * notice says so to whoever made the merge here (merge-reversed.ts).
   */
  private undoLocalMerge(p: Patient, survivorId: number): void {
    noteMergeReversed(this.db, { uid: p.uid, mrn: p.mrn, name: withoutControlCharacters(p.name) }, survivorId);
    this.db.prepare('DELETE FROM patient_merges WHERE uid = ?').run(p.uid);
    this.db.prepare('DELETE FROM patient_aliases WHERE mrn = ? AND patient_id = ?').run(p.mrn, survivorId);
  }

  /**
   * Local patients (other uids) holding this record's NIK, or its card when either has no NIK. One
   * the hub has not seen yet (still in the outbox) defers the pulled record: false. One the hub has
   * seen gave the NIK up at the hub (merged, or its NIK corrected; its own state comes by pull): it
   * lets go here too. A record number is never such a value: two patients may hold one RM (two
   * counters that numbered alone before enrolling; the hub keeps both, with a `same-mrn` notice),
   * and each keeps it here too, printed on its card; the look-up by RM shows both (migration 015).
   * A merged record's RM goes with it (finishMerge: an alias of the survivor).
   */
  private clearCollisions(p: Patient): boolean {
    const others = this.db
      .prepare(
        `SELECT id, nik FROM patients WHERE uid IS NOT ? AND (
           (? IS NOT NULL AND nik = ?) OR (? IS NOT NULL AND card = ? AND (nik IS NULL OR ? IS NULL)))`,
      )
      .all(p.uid, p.nik, p.nik, p.card, p.card, p.nik) as { id: number; nik: string | null }[];
    if (others.some((o) => this.pending('patients', o.id))) return false;
    for (const other of others) {
      if (p.nik !== null && other.nik === p.nik) this.db.prepare('UPDATE patients SET nik = NULL WHERE id = ?').run(other.id);
    }
    return true;
  }

  private upsertVisit(v: PullResponse['visits'][number]): void {
    const localId = this.idOf('visits', v.uid);
    if (localId !== null && this.pending('visits', localId)) {
      this.kept += 1;
      return;
    }
    const patientId = this.livingPatientId(v.patientUid);
    if (patientId === null) {
      this.defer('visits', v);
      return;
    }
    // A visit moved to another unit (visit.unit) comes with its unit, number and service day there (a
    // move after midnight carries last night's IGD patient into today): taken as the hub has them.
    // Never dropped for its number: both slips were printed. Reported once, when it arrives.
    // Its queue order time is the hub's (measured on the push); an older hub sends none and this counter's own stays.
    // So is its first call on the hub's clock; this counter's own estimate stays only for the same call (an older hub).
    if (localId === null && this.db.prepare('SELECT 1 FROM visits WHERE service_date = ? AND unit = ? AND queue_prefix = ? AND queue_no = ?').get(v.serviceDate, v.unit, v.queuePrefix, v.queueNo)) {
      this.conflicts.push(v.uid);
    }
    this.db
      .prepare(
        `INSERT INTO visits (uid, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source, status, registered_at, registered_by, called_at, served_at, cancelled_at, recalls, recalled_at, queue_at, called_hub_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(uid) DO UPDATE SET patient_id = excluded.patient_id, service_date = excluded.service_date, unit = excluded.unit, queue_prefix = excluded.queue_prefix, queue_no = excluded.queue_no, payer = excluded.payer, verdict = excluded.verdict, verdict_source = excluded.verdict_source,
           status = excluded.status, called_at = excluded.called_at, served_at = excluded.served_at, cancelled_at = excluded.cancelled_at,
           recalls = excluded.recalls, recalled_at = excluded.recalled_at, queue_at = coalesce(excluded.queue_at, visits.queue_at),
           called_hub_at = CASE WHEN excluded.called_at IS visits.called_at THEN coalesce(excluded.called_hub_at, visits.called_hub_at) ELSE excluded.called_hub_at END`,
      )
      .run(v.uid, patientId, v.serviceDate, v.unit, v.queuePrefix, v.queueNo, v.emergency ? 1 : 0, v.payer, v.verdict, v.verdictSource, v.status, v.registeredAt, v.registeredBy, v.calledAt, v.servedAt, v.cancelledAt, v.recalls ?? 0, v.recalledAt ?? null, v.queueAt ?? null, v.calledHubAt ?? null);
    this.applied += 1;
  }

  private upsertFollowUp(f: PullResponse['followUps'][number]): void {
    const localId = this.idOf('follow_ups', f.uid);
    if (localId !== null && this.pending('follow_ups', localId)) {
      this.kept += 1;
      return;
    }
    this.insertUnderVisit('followUps', f, (visitId) =>
      this.db
        .prepare(
          `INSERT INTO follow_ups (uid, visit_id, kind, reason, due_at, created_at, closed_at, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(uid) DO UPDATE SET visit_id = excluded.visit_id, reason = excluded.reason, due_at = excluded.due_at, closed_at = excluded.closed_at, resolution = excluded.resolution`,
        )
        .run(f.uid, visitId, f.kind, f.reason, f.dueAt, f.createdAt, f.closedAt, f.resolution),
    );
  }

  private insertUnderVisit<L extends 'followUps' | 'prints' | 'rechecks'>(list: L, record: PullResponse[L][number], write: (visitId: number) => unknown): void {
    const visitId = this.idOf('visits', record.visitUid);
    if (visitId === null) {
      this.defer(list, record);
      return;
    }
    write(visitId);
    this.applied += 1;
  }

  /**
   * The facility's keys the hub holds only: the counter keeps its printer, paper and prefix, and
   * its own value of a facility key the hub never got (hub-settings-over.ts). Invalid settings
   * change nothing. What did change is an entry of the trail, under the hub's name, in this
   * transaction: which fields, never their values (as a clerk's settings change).
   */
  private applyFacilitySettings(facility: FacilitySettings): CounterSettings | null {
    const current = readSettings(this.db);
    const next = hubSettingsOver(current, facility);
    if (!next) return null;
    const changed = FACILITY_SETTING_KEYS.filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));
    const saved = saveSettings(this.db, next);
    if (changed.length > 0) recordFromHub(this.db, this.now, 'settings', null, { section: 'counter', method: 'hubSettings', changed });
    return saved;
  }
}

/** A notice's params (names, RMs) as the screen will show them: no hidden characters. */
function shownParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, withoutControlCharacters(String(v))]));
}
