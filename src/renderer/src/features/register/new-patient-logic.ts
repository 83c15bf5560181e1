// The new-patient form's rules around the NIK: birth date and sex come from it unless the clerk
// gave them, and a NIK whose region or date cannot exist is flagged, never refused. Pure.
import type { Identity } from '../../../../shared/counter';
import { inspectNik, nikMismatch, type NikCheck, type Sex } from '../../../../shared/nik';
import type { TypedDateError } from '../../../../shared/typed-date';

/** Who set a field: the clerk (never overwritten), the NIK (follows the NIK), or nobody yet. */
export type Owner = 'clerk' | 'nik' | null;

export interface BirthFields {
  dob: string; // ISO or ''
  dobOwner: Owner;
  /** The date field's text gives no date (refused on save). */
  dobError: TypedDateError | null;
  sex: '' | Sex;
  sexOwner: Owner;
}

export function checkNik(nikText: string, today: string): NikCheck | null {
  return inspectNik(nikText, today);
}

/** The NIK's birth date when its digits form one (the century is the usual guess: never in the future). */
export function nikBirthDate(check: NikCheck | null): string | null {
  return check !== null && check.dateValid ? check.info.birthDate : null;
}

/** Sex from the NIK only when its date digits are sound: DD+40 means nothing in a broken date. */
function nikSex(check: NikCheck | null): Sex | null {
  return check !== null && check.dateValid ? check.info.sex : null;
}

/** The fields after the NIK changed: what the clerk set stays, what the NIK set follows the NIK. */
export function fillFromNik(cur: BirthFields, check: NikCheck | null): BirthFields {
  const next = { ...cur };
  if (cur.dobOwner !== 'clerk') {
    const dob = nikBirthDate(check);
    next.dob = dob ?? '';
    next.dobOwner = dob === null ? null : 'nik';
    next.dobError = null;
  }
  if (cur.sexOwner !== 'clerk') {
    const sex = nikSex(check);
    next.sex = sex ?? '';
    next.sexOwner = sex === null ? null : 'nik';
  }
  return next;
}

/** The clerk typed in the date field: any text makes it theirs; an emptied field is free again. */
export function dobTyped(cur: BirthFields, iso: string, error: TypedDateError | null): BirthFields {
  const empty = iso === '' && error === null;
  return { ...cur, dob: iso, dobError: error, dobOwner: empty ? null : 'clerk' };
}

export function sexChosen(cur: BirthFields, sex: '' | Sex): BirthFields {
  return { ...cur, sex, sexOwner: sex === '' ? null : 'clerk' };
}

/** A draft's own data (from a list or a look-up) counts as given: the NIK fills only the gaps. */
export function initialBirthFields(draft: Identity, today: string): BirthFields {
  const cur: BirthFields = {
    dob: draft.dob ?? '',
    dobOwner: draft.dob ? 'clerk' : null,
    dobError: null,
    sex: draft.sex ?? '',
    sexOwner: draft.sex ? 'clerk' : null,
  };
  return fillFromNik(cur, checkNik(draft.nik ?? '', today));
}

export type NikWarning = { kind: 'province'; code: string } | { kind: 'date' } | { kind: 'serial' };

/** What a 16-digit NIK shows that cannot exist. Warnings only: the clerk copies the card as it is. */
export function nikWarnings(check: NikCheck | null): NikWarning[] {
  if (check === null) return [];
  const out: NikWarning[] = [];
  if (!check.provinceKnown) out.push({ kind: 'province', code: check.info.provinceCode });
  if (!check.dateValid) out.push({ kind: 'date' });
  if (!check.serialValid) out.push({ kind: 'serial' });
  return out;
}

/** The sex the NIK says, when the clerk chose the other one. */
export function sexAgainstNik(sex: '' | Sex, check: NikCheck | null): Sex | null {
  const fromNik = nikSex(check);
  return sex !== '' && fromNik !== null && sex !== fromNik ? fromNik : null;
}

/**
 * The identity saved without its NIK, the NIK being another person's (a baby given the mother's
 * NIK): a birth date and a sex that are that NIK's own go with it. The form filled them from the
 * NIK; kept, the baby's record would carry the mother's birth date and sex. The date is compared
 * as nikMismatch does (the NIK's yy-mm-dd), so no century guess matters.
 */
export function withoutNik(identity: Identity): Identity {
  const check = identity.nik ? inspectNik(identity.nik) : null;
  const dob = identity.dob ?? null;
  const sex = identity.sex ?? null;
  if (!check) return { ...identity, nik: null };
  const dobOfNik = dob !== null && check.info.birthDate !== null && nikMismatch(check.info, dob, null) === null;
  return { ...identity, nik: null, dob: dobOfNik ? null : dob, sex: sex === check.info.sex ? null : sex };
}
