import type { Db } from '../store/open-database';
import { newUid, SQL_NOW } from './uuid';

/**
 * The counter's own notice (kind `merge-reversed`) when the hub answers a merge made here the other
 * way round (papertester F15: the same pair merged in opposite directions at two counters while the
 * hub was out of reach; the hub keeps the one that reached it first). The hub's `patient-merged`
 * notice speaks of the other counter's merge only; this one tells whoever made the merge here that
 * the RM it was told to write on the paper folder (`ownMrn`) is not the one that stands (`hubMrn`).
 */
export function noteMergeReversed(db: Db, hubSurvivor: { uid: string; mrn: string; name: string }, ownSurvivorId: number): void {
  const own = db.prepare('SELECT uid, mrn FROM patients WHERE id = ?').get(ownSurvivorId) as { uid: string; mrn: string } | undefined;
  if (!own || own.mrn === hubSurvivor.mrn) return;
  const params = { hubMrn: hubSurvivor.mrn, ownMrn: own.mrn, name: hubSurvivor.name };
  db.prepare(`INSERT INTO hub_notices (uid, kind, at, subjects, params) VALUES (?, 'merge-reversed', ${SQL_NOW}, ?, ?)`).run(newUid(), JSON.stringify([hubSurvivor.uid, own.uid]), JSON.stringify(params));
}
