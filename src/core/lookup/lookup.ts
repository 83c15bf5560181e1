import { daysBetween } from '../../shared/dates';
import type { CoreMessage } from '../../shared/i18n/messages';
import type { Confidence, LookupResult, MemberMatch, QueryKind } from '../../shared/lookup';
import { unsearchedOf, withEachReadable } from './unreadable-lists';
import { normalizeName } from '../../shared/names';
import { parseNik, type NikParse } from '../../shared/nik';
import { peopleOf } from '../../shared/same-person';
import { contradictionOf, decide, verdictOf } from '../../shared/verdict-rule';
import { MemberFlags, addressLine, cardToText, dobToIso, flagNames, isoToDob, sexOf, unpackDetail, type MemberDetail } from '../lists/member-table';
import { ENDED_REASON, NOT_YET_REASON } from '../../shared/status-reason';
import { classifyQuery } from './classify-query';
import type { CurrentEdition, EditionCatalog, MemberRow } from './edition-catalog';
import { MAX_NAME_WORDS, searchByName } from './name-search';
import { nikSlipHints } from './nik-slips';

/** The verdict rule lives in src/shared/verdict-rule.ts: the banner shows what decided it. */
export { verdictOf };

export interface LookupContext {
  catalog: EditionCatalog;
  /** today's date in the facility's time zone, yyyy-mm-dd */
  today: string;
  staleAfterDays: number;
  /** The last live BPJS answer stored for a NIK or card (see bpjs/live-answers.ts); none when absent. */
  live?: (by: { nik: string } | { card: string }) => MemberMatch[];
}

/** Answers from the local lists only: no network, no waiting. */
export function lookup(ctx: LookupContext, query: string, dob?: string): LookupResult {
  const started = performance.now();
  const classified = classifyQuery(query);
  const editions = ctx.catalog.current();
  let kind: QueryKind;
  let matches: MemberMatch[] = [];
  let problem: CoreMessage | null = null;
  let queryWarnings: CoreMessage[] | undefined;
  switch (classified.kind) {
    case 'nik': {
      kind = 'nik';
      const parsed = parseNik(classified.nik, ctx.today);
      matches = withEachReadable(ctx.catalog, editions, (readable) => lookupNik(ctx, readable, classified.nik, parsed));
      if (ctx.live) matches.push(...ctx.live({ nik: classified.nik }));
      queryWarnings = impossibleNik(classified.nik, parsed);
      break;
    }
    case 'card':
      kind = 'card';
      matches = withEachReadable(ctx.catalog, editions, (readable) => {
        const found: MemberMatch[] = [];
        for (const e of readable) for (const row of e.byCard.all(Number(classified.card))) found.push(toMatch(ctx, e, row, 'exact', 1));
        return found;
      });
      if (ctx.live) matches.push(...ctx.live({ card: classified.card }));
      break;
    case 'name': {
      kind = 'name';
      const words = normalizeName(classified.name).tokens;
      const searched = words.length > MAX_NAME_WORDS ? words.slice(0, MAX_NAME_WORDS).join(' ') : classified.name;
      if (searched !== classified.name) queryWarnings = [{ code: 'query/name-shortened', params: { words: MAX_NAME_WORDS, typed: words.length } }];
      matches = withEachReadable(ctx.catalog, editions, (readable) => lookupName(ctx, readable, searched, dob, searched === classified.name));
      break;
    }
    case 'bad-number':
      kind = classified.digits > 13 ? 'nik' : 'card';
      problem = classified.numbers ? { code: 'query/several-numbers', params: { count: classified.numbers } } : { code: 'query/partial-number', params: { digits: classified.digits } };
      break;
  }
  const conflict = kind === 'name' ? undefined : conflictOf(kind, matches);
  // A number two people hold decides nothing by itself: the clerk chooses the person first.
  const decision = conflict ? undefined : decide(matches);
  const verdict = decision ? decision.verdict : 'unknown';
  const result: LookupResult = { query, kind, verdict, matches, problem, tookMs: Math.round((performance.now() - started) * 1000) / 1000 };
  if (conflict) result.conflict = conflict;
  const contradiction = decision && kind !== 'name' ? contradictionOf(decision) : undefined;
  if (contradiction) result.contradiction = contradiction;
  if (queryWarnings) result.queryWarnings = queryWarnings;
  const unsearched = unsearchedOf(ctx.catalog.unreadable());
  if (unsearched) result.unsearched = unsearched;
  return result;
}

/**
 * A NIK or card the lists give to different people (same-person.ts): one card number on the
 * PBI APBD list for one person and on the Jamkesda list for another. The same person on two
 * lists is no conflict.
 */
function conflictOf(kind: QueryKind, matches: MemberMatch[]): LookupResult['conflict'] {
  const people = peopleOf(matches).length;
  if (people < 2) return undefined;
  return { people, message: { code: kind === 'nik' ? 'lookup/nik-conflict' : 'lookup/card-conflict', params: { count: people } } };
}

