import { IDENTITY_COLUMNS, mergeInto, type Identity } from './merge';
import { insertPatient } from './patient-ops';
import { applied, rejected, type OpOf, type OpOutcome, type PushTx } from './tx';

/** The live record a uid names now: itself, or the survivor it was merged into (merged_into names the last survivor). */
async function livingIdentity(tx: PushTx, uid: string): Promise<Identity | null> {
  const { rows } = await tx.client.query<Identity>(
    `SELECT ${IDENTITY_COLUMNS} FROM patients WHERE uid = (SELECT COALESCE(merged_into, uid) FROM patients WHERE uid = $1) FOR UPDATE`,
    [uid],
  );
  return rows[0] ?? null;
}

/**
 * patient.merge: an administrator at a counter joined two records of one person. The merged
 * record is inserted first when the hub never saw it (it is joined at once: no duplicate check),
 * then it (or whatever it was merged into meanwhile) joins the survivor the counter chose (or the
 * one that survivor was merged into meanwhile), exactly as a merge by NIK does (merge.ts: its
 * RM becomes an alias, its visits move, the survivor takes what it lacks of NIK, card, birth date,
 * sex, address and old RM, a `patient-merged` notice naming what it took and did not, new
 * revisions for every counter to pull). The merge state never changes
 * by a later op, so no sync undoes it. Both already one record: nothing to do. A survivor the hub
 * has never seen: rejected (`unknown-patient`), judged again when sent again.
 */
export async function applyPatientMergeOp(tx: PushTx, op: OpOf<'patient.merge'>): Promise<OpOutcome> {
  const survivor = await livingIdentity(tx, op.survivorUid);
  if (!survivor) return rejected('unknown-patient');
  await insertPatient(tx, op.merged, op.at);
  const merged = await livingIdentity(tx, op.merged.uid);
  if (!merged || merged.uid === survivor.uid) return applied;
  // The survivor takes no NIK or card another live record holds (named in the notice instead):
  // two records with one number are two people, or a typo, for a person to settle (F3).
  await mergeInto(tx.client, merged, survivor, tx.now);
  return applied;
}
