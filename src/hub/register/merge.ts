import type { PoolClient } from 'pg';
import { normalizeName } from '../../shared/names';
import type { SurvivorFill } from '../../shared/survivor-fill';
import { addFillNotice, fillSurvivor } from './fill-survivor';
import { addNotice } from './notices';
import { NEXT_REV } from './tx';

export interface Identity {
  uid: string;
  mrn: string;
  nik: string | null;
  card: string | null;
  name: string;
  created_at: string;
}

export const IDENTITY_COLUMNS = 'uid, mrn, nik, card, name, created_at';

/** Record numbers in order: shorter first (so "99" < "100"), then as text. */
function compareMrn(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The patient created first survives (then the lower RM, then the lower uid: always one answer). */
export function survivorOf<P extends Pick<Identity, 'uid' | 'mrn' | 'created_at'>>(a: P, b: P): [survivor: P, merged: P] {
  const byTime = Date.parse(a.created_at) - Date.parse(b.created_at);
  const order = byTime || compareMrn(a.mrn, b.mrn) || (a.uid < b.uid ? -1 : 1);
  return order < 0 ? [a, b] : [b, a];
}

/**
 * `merged` becomes an alias of `survivor`: it (and whatever was merged into it before) points to
 * the survivor, its RM names the survivor, its visits move, and the survivor takes what it lacks
 * of the merged record's NIK, card, birth date, sex, address and old RM (from before Loket), by
 * the rule a late edit is carried by (fill-survivor.ts): never overwriting a value, never a NIK or
 * card another live record holds. Every row touched gets a new revision. The `patient-merged`
 * notice names what the survivor took (`filled`) and what of the merged record's it did not
 * (`notFilled`: its own value kept, or a number another record holds), comma-separated counter
 * field names; params a counter that does not know them ignores (it shows the plain merge).
 * Returns the survivor as it is now (its NIK and card, for a chain of merges).
 */
export async function mergeInto(client: PoolClient, merged: Identity, survivor: Identity, now: Date): Promise<Identity> {
  await client.query(`UPDATE patients SET merged_into = $2, rev = ${NEXT_REV} WHERE uid = $1 OR merged_into = $1`, [merged.uid, survivor.uid]);
  const fill: SurvivorFill = (await fillSurvivor(client, merged.uid, null)) ?? { carried: [], notCarried: [] };
  // The survivor gets a new revision even when it takes nothing: counters pull it with the merge.
  if (fill.carried.length === 0) await client.query(`UPDATE patients SET rev = ${NEXT_REV} WHERE uid = $1`, [survivor.uid]);
  await client.query(`UPDATE mrn_aliases SET patient_uid = $2, rev = ${NEXT_REV} WHERE patient_uid = $1`, [merged.uid, survivor.uid]);
  await client.query(
    `INSERT INTO mrn_aliases (mrn, patient_uid, rev) VALUES ($1, $2, ${NEXT_REV})
     ON CONFLICT (mrn) DO UPDATE SET patient_uid = EXCLUDED.patient_uid, rev = EXCLUDED.rev`,
    [merged.mrn, survivor.uid],
  );
  await client.query(`UPDATE visits SET patient_uid = $2, rev = ${NEXT_REV} WHERE patient_uid = $1`, [merged.uid, survivor.uid]);
  await addFillNotice(client, now, survivor, merged, fill, { carried: 'filled', notCarried: 'notFilled' });
  const took = (field: 'nik' | 'card') => (fill.carried.includes(field) ? merged[field] : survivor[field]);
  return { ...survivor, nik: took('nik'), card: took('card') };
}

async function liveIdentity(client: PoolClient, uid: string): Promise<Identity | null> {
  const { rows } = await client.query<Identity>(`SELECT ${IDENTITY_COLUMNS} FROM patients WHERE uid = $1 AND merged_into IS NULL`, [uid]);
  return rows[0] ?? null;
}

/** Other live patients with this patient's NIK, or with its card when it has no NIK. */
async function sameIdentity(client: PoolClient, me: Identity): Promise<Identity[]> {
  const [column, value] = me.nik ? ['nik', me.nik] : ['card', me.card];
  if (!value) return [];
  const { rows } = await client.query<Identity>(`SELECT ${IDENTITY_COLUMNS} FROM patients WHERE ${column} = $1 AND merged_into IS NULL AND uid <> $2`, [value, me.uid]);
  return rows;
}

/** Merges `me` with each of `others` (live patients of its NIK or card); returns the uid that lives on. */
async function mergeWith(client: PoolClient, found: Identity, others: Identity[], now: Date): Promise<string> {
  let me = found;
  for (const other of others) {
    const [survivor, merged]: [Identity, Identity] = survivorOf(me, other);
    me = await mergeInto(client, merged, survivor, now);
  }
  // A survivor takes a NIK or card only when no other live record holds it (fill-survivor.ts), so
  // what it took joins no third record: no further merge follows from it.
  return me.uid;
}

/**
 * Merges the live patient `uid` with every other live patient of the same NIK (or card without
 * NIK): when a known patient gains a NIK or card (an emergency patient identified later).
 */
export async function mergeSameIdentity(client: PoolClient, uid: string, now: Date): Promise<string> {
  const found = await liveIdentity(client, uid);
  if (!found) return uid;
  return mergeWith(client, found, await sameIdentity(client, found), now);
}

export interface ArrivingPatient {
  uid: string;
  mrn: string;
  nik: string | null;
  card: string | null;
  name: string;
  dob: string | null;
  createdAt: string;
}

/**
 * The live patients a newly seen patient meets, in one statement: same NIK (or card without NIK),
 * same RM, or (without NIK and card) same normalized name and birth date.
 */
const MEETS = `
SELECT ${IDENTITY_COLUMNS},
  COALESCE(CASE WHEN $2::text IS NOT NULL THEN nik = $2 ELSE card = $3 END, false) AS same_identity,
  mrn = $4 AS same_mrn,
  COALESCE($2::text IS NULL AND $3::text IS NULL AND name_key = $5 AND dob = $6, false) AS same_name_dob
FROM patients
WHERE merged_into IS NULL AND uid <> $1 AND (
  ($2::text IS NOT NULL AND nik = $2) OR ($2::text IS NULL AND $3::text IS NOT NULL AND card = $3) OR mrn = $4
  OR ($2::text IS NULL AND $3::text IS NULL AND $6::text IS NOT NULL AND name_key = $5 AND dob = $6))
ORDER BY created_at LIMIT 20`;

type Met = Identity & { same_identity: boolean; same_mrn: boolean; same_name_dob: boolean };

/**
 * A patient uid the hub has just inserted: merged with a live patient of its NIK (or card), or else
 * flagged when it shares its RM (two islands before enrollment: both kept) or, without NIK and
 * card, its normalized name and birth date (never merged: two people can share both).
 */
export async function patientArrived(client: PoolClient, p: ArrivingPatient, now: Date): Promise<void> {
  const { rows } = await client.query<Met>(MEETS, [p.uid, p.nik, p.card, p.mrn, normalizeName(p.name).key, p.dob]);
  const sameIdentity = rows.filter((r) => r.same_identity);
  if (sameIdentity.length > 0) {
    await mergeWith(client, { uid: p.uid, mrn: p.mrn, nik: p.nik, card: p.card, name: p.name, created_at: p.createdAt }, sameIdentity, now);
    return;
  }
  const twins = rows.filter((r) => r.same_name_dob).slice(0, 9);
  if (twins.length > 0) {
    await addNotice(client, 'possible-duplicate', now, [p.uid, ...twins.map((r) => r.uid)], {
      reason: 'name-dob',
      mrn: p.mrn,
      otherMrns: twins.map((r) => r.mrn).join(', '),
      name: p.name,
      dob: p.dob ?? '',
    });
  }
  const sameMrn = rows.filter((r) => r.same_mrn).slice(0, 9);
  if (sameMrn.length > 0) {
    await addNotice(client, 'possible-duplicate', now, [p.uid, ...sameMrn.map((r) => r.uid)], {
      reason: 'same-mrn',
      mrn: p.mrn,
      name: p.name,
      otherNames: sameMrn.map((r) => r.name).join(', '),
    });
  }
}
