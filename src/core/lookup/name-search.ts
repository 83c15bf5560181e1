import type { Confidence } from '../../shared/lookup';
import { nameSimilarity } from '../../shared/name-similarity';
import { normalizeName, phoneticToken, type NormalizedName } from '../../shared/names';
import type { CurrentEdition, MemberRow } from './edition-catalog';

export interface NameCandidate {
  edition: CurrentEdition;
  row: MemberRow;
  score: number;
  confidence: Confidence;
}

const MAX_RESULTS = 20;
/**
 * Words of a name that are searched. Indonesian names rarely have more than five ("I Gusti Ayu
 * Putu Sri Wahyuni" has six); each word beyond costs a full-text query of its own when the
 * search widens, so a 200-character query of 40 words took seconds on a million members.
 */
export const MAX_NAME_WORDS = 6;
/** Fewer candidates than this: look wider (drop a token, then match the last one as a prefix). */
const ENOUGH = 5;
/**
 * A last word shorter than this is never expanded as a prefix: "SI" would expand to every name
 * token starting so, a scan of millions of entries (100 ms at 3M members), to offer nobody useful.
 */
const MIN_PREFIX = 3;
/**
 * Time the widening passes may take. Each is a full-text query of its own, and an AND of common
 * names ("MUHAMMAD AHMAD NUR SITI DEWI PUTRA") reads long posting lists: fourteen of them took
 * 170 ms at 3M members. Past this budget the candidates found so far are the answer, so every
 * look-up answers within its 50 ms; the exact query always runs.
 */
const WIDEN_BUDGET_MS = 20;
/** Rows fetched per edition and FTS query before ranking in code. */
const CANDIDATES_PER_QUERY = 600;
/** Same birth date: a few hundred people among millions, so every one is ranked. */
const CANDIDATES_PER_DOB = 5000;
const MIN_SCORE_WITH_DOB = 0.72;
const MIN_SCORE = 0.8;
const PROBABLE_SCORE = 0.88;
/** A name typed in part ranks below the same name typed whole. */
const PARTIAL_WEIGHT = 0.9;

/**
 * Name search, Indonesian-aware and typo-tolerant. Candidates come from the FTS5 index over
 * phonetic tokens (which absorbs vowel and spelling variants); with a birth date they are everyone
 * born that day (lists/dob-lists.ts), so even a consonant typo is found. Candidates are then ranked by
 * string similarity of canonical names. Never auto-picks: the clerk sees the ranked list.
 */
export function searchByName(editions: readonly CurrentEdition[], name: string, dob: number | null, options: { widen?: boolean } = {}): NameCandidate[] {
  // A query cut to MAX_NAME_WORDS is no name being typed with a typo: look for it as it is.
  const widen = options.widen ?? true;
  const deadline = performance.now() + WIDEN_BUDGET_MS;
  const inBudget = (): boolean => performance.now() < deadline;
  const query = normalizeName(name);
  if (query.tokens.length === 0) return [];
  const phonetic = query.tokens.map(phoneticToken).filter((p) => p !== '');
  const ranked = new Map<string, NameCandidate>();
  const consider = (edition: CurrentEdition, rows: MemberRow[], withDob: boolean): void => {
    for (const row of rows) {
      const id = `${edition.editionId}:${row.id}`;
      if (ranked.has(id)) continue;
      const score = scoreName(query.key, query.tokens, normalizeName(row.name));
      if (score < (withDob ? MIN_SCORE_WITH_DOB : MIN_SCORE)) continue;
      const confidence: Confidence = withDob && score >= PROBABLE_SCORE ? 'probable' : 'possible';
      ranked.set(id, { edition, row, score, confidence });
    }
  };

  if (dob !== null) {
    for (const e of editions) consider(e, e.byDob(dob, CANDIDATES_PER_DOB), true);
  } else {
    // Every token must match, first as typed whole: a prefix query expands to every token that
    // starts so and costs several times more, so it runs only when the whole tokens found
    // (almost) nobody: then the clerk may still be typing the last one.
    const typedLast = query.tokens[query.tokens.length - 1] ?? '';
    for (const lastIsPrefix of [false, true]) {
      if (lastIsPrefix && (ranked.size >= ENOUGH || !widen || typedLast.length < MIN_PREFIX || !inBudget())) break;
      const strict = ftsAnd(phonetic, lastIsPrefix);
      for (const e of editions) consider(e, e.byNameKeys.all(strict, CANDIDATES_PER_QUERY), false);
      if (widen && ranked.size < ENOUGH && phonetic.length > 1) {
        // One token may hold a typo the phonetic code does not absorb: drop each token in turn.
        for (let skip = 0; skip < phonetic.length && inBudget(); skip++) {
          const relaxed = ftsAnd(phonetic.filter((_, i) => i !== skip), lastIsPrefix && skip !== phonetic.length - 1);
          for (const e of editions) consider(e, e.byNameKeys.all(relaxed, CANDIDATES_PER_QUERY), false);
        }
      }
    }
  }
  return [...ranked.values()].sort((a, b) => b.score - a.score || a.row.name.localeCompare(b.row.name)).slice(0, MAX_RESULTS);
}

/**
 * Similarity of the whole names, or, when the clerk typed only part of a name ("Rizki" for
 * "MUHAMMAD RIZKI"), how well each typed token is found in the candidate's name, ranked a
 * little below a whole-name match.
 */
function scoreName(queryKey: string, queryTokens: readonly string[], candidate: NormalizedName): number {
  const whole = nameSimilarity(queryKey, candidate.key);
  if (whole === 1 || candidate.tokens.length <= queryTokens.length) return whole;
  let found = 0;
  let letters = 0;
  for (const typed of queryTokens) {
    let best = 0;
    for (const token of candidate.tokens) best = Math.max(best, nameSimilarity(typed, token));
    found += best * typed.length;
    letters += typed.length;
  }
  return Math.max(whole, PARTIAL_WEIGHT * (found / letters));
}

function ftsAnd(tokens: readonly string[], lastIsPrefix: boolean): string {
  return tokens.map((t, i) => (lastIsPrefix && i === tokens.length - 1 ? `"${t}"*` : `"${t}"`)).join(' AND ');
}
