/**
 * The cost of ranking name candidates: the search screen scores every candidate of a name search
 * with `nameSimilarity` (Jaro-Winkler over normalised words) on each search, a few hundred at
 * most. Measures the time per call on typical Indonesian names, and a bare `localeCompare` of the
 * same pairs as the reference measured in the same run (the ratio says what the scoring costs
 * beyond touching the strings). Not a test: nothing asserts a time. Part of `npm run bench`.
 */
import { nameSimilarity } from '../../src/shared/name-similarity';
import { round } from './stats';

const NAMES = ['MUHAMMAD RIZKI PRATAMA', 'SITI AMINAH', 'NUR HASANAH', 'BUDI SANTOSO', 'DEWI LESTARI', 'AHMAD FAUZI RAHMAN'];
const CALLS = 300_000;

function perCallUs(score: (a: string, b: string) => number): number {
  let sum = 0;
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) sum += score(NAMES[i % 6] ?? '', NAMES[(i * 7 + 1) % 6] ?? '');
  const us = ((performance.now() - start) * 1000) / CALLS;
  if (!Number.isFinite(sum)) throw new Error('no score');
  return us;
}

export function benchNameSimilarity(): { perCallUs: number; threeHundredCandidatesMs: number; localeCompareUs: number; ratio: number } {
  perCallUs(nameSimilarity); // warm-up: the JIT, the normalisation caches
  const scoring = perCallUs(nameSimilarity);
  const reference = perCallUs((a, b) => a.localeCompare(b));
  return { perCallUs: round(scoring, 3), threeHundredCandidatesMs: round((scoring * 300) / 1000, 3), localeCompareUs: round(reference, 3), ratio: round(scoring / reference, 2) };
}
