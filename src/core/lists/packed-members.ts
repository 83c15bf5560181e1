import type { MemberInsert } from './row-validator';

/**
 * A batch's members packed for the trip from the reader thread to the writer. Cloning an array
 * of small tuples costs the structured clone one value at a time, on both threads; this shape
 * crosses as two transferred buffers (no copy) and one string (one copy), and the writer slices
 * the texts back out.
 *
 * A detail equal to one of the last few sent (a BPJS extract's detail is the sex and the
 * validity dates, the same on thousands of rows) is not sent again: its length is written as
 * -2 - k, "the k-th most recent distinct detail", and the writer reuses that string. Both sides
 * keep the same list (RecentDetails), so nothing else crosses.
 */
export interface PackedMembers {
  count: number;
  /** per member: card, dob, flags, row; NaN where the card or the birth date is missing */
  numbers: Float64Array;
  /** per member: the lengths of its NIK (-1: none), name and detail (-2 - k: the k-th recent detail) in `text` */
  lengths: Int32Array;
  /** every member's NIK, name and (new) detail, one after another */
  text: string;
}

const NUMBERS = 4;
const LENGTHS = 3;
/** Distinct details remembered on each side of a batch. */
const RECENT_DETAILS = 4;

/** The last distinct details of a batch, newest first: the same list on the reader's and the writer's side. */
class RecentDetails {
  private readonly recent: string[] = [];

  indexOf(detail: string): number {
    const { recent } = this;
    for (let k = 0; k < recent.length; k++) if (recent[k] === detail) return k;
    return -1;
  }

  at(k: number): string {
    return this.recent[k]!;
  }

  /** A detail not in the list becomes its newest. */
  add(detail: string): void {
    if (this.recent.length === RECENT_DETAILS) this.recent.pop();
    this.recent.unshift(detail);
  }
}

export function packMembers(members: readonly MemberInsert[]): PackedMembers {
  const count = members.length;
  const numbers = new Float64Array(count * NUMBERS);
  const lengths = new Int32Array(count * LENGTHS);
  const recent = new RecentDetails();
  let text = '';
  for (let i = 0; i < count; i++) {
    // Indexed, not destructured: the destructuring showed in the reader thread's profile.
    const m = members[i]!;
    const nik = m[0];
    const name = m[4];
    const detail = m[5];
    numbers[i * NUMBERS] = m[1] ?? NaN;
    numbers[i * NUMBERS + 1] = m[2] ?? NaN;
    numbers[i * NUMBERS + 2] = m[3];
    numbers[i * NUMBERS + 3] = m[6];
    lengths[i * LENGTHS] = nik === null ? -1 : nik.length;
    lengths[i * LENGTHS + 1] = name.length;
    const k = recent.indexOf(detail);
    if (k >= 0) {
      lengths[i * LENGTHS + 2] = -2 - k;
      text += (nik ?? '') + name;
    } else {
      recent.add(detail);
      lengths[i * LENGTHS + 2] = detail.length;
      text += (nik ?? '') + name + detail;
    }
  }
  return { count, numbers, lengths, text };
}

/** What postMessage should move rather than copy. */
export const transferablesOf = (packed: PackedMembers): ArrayBuffer[] => [packed.numbers.buffer as ArrayBuffer, packed.lengths.buffer as ArrayBuffer];

/**
 * Calls `each` with every member's position in the batch and name, in order: what the name index
 * needs of a batch. Slices the names only.
 */
export function forEachName(packed: PackedMembers, each: (index: number, name: string) => void): void {
  const { lengths, text } = packed;
  let at = 0;
  for (let i = 0; i < packed.count; i++) {
    const nikLength = lengths[i * LENGTHS]!;
    if (nikLength > 0) at += nikLength;
    const name = text.slice(at, (at += lengths[i * LENGTHS + 1]!));
    const detailLength = lengths[i * LENGTHS + 2]!;
    if (detailLength > 0) at += detailLength; // a recent detail (< 0) has no text here
    each(i, name);
  }
}

/**
 * The birth date (yyyymmdd) of the batch's member at `index`, NaN when it has none. Read where it
 * is: handed to a callback with each name, the date was boxed into a heap number per member, and a
 * Map keyed by it took the slow path (together ~20 % of the name index's thread).
 */
export const dobAt = (packed: PackedMembers, index: number): number => packed.numbers[index * NUMBERS + 1]!;

/** Calls `each` with every member in order, unpacked into the given tuple (reused: copy what you keep). */
export function forEachMember(packed: PackedMembers, each: (member: MemberInsert) => void): void {
  const { numbers, lengths, text } = packed;
  const member: MemberInsert = [null, null, null, 0, '', '', 0];
  const recent = new RecentDetails();
  let at = 0;
  for (let i = 0; i < packed.count; i++) {
    const nikLength = lengths[i * LENGTHS]!;
    member[0] = nikLength < 0 ? null : text.slice(at, (at += nikLength));
    member[4] = text.slice(at, (at += lengths[i * LENGTHS + 1]!));
    const detailLength = lengths[i * LENGTHS + 2]!;
    if (detailLength < 0) member[5] = recent.at(-2 - detailLength);
    else {
      member[5] = text.slice(at, (at += detailLength));
      recent.add(member[5]);
    }
    const card = numbers[i * NUMBERS]!;
    const dob = numbers[i * NUMBERS + 1]!;
    member[1] = Number.isNaN(card) ? null : card;
    member[2] = Number.isNaN(dob) ? null : dob;
    member[3] = numbers[i * NUMBERS + 2]!;
    member[6] = numbers[i * NUMBERS + 3]!;
    each(member);
  }
}
