import type { Db } from '../store/open-database';
import { queueHistory } from './history';
import { newUid, SQL_NOW } from './uuid';

/** Refusals that mean "the hub lacks the record this op names": worth sending again with the history. */
const LACKING = ['unknown-patient', 'unknown-visit'];

interface Entry {
  opId: string;
  kind: string;
  rowId: number;
  at: string;
}

/**
 * The hub does not hold the register this counter last pulled from (a new hub, or one restored
 * from a backup: its pull said `register.known: false`). In one transaction:
 * - the cursor goes to 0: the whole register is pulled again (what the counter has is applied
 *   again, changing nothing; records above the restored hub's revision are no longer skipped);
 * - the counter's whole history is queued again (history.ts), ahead of the changes still waiting
 *   and of those the hub refused for naming a record it lacked, which follow in their own order;
 *   so registrations the restored hub lost reach it again, and a new hub gets everything;
 * - the record-number blocks still in hand are dropped: this hub did not reserve them (or lost
 *   that it did) and may give them to another counter; the round asks for a new block after the
 *   history is pushed, so it lies past every RM this counter made (until then, offline RMs);
 * - the hub's current epoch is kept, and a notice tells the follow-ups screen.
 * Answers how many records were queued again.
 */
export function resendHistory(db: Db, epoch: string | null): number {
  return db.transaction(() => {
    const waiting = db.prepare('SELECT op_id AS opId, kind, row_id AS rowId, at FROM outbox ORDER BY seq').all() as Entry[];
    const marks = LACKING.map(() => '?').join(', ');
    const refused = db.prepare(`SELECT op_id AS opId, kind, row_id AS rowId, at FROM outbox_rejected WHERE reason IN (${marks}) ORDER BY seq`).all(...LACKING) as Entry[];
    db.prepare('DELETE FROM outbox').run();
    db.prepare(`DELETE FROM outbox_rejected WHERE reason IN (${marks})`).run(...LACKING);
    const queued = queueHistory(db, { visitChanges: true });
    const insert = db.prepare('INSERT INTO outbox (op_id, kind, row_id, at) VALUES (?, ?, ?, ?)');
    for (const e of [...refused, ...waiting]) insert.run(e.opId, e.kind, e.rowId, e.at);
    db.prepare('DELETE FROM mrn_blocks').run();
    db.prepare('UPDATE sync_state SET cursor = 0, register_epoch = ? WHERE id = 1').run(epoch);
    db.prepare(`INSERT INTO hub_notices (uid, kind, at, subjects, params) VALUES (?, 'register-resent', ${SQL_NOW}, '[]', ?)`).run(newUid(), JSON.stringify({ count: String(queued) }));
    return queued;
  }).immediate();
}
