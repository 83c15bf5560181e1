import type { Identity } from '../../../../shared/counter';
import type { LookupResult, MemberMatch } from '../../../../shared/lookup';
import type { CheckApi } from './identity-check';
import { sameName } from './resolve-identity';
import { identityOfMember } from './subject';

/** Typed without NIK or card, with a name and a birth date: the only identity a namesake is asked for. */
const askable = (identity: Identity): boolean => !identity.nik && !identity.card && !!identity.dob && identity.name.trim() !== '';

/**
 * The list member a new patient typed without NIK or card most likely is: the one person on the
 * lists with the same name (titles and spellings set aside) and the same birth date, who has a
 * number to look up. A PBI member who came without a card and was typed in by F2 was otherwise
 * registered as paying (umum) with nothing said. Two or more such people: none (Loket never
 * picks between people); the clerk can search them by name.
 */
export function listNamesakeOf(identity: Identity, result: LookupResult): MemberMatch | null {
  if (!askable(identity)) return null;
  const rows = result.matches.filter((m) => m.list.kind !== 'bpjs-live' && (m.nik || m.card) && m.dob === identity.dob && sameName(m.name, identity.name));
  const people = new Set(rows.map((m) => m.nik ?? m.card));
  if (people.size !== 1) return null;
  // The active row first: it is the one the check will rest on.
  return rows.find((m) => m.status === 'active') ?? rows[0] ?? null;
}

/** The name and birth date looked up on the lists as the search field would; null when the look-up failed (it never blocks). */
export async function findListNamesake(api: CheckApi, identity: Identity): Promise<MemberMatch | null> {
  if (!askable(identity)) return null;
  const answer = await api.lookup({ query: identity.name.trim(), dob: identity.dob! });
  return answer.ok ? listNamesakeOf(identity, answer.value) : null;
}

/**
 * The identity to register once the clerk says the namesake is the patient: the list's numbers,
 * name and birth date; what the clerk typed that the list lacks or may hold older (the address,
 * an old RM) is kept.
 */
export function identityWithNamesake(typed: Identity, member: MemberMatch): Identity {
  const fromList = identityOfMember(member);
  return { ...typed, name: fromList.name, nik: fromList.nik, card: fromList.card, dob: fromList.dob ?? typed.dob, sex: typed.sex ?? fromList.sex, address: typed.address ?? fromList.address };
}
