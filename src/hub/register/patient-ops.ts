import { normalizeName } from '../../shared/names';
import { mergeSameIdentity, patientArrived } from './merge';
import { carryLateEdit } from './late-edit';
import { applied, NEXT_REV, type OpOf, type OpOutcome, type PushTx } from './tx';

type PushedPatient = OpOf<'patient'>['record'];

/** $1–$13: an older counter's op has no old RM ("RM lama"): the hub keeps the one it has ($12 false). */
const fieldValues = (r: PushedPatient, at: string): unknown[] => [
  r.uid, r.nik, r.card, r.name, normalizeName(r.name).key, r.dob, r.sex, r.address, r.identified, r.updatedAt, at, r.oldMrn !== undefined, r.oldMrn ?? null,
];

/** Inserts a patient the hub has not seen (its RM moves the facility sequence); false when the uid is there already. */
export async function insertPatient(tx: PushTx, r: PushedPatient, at: string): Promise<boolean> {
  const inserted = await tx.client.query(
    `INSERT INTO patients (uid, nik, card, name, name_key, dob, sex, address, identified, updated_at, changed_at, old_mrn, mrn, created_at, origin_counter, rev)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $12::boolean THEN $13 END, $14, $15, $16, ${NEXT_REV})
     ON CONFLICT (uid) DO NOTHING RETURNING uid`,
    [...fieldValues(r, at), r.mrn, r.createdAt, tx.counterId],
  );
  if (inserted.rowCount !== 1) return false;
  tx.seenMrns.push(r.mrn);
  return true;
}

/**
 * A patient op: a new uid is inserted (then merged with a live patient of the same NIK or card,
 * or flagged when only name and birth date match); a known uid takes the fields when the op is
 * later than the last change (its RM, creation time and merge state stay; its old RM too when the
 * op has none to say, from a counter older than the field). A known patient that
 * gains a NIK or card (an emergency patient identified later) is merged like a new one.
 */
export async function applyPatientOp(tx: PushTx, op: OpOf<'patient'>): Promise<OpOutcome> {
  const r = op.record;
  const values = fieldValues(r, op.at);
  if (await insertPatient(tx, r, op.at)) {
    await patientArrived(tx.client, r, tx.now);
    return applied;
  }
  const { rows } = await tx.client.query<{ gained: boolean; live: boolean; changed: string[] }>(
    `WITH before AS (SELECT uid, nik, card, name, dob, sex, address, old_mrn FROM patients WHERE uid = $1 FOR UPDATE)
     UPDATE patients p SET nik = $2, card = $3, name = $4, name_key = $5, dob = $6, sex = $7, address = $8, identified = $9,
       updated_at = $10, changed_at = $11, old_mrn = CASE WHEN $12::boolean THEN $13 ELSE p.old_mrn END, rev = ${NEXT_REV}
     FROM before WHERE p.uid = before.uid AND p.changed_at < $11::timestamptz
     RETURNING ((before.nik IS DISTINCT FROM p.nik AND p.nik IS NOT NULL) OR (before.card IS DISTINCT FROM p.card AND p.card IS NOT NULL)) AS gained,
       p.merged_into IS NULL AS live, ${CHANGED_FIELDS}`,
    values,
  );
  const changed = rows[0];
  if (changed?.gained && changed.live) await mergeSameIdentity(tx.client, r.uid, tx.now);
  if (changed && !changed.live && changed.changed.length > 0) await carryLateEdit(tx, r.uid, changed.changed);
  return applied;
}

/** The fields (the counter's names) an update changed, from `before` to `p`. */
const CHANGED_FIELDS = `array_remove(ARRAY[
  CASE WHEN before.name IS DISTINCT FROM p.name THEN 'name' END, CASE WHEN before.nik IS DISTINCT FROM p.nik THEN 'nik' END,
  CASE WHEN before.card IS DISTINCT FROM p.card THEN 'card' END, CASE WHEN before.dob IS DISTINCT FROM p.dob THEN 'dob' END,
  CASE WHEN before.sex IS DISTINCT FROM p.sex THEN 'sex' END, CASE WHEN before.address IS DISTINCT FROM p.address THEN 'address' END,
  CASE WHEN before.old_mrn IS DISTINCT FROM p.old_mrn THEN 'oldMrn' END], NULL) AS changed`;
