import type { PoolClient } from 'pg';
import { FILLABLE_FIELDS, offeredBy, survivorFill, type FillValues, type SurvivorFill } from '../../shared/survivor-fill';
import { addNotice } from './notices';
import { NEXT_REV } from './tx';

/** The counter's field names → the hub's columns. */
const COLUMN: Readonly<Record<(typeof FILLABLE_FIELDS)[number] | 'name', string>> = { name: 'name', nik: 'nik', card: 'card', dob: 'dob', sex: 'sex', address: 'address', oldMrn: 'old_mrn' };

type Side = FillValues & { uid: string; mrn: string; name: string };
export interface FilledPair extends SurvivorFill {
  merged: Side;
  survivor: Side;
}

/** Which of the merged record's NIK and card another live record than the survivor holds (one statement). */
async function heldNumbers(client: PoolClient, merged: FillValues, survivorUid: string): Promise<Set<'nik' | 'card'>> {
  const nik = merged.nik ?? null;
  const card = merged.card ?? null;
  if (nik === null && card === null) return new Set();
  const { rows } = await client.query<{ nik: boolean; card: boolean }>(
    `SELECT COALESCE(bool_or(nik = $1), false) AS nik, COALESCE(bool_or(card = $2), false) AS card
     FROM patients WHERE merged_into IS NULL AND uid <> $3 AND (nik = $1 OR card = $2)`,
    [nik, card, survivorUid],
  );
  return new Set((['nik', 'card'] as const).filter((f) => rows[0]?.[f] === true));
}

/**
 * The merged record `mergedUid` (already `merged_into` its survivor) gives its survivor what the
 * survivor lacks, by the shared rule (survivorFill): of `fields` (a late edit: the fields it
 * changed), or of every field the merged record has (null: a merge). The survivor's row is locked
 * and gets a new revision when it takes something. Null when the record is merged into nothing.
 */
export async function fillSurvivor(client: PoolClient, mergedUid: string, fields: readonly string[] | null): Promise<FilledPair | null> {
  const json = (alias: string) => [['uid', 'uid'], ['mrn', 'mrn'], ...Object.entries(COLUMN)].map(([name, column]) => `'${name}', ${alias}.${column}`).join(', ');
  const { rows } = await client.query<{ merged: Side; survivor: Side }>(
    `SELECT json_build_object(${json('m')}) AS merged, json_build_object(${json('s')}) AS survivor
     FROM patients m JOIN patients s ON s.uid = m.merged_into WHERE m.uid = $1 FOR UPDATE OF s`,
    [mergedUid],
  );
  const pair = rows[0];
  if (!pair) return null;
  const { merged, survivor } = pair;
  const held = await heldNumbers(client, merged, survivor.uid);
  const fill = survivorFill(survivor, merged, fields ?? offeredBy(merged), (field) => held.has(field));
  if (fill.carried.length > 0) {
    const sets = fill.carried.map((f, i) => `${COLUMN[f]} = $${i + 2}`).join(', ');
    await client.query(`UPDATE patients SET ${sets}, rev = ${NEXT_REV} WHERE uid = $1`, [survivor.uid, ...fill.carried.map((f) => merged[f] ?? null)]);
  }
  return { ...fill, merged, survivor };
}

type Named = Pick<Side, 'uid' | 'mrn' | 'name'>;

/**
 * The `patient-merged` notice that names what the survivor took (`names.carried`) and what it did
 * not (`names.notCarried`), comma-separated counter field names: a merge says `filled`/`notFilled`,
 * a late edit `carried`/`changed` (the names counters already word as a late edit).
 */
export async function addFillNotice(client: PoolClient, now: Date, survivor: Named, merged: Named, fill: SurvivorFill, names: { carried: string; notCarried: string }): Promise<void> {
  await addNotice(client, 'patient-merged', now, [survivor.uid, merged.uid], {
    survivorMrn: survivor.mrn,
    mergedMrn: merged.mrn,
    name: survivor.name,
    mergedName: merged.name,
    ...(fill.carried.length > 0 ? { [names.carried]: fill.carried.join(',') } : {}),
    ...(fill.notCarried.length > 0 ? { [names.notCarried]: fill.notCarried.join(',') } : {}),
  });
}
