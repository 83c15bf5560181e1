import type { MemberMatch } from './lookup';
import type { Sex } from './nik';
import { normalizeName, phoneticToken } from './names';

/** What the lists say about a person: enough to tell two people apart (a list row, a live answer, a record here). */
export interface PersonFacts {
  name: string;
  dob: string | null;
  sex: Sex | null;
}

/**
 * Whether two rows that share a NIK or card are one person. One person is on several lists
 * (PBI APBD and Jamkesda, the same NIK and name): that is the usual case, and the verdict and
 * payer rest on all of their rows. Two people are told apart by what the lists say about them:
 * another name (after the usual normalisation: titles, spelling, and spelling variants that sound
 * the same, Fitri/Pitri), another birth date or another sex. A missing birth date or sex
 * contradicts nothing. Loket never picks between two people: the clerk does (see peopleOf).
 */
export function samePerson(a: PersonFacts, b: PersonFacts): boolean {
  if (a.sex && b.sex && a.sex !== b.sex) return false;
  if (a.dob && b.dob && a.dob !== b.dob) return false;
  return sameNameSound(a.name, b.name);
}

function sameNameSound(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x.key === y.key) return true;
  if (x.tokens.length !== y.tokens.length || x.tokens.length === 0) return false;
  return x.tokens.every((t, i) => phoneticToken(t) === phoneticToken(y.tokens[i]!));
}

const isLive = (m: MemberMatch): boolean => m.list.kind === 'bpjs-live';

/**
 * The people an identifier's exact matches belong to, each with their rows, in the order they
 * first appear. Only list rows tell people apart; a live BPJS answer joins the person it
 * describes, or, when it describes none of several, stands as a person of its own. With one
 * person on the lists (or none), a live answer is theirs, as it always was: BPJS answers for the
 * number asked, and a spelling BPJS writes differently is no second person.
 * Probable and possible matches are left out: they are candidates whatever this says.
 */
export function peopleOf(matches: readonly MemberMatch[]): MemberMatch[][] {
  const people: MemberMatch[][] = [];
  const live: MemberMatch[] = [];
  for (const m of matches) {
    if (m.confidence !== 'exact') continue;
    if (isLive(m)) {
      live.push(m);
      continue;
    }
    const person = people.find((rows) => rows.some((r) => samePerson(r, m)));
    if (person) person.push(m);
    else people.push([m]);
  }
  for (const m of live) {
    const person = people.length <= 1 ? people[0] : people.find((rows) => rows.some((r) => samePerson(r, m)));
    if (person) person.push(m);
    else people.push([m]);
  }
  return people;
}

/** The exact rows of the person `facts` describes (a record here, a picked row); empty when no person on the lists matches. */
export function rowsOfPerson(matches: readonly MemberMatch[], facts: PersonFacts): MemberMatch[] {
  return peopleOf(matches).find((rows) => rows.some((r) => samePerson(r, facts))) ?? [];
}
