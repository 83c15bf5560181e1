import { RECHECK_ACTOR } from '../../shared/audit';
import type { Payer } from '../../shared/counter';
import type { Db } from '../store/open-database';

/** Who changed a payer, and how: a person at the counter ('set'), a re-check they asked for, or the automatic BPJS re-check. */
export interface PayerChangeBy {
  by: string;
  via: 'set' | 'recheck' | 'bpjs-recheck';
}

/** The automatic re-check's name where a person's would be. */
export const AUTOMATIC_RECHECK: PayerChangeBy = { by: RECHECK_ACTOR, via: 'bpjs-recheck' };

export function recordPayerChange(db: Db, visitId: number, before: Payer, after: Payer, who: PayerChangeBy, at: Date): void {
  db.prepare('INSERT INTO payer_changes (visit_id, changed_at, before, after, changed_by, via) VALUES (?, ?, ?, ?, ?, ?)').run(visitId, at.toISOString(), before, after, who.by, who.via);
}

export interface PayerChangeRow {
  changedAt: string;
  before: Payer;
  after: Payer;
  changedBy: string;
  via: PayerChangeBy['via'];
}

/** A visit's payer changes, oldest first. */
export function payerChangesOf(db: Db, visitId: number): PayerChangeRow[] {
  return db
    .prepare('SELECT changed_at AS changedAt, before, after, changed_by AS changedBy, via FROM payer_changes WHERE visit_id = ? ORDER BY id')
    .all(visitId) as PayerChangeRow[];
}
