import type { CoreMessage } from '../../shared/i18n/messages';
import type { MemberMatch } from '../../shared/lookup';

/** How a NIK on a list differs from the one typed: two neighbouring digits swapped, or one digit other. */
export type NikSlip = 'swap' | 'digit';

/** Hints per look-up at most: more would be a crowd of strangers, not a typing slip. */
const MAX_HINTS = 3;

/**
 * Every NIK one typing slip away from `nik`: the 15 with two neighbouring digits swapped, then the
 * 144 with one digit other. A KTP number typed by hand (a scanner does not slip) is most often
 * wrong by one of these; nothing else is guessed.
 */
export function nikSlipsOf(nik: string): { nik: string; slip: NikSlip }[] {
  const slips: { nik: string; slip: NikSlip }[] = [];
  for (let i = 0; i + 1 < nik.length; i++) {
    if (nik[i] === nik[i + 1]) continue;
    slips.push({ nik: nik.slice(0, i) + nik[i + 1] + nik[i] + nik.slice(i + 2), slip: 'swap' });
  }
  for (let i = 0; i < nik.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== nik[i]) slips.push({ nik: nik.slice(0, i) + digit + nik.slice(i + 1), slip: 'digit' });
    }
  }
  return slips;
}

/**
 * A NIK no list and no record here knows may be a typing slip of one a list holds: each list
 * member whose NIK is one slip away, said as a warning beside "not found" (`query/nik-slip-*`),
 * with the name and birth date to compare with the KTP. Never a match: the clerk who finds it is
 * the person searches that NIK. `find` answers the list rows holding one NIK.
 */
export function nikSlipHints(nik: string, find: (nik: string) => MemberMatch[]): CoreMessage[] {
  const hints: CoreMessage[] = [];
  const seen = new Set<string>();
  for (const { nik: other, slip } of nikSlipsOf(nik)) {
    for (const member of find(other)) {
      const person = `${other}\u0000${member.name}`;
      if (seen.has(person)) continue;
      seen.add(person);
      hints.push({
        code: slip === 'swap' ? 'query/nik-slip-swap' : 'query/nik-slip-digit',
        params: { nik: other, name: member.name, dob: member.dob ? dayMonthYear(member.dob) : '-', list: member.list.name },
      });
      if (hints.length === MAX_HINTS) return hints;
    }
  }
  return hints;
}

const dayMonthYear = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
