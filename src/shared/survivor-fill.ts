import { sameOldMrn } from './old-mrn';

/**
 * What a record that survives a merge takes from the record merged into it: the one rule of the
 * counter's merge (merge-patients.ts), the hub's merge (src/hub/register/merge.ts) and the hub's
 * carrying of a late edit of a merged record (late-edit.ts), so the three never fill different
 * fields. Never the name: a survivor always has one.
 */
export const FILLABLE_FIELDS = ['nik', 'card', 'dob', 'sex', 'address', 'oldMrn'] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];

/** A record's values by the counter's field names (null: none); `name` only to say it differs. */
export type FillValues = { readonly [F in FillableField | 'name']?: string | null };

export interface SurvivorFill {
  /** The fields the survivor lacked and takes. */
  carried: FillableField[];
  /** The fields the merged record gives differently that the survivor does not take (it has its own, or another record holds the number). */
  notCarried: string[];
}

const isFillable = (field: string): field is FillableField => (FILLABLE_FIELDS as readonly string[]).includes(field);

/** The fields a merge looks at: every fillable one the merged record has a value for. */
export const offeredBy = (merged: FillValues): FillableField[] => FILLABLE_FIELDS.filter((f) => (merged[f] ?? null) !== null);

/**
 * Of `fields` (a late edit: the fields it changed; a merge: offeredBy), what the survivor takes:
 * a field is filled only where the survivor has none, never overwriting a value; a NIK or card
 * `heldElsewhere` says another live record holds stays behind (two people's documents, or a typo to
 * settle with F3). Both not carried are named, so a clerk re-enters with F3 what is right. An old
 * RM beside another of the survivor's is neither: it stays the merged record's, which finds the
 * survivor (the look-up by old RM), so nothing is lost.
 */
export function survivorFill(
  survivor: FillValues,
  merged: FillValues,
  fields: readonly string[],
  heldElsewhere: (field: 'nik' | 'card', value: string) => boolean,
): SurvivorFill {
  const carried: FillableField[] = [];
  const notCarried: string[] = [];
  for (const field of fields) {
    const key = isFillable(field) ? field : 'name';
    const given = merged[key] ?? null;
    const has = survivor[key] ?? null;
    if (given === has || (key === 'oldMrn' && sameOldMrn(given, has))) continue;
    if (key === 'oldMrn' && given !== null && has !== null) continue;
    const free = key !== 'name' && given !== null && has === null;
    if (free && !((key === 'nik' || key === 'card') && heldElsewhere(key, given))) carried.push(key);
    else notCarried.push(field);
  }
  return { carried, notCarried };
}
