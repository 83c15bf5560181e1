import { daysBetween } from '../../shared/dates';
import { formatMessage, type Lang } from '../../shared/i18n/messages';
import type { Confidence, LookupResult, MemberMatch, QueryKind, Verdict } from '../../shared/lookup';
import { parseNik } from '../../shared/nik';
import { MemberFlags, addressLine, cardToText, dobToIso, flagNames, isoToDob, sexOf, unpackDetail } from '../lists/member-table';
import { classifyQuery } from './classify-query';
import type { CurrentEdition, EditionCatalog, MemberRow } from './edition-catalog';
import { searchByName } from './name-search';

export interface LookupContext {
  catalog: EditionCatalog;
  /** today's date in the facility's time zone, yyyy-mm-dd */
  today: string;
  staleAfterDays: number;
  lang: Lang;
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
  let problem: string | null = null;
  switch (classified.kind) {
    case 'nik':
      kind = 'nik';
      matches = lookupNik(ctx, editions, classified.nik);
      if (ctx.live) matches.push(...ctx.live({ nik: classified.nik }));
      break;
    case 'card':
      kind = 'card';
      for (const e of editions) for (const row of e.byCard.all(Number(classified.card))) matches.push(toMatch(ctx, e, row, 'exact', 1));
      if (ctx.live) matches.push(...ctx.live({ card: classified.card }));
      break;
    case 'name':
      kind = 'name';
      matches = searchByName(editions, classified.name, dob ? isoToDob(dob) : null).map((c) =>
        toMatch(ctx, c.edition, c.row, c.confidence, c.score),
      );
      break;
    case 'bad-number':
      kind = classified.digits > 13 ? 'nik' : 'card';
      problem = formatMessage(ctx.lang, 'query/partial-number', { digits: classified.digits });
      break;
  }
  return { query, kind, verdict: verdictOf(matches), matches, problem, tookMs: Math.round((performance.now() - started) * 1000) / 1000 };
}

function lookupNik(ctx: LookupContext, editions: CurrentEdition[], nik: string): MemberMatch[] {
  const matches: MemberMatch[] = [];
  const parsed = parseNik(nik, ctx.today);
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
 * eligible: an exact match active in a current list; not-eligible: exact matches, none active; unknown: no exact match.
 * A stored live BPJS answer (list kind 'bpjs-live') counts as of the day it was fetched: when it and the
 * lists disagree, the newer wins (on the same day, the live answer).
 */
export function verdictOf(matches: readonly MemberMatch[]): Verdict {
  const fromLists = listVerdict(matches.filter((m) => m.list.kind !== 'bpjs-live'));
  let live: MemberMatch | undefined;
  for (const m of matches) if (m.list.kind === 'bpjs-live' && m.confidence === 'exact' && (!live || m.list.asOf > live.list.asOf)) live = m;
  if (!live) return fromLists;
  const liveVerdict: Verdict = live.status === 'active' ? 'eligible' : 'not-eligible';
  if (fromLists === 'unknown') return liveVerdict;
  let newestList = '';
  for (const m of matches) if (m.list.kind !== 'bpjs-live' && m.confidence === 'exact' && m.list.asOf > newestList) newestList = m.list.asOf;
  return live.list.asOf >= newestList ? liveVerdict : fromLists;
}

function listVerdict(matches: readonly MemberMatch[]): Verdict {
  let exact = false;
  for (const m of matches) {
    if (m.confidence !== 'exact') continue;
    if (m.status === 'active') return 'eligible';
    exact = true;
  }
  return exact ? 'not-eligible' : 'unknown';
}

function toMatch(ctx: LookupContext, edition: CurrentEdition, row: MemberRow, confidence: Confidence, score: number): MemberMatch {
  const detail = unpackDetail(row.detail);
  const active = (row.flags & MemberFlags.active) !== 0;
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
    stale: daysBetween(edition.list.asOf, ctx.today) > ctx.staleAfterDays,
    flags: flagNames(row.flags),
    score: Math.round(score * 1000) / 1000,
  };
}