/**
 * Name candidates; with a birth date, those born that day. When nobody by that name was born
 * that day, the name candidates are still shown, each flagged 'dob-differs': a wrong date on a
 * form must not hide the patient, and the flag keeps the clerk from taking them for a match.
 */
function lookupName(ctx: LookupContext, editions: CurrentEdition[], name: string, dob: string | undefined, widen: boolean): MemberMatch[] {
  const byDob = dob ? isoToDob(dob) : null;
  const found = searchByName(editions, name, byDob, { widen }).map((c) => toMatch(ctx, c.edition, c.row, c.confidence, c.score));
  if (byDob === null || found.length > 0) return found;
  return searchByName(editions, name, null, { widen }).map((c) => {
    const m = toMatch(ctx, c.edition, c.row, 'possible', c.score);
    if (c.row.dob !== byDob) m.flags.push('dob-differs');
    return m;
  });
}

/** A NIK that cannot exist (no such province, serial 0000, a birth date that is no date): looked up anyway, with a warning. */
function impossibleNik(nik: string, parsed: NikParse): CoreMessage[] | undefined {
  if (!parsed.ok) {
    if (parsed.reason === 'province') return [{ code: 'query/nik-province', params: { code: nik.slice(0, 2) } }];
    if (parsed.reason === 'serial') return [{ code: 'query/nik-serial' }];
    return undefined;
  }
  if (parsed.info.birthDate === null) return [{ code: 'query/nik-date', params: { digits: `${nik.slice(6, 8)}-${nik.slice(8, 10)}-${nik.slice(10, 12)}` } }];
  return undefined;
}

/**
 * The NIKs one typing slip away from `nik` that a list holds (nik-slips.ts), as warnings: asked
 * only when nothing holds the NIK typed. 159 key look-ups per list edition, through the NIK table.
 */
export function nikSlipWarnings(ctx: LookupContext, nik: string): CoreMessage[] {
  const editions = ctx.catalog.current();
  return withEachReadable(ctx.catalog, editions, (readable) =>
    nikSlipHints(nik, (other) => readable.flatMap((e) => e.byNik.all(other).filter((row) => !(row.flags & MemberFlags.damagedNik)).map((row) => toMatch(ctx, e, row, 'exact', 1)))),
  );
}

function lookupNik(ctx: LookupContext, editions: CurrentEdition[], nik: string, parsed: NikParse): MemberMatch[] {
  const matches: MemberMatch[] = [];
  const nikDob = parsed.ok && parsed.info.birthDate ? isoToDob(parsed.info.birthDate) : null;
  // A NIK saved by a spreadsheet as a number lost its last digit (stored as prefix + '0').
  const damagedForm = `${nik.slice(0, 15)}0`;
  for (const e of editions) {
    for (const row of e.byNik.all(nik)) {
      if (row.flags & MemberFlags.damagedNik) continue; // handled below as a probable match
      matches.push(toMatch(ctx, e, row, 'exact', 1));
    }
    for (const row of e.byNik.all(damagedForm)) {
      if (!(row.flags & MemberFlags.damagedNik)) continue;
      // The 15 good digits agree; the birth date encoded in the NIK is the corroborating evidence.
      const corroborated = nikDob !== null && row.dob === nikDob;
      matches.push(toMatch(ctx, e, row, corroborated ? 'probable' : 'possible', corroborated ? 0.9 : 0.6));
    }
  }
  return matches;
}

/**
 * An active row outside its validity dates on `today` (TAT passed, or TMT still ahead) is not
 * active for now, with that reason; a row the list itself says is not active keeps its reason.
 */
function validityReason(detail: MemberDetail, today: string): string | null {
  if (detail.validUntil !== '' && detail.validUntil < today) return ENDED_REASON + detail.validUntil;
  if (detail.validFrom !== '' && detail.validFrom > today) return NOT_YET_REASON + detail.validFrom;
  return null;
}

function toMatch(ctx: LookupContext, edition: CurrentEdition, row: MemberRow, confidence: Confidence, score: number): MemberMatch {
  const detail = unpackDetail(row.detail);
  const listed = (row.flags & MemberFlags.active) !== 0;
  const outside = listed ? validityReason(detail, ctx.today) : null;
  const active = listed && outside === null;
  if (outside !== null) detail.statusReason = outside;
  const ageDays = daysBetween(edition.list.asOf, ctx.today);
  return {
    nik: row.nik,
    card: cardToText(row.card),
    name: row.name,
    dob: dobToIso(row.dob),
    sex: sexOf(detail),
    status: active ? 'active' : 'inactive',
    statusReason: detail.statusReason || null,
    segment: detail.segment || null,
    facility: detail.facility || null,
    class: detail.class || null,
    address: addressLine(detail),
    list: edition.list,
    confidence,
    stale: ageDays > ctx.staleAfterDays,
    ageDays,
    flags: flagNames(row.flags),
    score: Math.round(score * 1000) / 1000,
  };
}
