import { describe, expect, it } from 'vitest';
import { countUnknownStatus, UnknownStatusTally, type UnknownStatusCounts } from '../../../src/core/lists/unknown-statuses';

/** Batches of 2,000 rows, as the import validates them. */
function tallyOf(values: (n: number) => string, rows: number): UnknownStatusTally {
  const tally = new UnknownStatusTally();
  let batch: UnknownStatusCounts = new Map();
  for (let n = 0; n < rows; n++) {
    countUnknownStatus(batch, values(n));
    if (batch.size > 0 && (n + 1) % 2000 === 0) {
      tally.add(batch);
      batch = new Map();
    }
  }
  tally.add(batch);
  return tally;
}

const held = (tally: UnknownStatusTally): number => (tally as unknown as { counts: Map<string, number> }).counts.size;

describe('UnknownStatusTally', () => {
  it('names the most frequent values with their rows, most first, then the rows of the rest', () => {
    const words = ['A', 'B', 'B', 'C', 'C', 'C', 'D', 'E', 'F', 'G', 'G'];
    const tally = tallyOf((n) => words[n % words.length]!, words.length * 10);
    expect(tally.rows).toBe(110);
    expect(tally.values()).toBe('"C" (30), "B" (20), "G" (20), "A" (10), "D" (10), … (20)');
  });

  it('a million distinct values: memory stays bounded, the total stays exact, a frequent value keeps its exact count', () => {
    const tally = tallyOf((n) => (n % 10 === 0 ? 'TERTUNDA' : n % 10 === 5 ? 'PROSES' : `ID-${n}`), 1_000_000);
    expect(tally.rows).toBe(1_000_000);
    expect(held(tally)).toBeLessThanOrEqual(1_000);
    expect(tally.values().startsWith('"PROSES" (100000), "TERTUNDA" (100000), ')).toBe(true);
    expect(tally.values().split(', ')).toHaveLength(6);
  });

  it('quotes a value masked and cut: a NIK mapped as the status is not shown whole', () => {
    const tally = new UnknownStatusTally();
    const batch: UnknownStatusCounts = new Map();
    countUnknownStatus(batch, '3673015203850003');
    countUnknownStatus(batch, 'X'.repeat(5000));
    tally.add(batch);
    const values = tally.values();
    expect(values).not.toContain('3673015203850003');
    expect(values).toContain('…');
    expect(values.length).toBeLessThan(120);
  });
});
