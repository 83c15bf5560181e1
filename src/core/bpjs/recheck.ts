// Re-checks, when BPJS is reachable, the visits registered while only the lists could be
// consulted and the visits whose payer is still open. A changed answer lands in the
// reconciliation view; an open payer that BPJS now confirms becomes JKN. Nothing else changes
// on its own: a patient who was served stays served, whatever the answer.
import type { BpjsFailure, RecheckRow, RecheckRun } from '../../shared/bpjs';
import type { Payer } from '../../shared/counter';
import type { Verdict } from '../../shared/lookup';
import { formatCoreMessage } from '../../shared/i18n/messages';
import { queueLabel } from '../../shared/settings';
import { statusReasonMessage } from '../../shared/status-reason';
import { ASKABLE_PATIENT, closeFollowUps, setPayer } from '../follow-ups/follow-ups';
import { AUTOMATIC_RECHECK } from '../follow-ups/payer-changes.repo';
import type { PersonOnRecord } from '../lookup/lookup-methods';
import type { Db } from '../store/open-database';
import type { MemberAnswer } from './bpjs-link';

export interface RecheckDeps {
  db: Db;
  now: () => Date;
  ask: (by: { nik: string } | { card: string }) => Promise<MemberAnswer | null>;
  /**
   * The patient's verdict (the lists and the stored live answers together, newer wins, for the
   * patient's own person when the lists give their number to several people) and the payer it
   * proposes (judgePatient).
   */
  judge: (patient: PersonOnRecord) => { verdict: Verdict; payer: Payer };
}

const BATCH = 200;

interface Candidate extends PersonOnRecord {
  visitId: number;
  verdict: Verdict | null;
  payer: Payer;
}

/** The open follow-ups `f` of visits `v` a run asks BPJS about (their patient `p` has a number; an open payer only until asked once). */
const WORK = `FROM follow_ups f JOIN visits v ON v.id = f.visit_id JOIN patients p ON p.id = v.patient_id
  WHERE f.closed_at IS NULL AND f.kind IN ('recheck-eligibility', 'settle-payer') AND ${ASKABLE_PATIENT}
    -- an open payer is asked once (BPJS's answer will not change by asking every minute)
    AND (f.kind = 'recheck-eligibility' OR NOT EXISTS (SELECT 1 FROM rechecks r WHERE r.visit_id = v.id))`;

/**
 * Visits waiting for a live re-check (the status bar's count): only those a run can do, so the
 * count goes down to 0 once BPJS answers. A re-check of a record without NIK or card waits for a number.
 */
export function pendingRecheckCount(db: Db): number {
  const row = db
    .prepare(
      `SELECT count(DISTINCT f.visit_id) AS n FROM follow_ups f JOIN visits v ON v.id = f.visit_id JOIN patients p ON p.id = v.patient_id
       WHERE f.kind = 'recheck-eligibility' AND f.closed_at IS NULL AND ${ASKABLE_PATIENT}`,
    )
    .get() as { n: number };
  return row.n;
}

