import type { PoolClient } from 'pg';
import { normalizeName } from '../../shared/names';
import { addNotice } from './notices';
import { NEXT_REV } from './tx';

interface Identity {
  uid: string;
  mrn: string;
  nik: string | null;
  card: string | null;
  name: string;
  created_at: string;
}

const IDENTITY_COLUMNS = 'uid, mrn, nik, card, name, created_at';

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
 * the survivor, its RM names the survivor, its visits move, and the survivor takes the NIK or card
 * it lacked. Every row touched gets a new revision.
 */
async function mergeInto(client: PoolClient, merged: Identity, survivor: Identity, now: Date): Promise<void> {
  await client.query(`UPDATE patients SET merged_into = $2, rev = ${NEXT_REV} WHERE uid = $1 OR merged_into = $1`, [merged.uid, survivor.uid]);
  await client.query(`UPDATE patients SET nik = COALESCE(nik, $2), card = COALESCE(card, $3), rev = ${NEXT_REV} WHERE uid = $1`, [survivor.uid, merged.nik, merged.card]);
  await client.query(`UPDATE mrn_aliases SET patient_uid = $2, rev = ${NEXT_REV} WHERE patient_uid = $1`, [merged.uid, survivor.uid]);
  await client.query(
    `INSERT INTO mrn_aliases (mrn, patient_uid, rev) VALUES ($1, $2, ${NEXT_REV})
     ON CONFLICT (mrn) DO UPDATE SET patient_uid = EXCLUDED.patient_uid, rev = EXCLUDED.rev`,
    [merged.mrn, survivor.uid],
  );
  await client.query(`UPDATE visits SET patient_uid = $2, rev = ${NEXT_REV} WHERE patient_uid = $1`, [merged.uid, survivor.uid]);
  await addNotice(client, 'patient-merged', now, [survivor.uid, merged.uid], { survivorMrn: survivor.mrn, mergedMrn: merged.mrn, name: survivor.name, mergedName: merged.name });
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

/**
 * Merges the patient `uid` with every other live patient of the same NIK (or card without NIK).
 * Called when a patient is first seen and when a known patient gains a NIK or card. Returns the
 * uid that lives on.
 */
export async function mergeSameIdentity(client: PoolClient, uid: string, now: Date): Promise<string> {
  const found = await liveIdentity(client, uid);
  if (!found) return uid;
  let me: Identity = found;
  const hadNik = me.nik;
  for (const other of await sameIdentity(client, me)) {
    const [survivor, merged]: [Identity, Identity] = survivorOf(me, other);
    await mergeInto(client, merged, survivor, now);
    me = { ...survivor, nik: survivor.nik ?? merged.nik, card: survivor.card ?? merged.card };
  }
  // A survivor matched by card may have taken a NIK that a third patient has.
  if (me.nik && me.nik !== hadNik) return mergeSameIdentity(client, me.uid, now);
  return me.uid;
}

/**
 * A new patient without NIK and card whose normalized name and birth date match a live patient:
 * never merged (two people can share both), flagged for a person to look at.
 */
export async function flagNameTwins(client: PoolClient, patient: { uid: string; mrn: string; name: string; dob: string | null; nik: string | null; card: string | null }, now: Date): Promise<void> {
  if (patient.nik || patient.card || !patient.dob) return;
  const { rows } = await client.query<{ uid: string; mrn: string }>(
    'SELECT uid, mrn FROM patients WHERE name_key = $1 AND dob = $2 AND merged_into IS NULL AND uid <> $3 ORDER BY created_at LIMIT 9',
    [normalizeName(patient.name).key, patient.dob, patient.uid],
  );
  if (rows.length === 0) return;
  await addNotice(client, 'possible-duplicate', now, [patient.uid, ...rows.map((r) => r.uid)], {
    reason: 'name-dob',
    mrn: patient.mrn,
    otherMrns: rows.map((r) => r.mrn).join(', '),
    name: patient.name,
    dob: patient.dob,
  });
}

/**
 * Two live patients with one RM: two counters that numbered alone before enrollment. Both are
 * kept as they are (a printed card must stay true); a person decides, helped by this notice.
 */
export async function flagMrnClash(client: PoolClient, patient: { uid: string; mrn: string; name: string }, now: Date): Promise<void> {
  const { rows } = await client.query<{ uid: string; name: string }>('SELECT uid, name FROM patients WHERE mrn = $1 AND merged_into IS NULL AND uid <> $2 LIMIT 9', [patient.mrn, patient.uid]);
  if (rows.length === 0) return;
  await addNotice(client, 'possible-duplicate', now, [patient.uid, ...rows.map((r) => r.uid)], {
    reason: 'same-mrn',
    mrn: patient.mrn,
    name: patient.name,
    otherNames: rows.map((r) => r.name).join(', '),
  });
}
