// The person being typed in the new-patient form, before its "Lanjut" has checked anything: what
// an emergency (F9) takes when the clerk says "this patient". Pure.
import { identitySchema, type Identity } from '../../../../shared/counter';
import type { Sex } from '../../../../shared/nik';
import { stripSeparators } from '../../../../shared/separators';
import { hasLetter } from '../../../../shared/text-schemas';
import { isNik } from './subject';

/** The form's fields as they are now, half typed or not. */
export interface TypedForm {
  name: string;
  /** As typed (separators and all). */
  nik: string;
  /** ISO, or '' (none, or text that gives no date: see dobValid). */
  dob: string;
  /** The date field's text is a date (or empty). */
  dobValid: boolean;
  sex: '' | Sex;
  address: string;
  /** The card number the form carries from the look-up (it has no field of its own there). */
  card: string | null;
  /** The old record number as typed (an emergency goes without it; a draft typed here is not thrown away silently). */
  oldMrn: string;
}

/**
 * The identity typed so far, or null when no name is typed yet (a name with a letter: the one
 * field a patient needs). Every other field goes in only when it is already valid: a NIK of 16
 * digits, a date that is a date; one still half typed is left out, never guessed. So a record
 * can always be made from it at once, as an emergency needs; the rest is corrected later (F3).
 */
export function typedIdentity(typed: TypedForm): Identity | null {
  const name = typed.name.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!hasLetter(name)) return null;
  const nik = stripSeparators(typed.nik);
  const address = typed.address.trim();
  const identity: Identity = {
    name,
    nik: isNik(nik) ? nik : null,
    card: typed.card,
    dob: typed.dobValid && typed.dob ? typed.dob : null,
    sex: typed.sex || null,
    address: address || null,
  };
  // Whatever the schema still refuses (a name of 121 characters pasted in) leaves the name alone.
  return identitySchema.safeParse(identity).success ? identity : { name: name.slice(0, 120), nik: null, card: null, dob: null, sex: null, address: null };
}
