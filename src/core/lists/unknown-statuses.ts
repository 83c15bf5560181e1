/**
 * Counting the status values no word of Loket's explains, for the import's notice: those
 * members come out "not active, reason unknown", and a whole list of them (a file whose status
 * column says TERDAFTAR) must not pass in silence.
 *
 * Memory stays bounded whatever the file: a batch's counts hold at most its rows (2,000), and
 * the import's tally at most TALLY_LIMIT values. A list of 3 million rows with millions of
 * distinct values (a column of IDs or dates mapped as the status) keeps the frequent ones: when
 * the tally is full, only its most frequent half is kept. A value dropped then and seen again
 * starts from zero, so after that the counts shown can be low; the total of rows stays exact.
 */
import { maskIdentifiers } from '../../shared/masking';

/** One batch's unknown status values and their rows (a Map: it crosses threads as it is). */
export type UnknownStatusCounts = Map<string, number>;

/** Longer values are cut before they are counted: a status is a word or two, not a paragraph. */
const KEY_CHARS = 200;
/** How much of a value the notice quotes. */
const SHOWN_CHARS = 40;
/** The values the notice names, most frequent first. */
export const SHOWN_VALUES = 5;
const TALLY_LIMIT = 1_000;

/** Counts one row's unknown status value into its batch's counts. */
export function countUnknownStatus(counts: UnknownStatusCounts, raw: string): void {
  const key = raw.length > KEY_CHARS ? raw.slice(0, KEY_CHARS) : raw;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** A value as the notice quotes it: NIK and card numbers masked, long text cut. */
function shown(value: string): string {
  const masked = maskIdentifiers(value);
  return masked.length > SHOWN_CHARS ? `${masked.slice(0, SHOWN_CHARS)}…` : masked;
}

export class UnknownStatusTally {
  /** Rows whose status was unknown: exact. */
  rows = 0;
  private readonly counts = new Map<string, number>();

  add(batch: UnknownStatusCounts): void {
    for (const [value, rows] of batch) {
      this.rows += rows;
      this.counts.set(value, (this.counts.get(value) ?? 0) + rows);
    }
    if (this.counts.size > TALLY_LIMIT) {
      const kept = [...this.counts].sort(byCount).slice(0, TALLY_LIMIT / 2);
      this.counts.clear();
      for (const [value, rows] of kept) this.counts.set(value, rows);
    }
  }

  /**
   * The most frequent values with their rows, language-neutral: `"TERDAFTAR" (299), "VALID" (3)`,
   * then `… (12)` for the rows of the values not named.
   */
  values(): string {
    const top = [...this.counts].sort(byCount).slice(0, SHOWN_VALUES);
    const parts = top.map(([value, rows]) => `"${shown(value)}" (${rows})`);
    const others = this.rows - top.reduce((sum, [, rows]) => sum + rows, 0);
    if (others > 0) parts.push(`… (${others})`);
    return parts.join(', ');
  }
}
