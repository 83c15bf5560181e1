/**
 * The list readers under damaged files, within a budget that fits `npm test`: every mutant of
 * the seed lists (truncated, bit-flipped, huge references, unclosed tags, zip damage, wrong and
 * mixed encodings, NUL and control characters...) ends within the time limit and heap cap in
 * an import or a refusal the user can act on, and the valid edition still answers afterwards.
 * `npm run fuzz` runs the same with more inputs and a fresh seed.
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../fuzz/run-fuzz';

const COUNT = Number(process.env['LOKET_FUZZ_COUNT'] ?? 150);
const SEED = Number(process.env['LOKET_FUZZ_SEED'] ?? 20261129);

describe('list readers under damaged files', () => {
  it(`${COUNT} mutants of seed ${SEED}: each imported or refused in words, in time, within memory`, { timeout: 240_000 }, async () => {
    const summary = await runFuzz({ seed: SEED, count: COUNT, timeoutMs: 15_000, heapMb: 512 });
    console.log(JSON.stringify(summary));
    expect(summary.failures).toEqual([]);
    expect(summary.inputs).toBe(COUNT);
    // The mutants must reach both outcomes, or the suite tests nothing.
    expect(Object.keys(summary.outcomes).some((k) => k.startsWith('refused:list-file/'))).toBe(true);
    expect(summary.outcomes['imported'] ?? 0).toBeGreaterThan(0);
  });
});
