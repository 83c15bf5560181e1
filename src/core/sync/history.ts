import type { Db } from '../store/open-database';
import { SQL_NOW, SQL_UUID7 } from './uuid';

/**
 * What queueing a record's history sends, in dependency order (a record's parents reach the hub
 * before it: a visit names its patient, a follow-up, print or re-check its visit). `at` is the
 * record's own last change as the counter knows it, never the moment of queueing: at a hub that
 * already holds the record (restored from a backup) a re-sent op must lose against a change
 * another counter made since, and win against the older copy the backup holds.
 */
const RECORDS = [
  { table: 'patients', kind: 'patient', at: 'updated_at' },
  { table: 'visits', kind: 'visit', at: 'registered_at' },
] as const;
const CHILD_RECORDS = [
  { table: 'follow_ups', kind: 'followUp', at: 'COALESCE(closed_at, created_at)' },
  { table: 'print_log', kind: 'print', at: 'printed_at' },
  { table: 'rechecks', kind: 'recheck', at: 'checked_at' },
] as const;

/**
 * A visit the hub already holds keeps its fields against a re-sent `visit` (inserted once): its
 * later changes travel as their own ops, each at the time the counter knows for it. The payer and
 * patient go at the time of this counter's last own change of them (counter migration 021); a
 * visit with none (registered so, or changed before that migration) sends them only in `visit`.
 */
const MOVED = 'EXISTS (SELECT 1 FROM visit_moves m WHERE m.visit_id = visits.id)';
const VISIT_CHANGES = [
  { kind: 'visit.status', at: `NULLIF(max(COALESCE(called_at, ''), COALESCE(served_at, ''), COALESCE(cancelled_at, '')), '')`, where: `status <> 'waiting'` },
  { kind: 'visit.unit', at: `(SELECT max(max(m.moved_at, COALESCE(m.undone_at, ''))) FROM visit_moves m WHERE m.visit_id = visits.id)`, where: MOVED },
  { kind: 'visit.recall', at: 'recalled_at', where: 'recalled_at IS NOT NULL' },
  { kind: 'visit.payer', at: 'payer_at', where: 'payer_at IS NOT NULL' },
  { kind: 'visit.patient', at: 'patient_at', where: 'patient_at IS NOT NULL' },
] as const;

/**
 * Queues every record of this counter for the hub (in the outbox, after what is there): at the
 * first enrollment, and when a hub does not hold the register this counter knew
 * (resend-history.ts, `visitChanges`: the hub may hold older copies of the visits). The hub
 * applies each at most once, so what it already has costs an op and changes nothing. Answers how
 * many entries were queued. A merge (patient_merges) goes after the patients, before the visits.
 */
export function queueHistory(db: Db, options: { visitChanges: boolean }): number {
  let queued = 0;
  const queue = (kind: string, table: string, at: string, where = '1'): void => {
    queued += db.prepare(`INSERT INTO outbox (op_id, kind, row_id, at) SELECT ${SQL_UUID7}, '${kind}', id, COALESCE(${at}, ${SQL_NOW}) FROM ${table} WHERE ${where} ORDER BY id`).run().changes;
  };
  for (const r of RECORDS) queue(r.kind, r.table, r.at);
  // Records joined into another (here, before enrollment too, or pulled): after the survivors, so
  // a hub that lacks a merge (new, or restored from a backup) does it again and no sync undoes it.
  queued += db.prepare(`INSERT INTO outbox (op_id, kind, row_id, at) SELECT ${SQL_UUID7}, 'patient.merge', seq, merged_at FROM patient_merges ORDER BY seq`).run().changes;
  if (options.visitChanges) for (const c of VISIT_CHANGES) queue(c.kind, 'visits', c.at, c.where);
  for (const r of CHILD_RECORDS) queue(r.kind, r.table, r.at);
  return queued;
}
