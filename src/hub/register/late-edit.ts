import { addFillNotice, fillSurvivor } from './fill-survivor';
import type { PushTx } from './tx';

/**
 * An edit of a record already merged (made at a counter that had not pulled the merge yet,
 * papertester F7) was applied to that record; what it gave that the survivor lacks is carried onto
 * the survivor, by the merge's own rule (fill-survivor.ts, the same as merge.ts'): a field is filled only where the survivor has
 * none, never overwriting a value; a NIK or card another live record holds stays behind. Done here,
 * once, at the hub: every counter pulls the survivor as it now is (a counter never applies a
 * merge over its own unsent edit: apply-pull keeps the record until the edit is pushed). An old RM
 * beside another of the survivor's is not carried but stays the merged record's, which finds the
 * survivor as at the merge. A `patient-merged` notice names what was carried (`carried`) and what
 * was not (`changed`: an older counter words it as "not applied", which it still is), so a clerk
 * re-enters with F3 what is right; each counter's audit trail records what was carried (late-edit-audit.ts).
 */
export async function carryLateEdit(tx: PushTx, mergedUid: string, changed: readonly string[]): Promise<void> {
  const pair = await fillSurvivor(tx.client, mergedUid, changed);
  if (!pair) return;
  if (pair.carried.length === 0 && pair.notCarried.length === 0) return;
  await addFillNotice(tx.client, tx.now, pair.survivor, pair.merged, pair, { carried: 'carried', notCarried: 'changed' });
}