export async function runRechecks(deps: RecheckDeps): Promise<RecheckRun> {
  const { db } = deps;
  const candidates = db
    .prepare(
      `SELECT v.id AS visitId, v.verdict, v.payer, p.nik, p.card, p.name, p.dob, p.sex ${WORK}
       GROUP BY v.id ORDER BY v.registered_at, v.id LIMIT ?`,
    )
    .all(BATCH) as Candidate[];
  let checked = 0;
  let changed = 0;
  let stoppedBy: BpjsFailure | null = null;
  for (const c of candidates) {
    const answer = await deps.ask(c.nik !== null ? { nik: c.nik } : { card: c.card! });
    if (answer === null) break; // BPJS was switched off meanwhile
    const { result } = answer;
    if (!result.ok) {
      // One unreadable answer is about that member; anything else means BPJS is gone again.
      if (result.reason === 'bad-response') continue;
      stoppedBy = result.reason;
      break;
    }
    // The patient's own verdict, not the number's: a card the lists give to two people is
    // answered by the rows (and the live answer) of the person this record is.
    const { verdict: after, payer } = deps.judge(c);
    // Stored (and sent to the hub) as it always was, "TIDAK AKTIF: <reason in Indonesian>"; each
    // screen words it in its language again (the reason's text maps back to its code).
    const reason = result.member?.statusReason ? formatCoreMessage('id', statusReasonMessage(result.member.statusReason)) : null;
    const liveStatus = result.member ? (result.member.status === 'active' ? 'AKTIF' : ['TIDAK AKTIF', reason].filter(Boolean).join(': ')) : null;
    const at = deps.now();
    db.transaction(() => {
      // Only JKN settles on its own: a Jamkesda-only member's open payer stays for the clerk.
      const action = c.payer === 'pending' && payer === 'jkn' ? 'payer-jkn' : 'none';
      if (action === 'payer-jkn') setPayer(db, c.visitId, 'jkn', at, undefined, AUTOMATIC_RECHECK);
      db.prepare(`INSERT INTO rechecks (visit_id, checked_at, service, before, after, live_status, action) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        c.visitId,
        at.toISOString(),
        answer.service,
        c.verdict,
        after,
        liveStatus,
        action,
      );
      closeFollowUps(db, c.visitId, 'recheck-eligibility', `recheck:${after}`, at);
    })();
    checked += 1;
    if (c.verdict !== after) changed += 1;
  }
  return { checked, changed, remaining: pendingRecheckCount(db), stoppedBy };
}

interface RecheckDbRow {
  id: number;
  checkedAt: string;
  service: 'vclaim' | 'pcare';
  before: Verdict | null;
  after: Verdict;
  liveStatus: string | null;
  action: 'payer-jkn' | 'none';
  visitId: number;
  prefix: string;
  no: number;
  unit: string;
  serviceDate: string;
  payer: Payer;
  patientId: number;
  mrn: string;
  name: string;
}

/** Re-checks of visits of a range of local service dates, newest first. */
export function reconciliation(db: Db, from: string, to: string, changedOnly: boolean): RecheckRow[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.checked_at AS checkedAt, r.service, r.before, r.after, r.live_status AS liveStatus, r.action,
         v.id AS visitId, v.queue_prefix AS prefix, v.queue_no AS no, v.unit, v.service_date AS serviceDate, v.payer,
         p.id AS patientId, p.mrn, p.name
       FROM rechecks r JOIN visits v ON v.id = r.visit_id JOIN patients p ON p.id = v.patient_id
       WHERE v.service_date BETWEEN ? AND ? ${changedOnly ? 'AND r.before IS NOT r.after' : ''}
       ORDER BY r.checked_at DESC, r.id DESC`,
    )
    .all(from, to) as RecheckDbRow[];
  return rows.map((r) => ({
    id: r.id,
    checkedAt: r.checkedAt,
    service: r.service,
    visit: { id: r.visitId, queue: queueLabel(r.prefix, r.no), unit: r.unit, serviceDate: r.serviceDate, payer: r.payer },
    patient: { id: r.patientId, mrn: r.mrn, name: r.name },
    before: r.before,
    after: r.after,
    changed: r.before !== r.after,
    liveStatus: r.liveStatus,
    action: r.action,
  }));
}

/** One run at a time; a kick while one runs is answered by that run. */
export class Rechecker {
  private running: Promise<RecheckRun> | null = null;

  constructor(
    private readonly deps: RecheckDeps,
    private readonly onDone: (run: RecheckRun) => void = () => {},
  ) {}

  /** Starts a run unless one is under way; never throws. */
  kick(): void {
    if (this.running || pendingWork(this.deps.db) === 0) return;
    void this.runNow().catch(() => {});
  }

  runNow(): Promise<RecheckRun> {
    this.running ??= runRechecks(this.deps).finally(() => {
      this.running = null;
    }).then((run) => {
      this.onDone(run);
      return run;
    });
    return this.running;
  }
}

/** Anything a run could do: an open re-check, or an open payer never asked, of an identified patient. */
function pendingWork(db: Db): number {
  const row = db.prepare(`SELECT count(*) AS n ${WORK}`).get() as { n: number };
  return row.n;
}
