import type { Identity } from '../../../../shared/counter';
import type { LookupResult, MemberMatch, OwnPatient } from '../../../../shared/lookup';

/** Something the clerk can pick as the identity of a patient registered without one. */
export type IdentityChoice =
  | { kind: 'own'; key: string; patient: OwnPatient }
  | { kind: 'member'; key: string; member: MemberMatch };

/** What attachIdentity is given for a choice: a record of this facility by id, or the member's identity. */
export type AttachSource = { patientId: number } | { identity: Identity };

/**
 * The choices a look-up offers, as the main screen shows them: this facility's own records first
 * (the one the query names, then name matches), then list members not already among them (same
 * NIK or card), so a returning patient is joined, not made twice.
 */
export function identityChoices(result: LookupResult, exclude: number | null = null): IdentityChoice[] {
  const own = new Map<number, OwnPatient>();
  for (const p of [result.patient ?? null, ...(result.ownMatches ?? [])]) if (p && p.id !== exclude && !own.has(p.id)) own.set(p.id, p);
  const known = (m: MemberMatch): boolean => [...own.values()].some((p) => (m.nik !== null && p.nik === m.nik) || (m.card !== null && p.card === m.card));
  return [
    ...[...own.values()].map((patient): IdentityChoice => ({ kind: 'own', key: `own:${patient.id}`, patient })),
    ...result.matches.filter((m) => !known(m)).map((member, i): IdentityChoice => ({ kind: 'member', key: `member:${member.nik ?? member.card ?? i}:${i}`, member })),
  ];
}

/** The contract input for a picked choice. */
export function attachSourceOf(choice: IdentityChoice): AttachSource {
  if (choice.kind === 'own') return { patientId: choice.patient.id };
  const m = choice.member;
  return { identity: { name: m.name, nik: m.nik, card: m.card, dob: m.dob, sex: m.sex, address: m.address } };
}

/** The name typed in the search, to prefill the form when nothing fits (a name query only). */
export function nameFromQuery(result: LookupResult | null): string {
  return result && result.kind === 'name' ? result.query.trim().toUpperCase() : '';
}
