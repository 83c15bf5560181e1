import { sameOldMrn } from '../../shared/old-mrn';
import { addNotice } from './notices';
import { NEXT_REV, type PushTx } from './tx';

/** The fields a late edit may fill on the survivor (the counter's names → the hub's columns); never the name: a survivor always has one. */
const FILLABLE = { nik: 'nik', card: 'card', dob: 'dob', sex: 'sex', address: 'address', oldMrn: 'old_mrn' } as const;
type Fillable = keyof typeof FILLABLE;
const COLUMNS = ['name', ...Object.values(FILLABLE)] as const;
type Row = Record<(typeof COLUMNS)[number] | 'uid' | 'mrn', string | null>;

const isFillable = (field: string): field is Fillable => field in FILLABLE;

/** Whether another live record than the survivor holds this NIK or card (never carried: two people's documents, or a typo to settle by F3). */
async function heldElsewhere(tx: PushTx, column: 'nik' | 'card', value: string, survivorUid: string): Promise<boolean> {
  const { rowCount } = await tx.client.query(`SELECT 1 FROM patients WHERE ${column} = $1 AND merged_into IS NULL AND uid <> $2 LIMIT 1`, [value, survivorUid]);
  return (rowCount ?? 0) > 0;
}

/**
 * An edit of a record already merged (made at a counter that had not pulled the merge yet,
 * papertester F7) was applied to that record; what it gave that the survivor lacks is carried onto
 * the survivor, by the merge's own rule (merge.ts): a field is filled only where the survivor has
 * none, never overwriting a value; a NIK or card another live record holds stays behind. Done here,
 * once, at the hub: every counter pulls the survivor as it now is (a counter never applies a
 * merge over its own unsent edit: apply-pull keeps the record until the edit is pushed). An old RM
 * beside another of the survivor's is not carried but stays the merged record's, which finds the
 * survivor as at the merge. A `patient-merged` notice names what was carried (`carried`) and what
 * was not (`changed`: an older counter words it as "not applied", which it still is), so a clerk
 * re-enters with F3 what is right; each counter's audit trail records what was carried (late-edit-audit.ts).
 */
export async function carryLateEdit(tx: PushTx, mergedUid: string, changed: readonly string[]): Promise<void> {
  const fields = (alias: string) => ['uid', 'mrn', ...COLUMNS].map((c) => `'${c}', ${alias}.${c}`).join(', ');
  const { rows } = await tx.client.query<{ merged: Row; survivor: Row }>(
    `SELECT json_build_object(${fields('m')}) AS merged, json_build_object(${fields('s')}) AS survivor
     FROM patients m JOIN patients s ON s.uid = m.merged_into WHERE m.uid = $1 FOR UPDATE OF s`,
    [mergedUid],
  );
  const pair = rows[0];
  if (!pair) return;
  const { merged, survivor } = pair;
  const carried: Fillable[] = [];
  const notCarried: string[] = [];
  for (const field of changed) {
    const column = isFillable(field) ? FILLABLE[field] : 'name';
    const given = merged[column];
    const has = survivor[column];
    if (given === has || (field === 'oldMrn' && sameOldMrn(given, has))) continue;
    if (field === 'oldMrn' && given !== null && has !== null) continue; // stays the merged record's: it finds the survivor
    const free = isFillable(field) && given !== null && has === null;
    const takenElsewhere = free && (field === 'nik' || field === 'card') && (await heldElsewhere(tx, field, given, survivor.uid!));
    if (free && !takenElsewhere) carried.push(field);
    else notCarried.push(field);
  }
  if (carried.length > 0) {
    const sets = carried.map((f, i) => `${FILLABLE[f]} = $${i + 2}`).join(', ');
    await tx.client.query(`UPDATE patients SET ${sets}, rev = ${NEXT_REV} WHERE uid = $1`, [survivor.uid, ...carried.map((f) => merged[FILLABLE[f]])]);
  }
  if (carried.length === 0 && notCarried.length === 0) return;
  await addNotice(tx.client, 'patient-merged', tx.now, [survivor.uid!, mergedUid], {
    survivorMrn: survivor.mrn!,
    mergedMrn: merged.mrn!,
    name: survivor.name!,
    mergedName: merged.name!,
    ...(notCarried.length > 0 ? { changed: notCarried.join(',') } : {}),
    ...(carried.length > 0 ? { carried: carried.join(',') } : {}),
  });
}
