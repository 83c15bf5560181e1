import type { Payer } from '../../shared/counter';
import type { LookupResult, MemberMatch, OwnMatch, OwnPatient, Verdict } from '../../shared/lookup';
import { nameSimilarity } from '../../shared/name-similarity';
import { normalizeName } from '../../shared/names';
import { derivePayer } from '../../shared/payer-rule';
import { peopleOf, rowsOfPerson, samePerson, type PersonFacts } from '../../shared/same-person';
import { isNumberLike, oldMrnQuery, storedOldMrn } from '../../shared/old-mrn';
import { isoDateInZone } from '../../shared/dates';
import { nameWithDate } from '../../shared/name-with-date';
import { isAllDigits, stripSeparators } from '../../shared/separators';
import { contradictionOf, decide } from '../../shared/verdict-rule';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core';
import { setPayer } from '../follow-ups/follow-ups';
import { LoketError } from '../errors';
import { liveMatches } from '../bpjs/live-answers';
import { classifyQuery } from './classify-query';
import { lookup, nikSlipWarnings, type LookupContext } from './lookup';
import { MAX_SHORT_SEQ, labelledRecordNumber, mrnProbes } from './mrn-query';
import { ownByIdentifier, ownByName, ownByOldRecordNumber, ownByRecordNumber } from './own-patients';


/** A list row and a record with the same NIK are one person when their names are this close (the lists' "probable" bar, name-search.ts). */
const SAME_PERSON_NAME = 0.88;

/** The look-up's view of the core now: current lists, today, the stored live answers. */
export function lookupContextOf(ctx: CoreContext): LookupContext {
  const view = { today: ctx.today(), timeZone: ctx.timeZone(), staleAfterDays: ctx.staleAfterDays() };
  return { catalog: ctx.catalog, today: view.today, staleAfterDays: view.staleAfterDays, live: (by) => liveMatches(ctx.db, by, view) };
}

/**
 * What a query names among this facility's records: one patient, or several that share the
 * number typed (`reason`: one RM two patients hold, `mrn-shared`; an old RM on several records,
 * `old-mrn-shared`; one's RM and another's old RM, `number-two-ways`).
 */
export type OwnOf = { by: 'mrn' | 'identifier'; patient: OwnPatient } | { by: 'shared-mrn'; mrn: string; patients: OwnPatient[]; reason: 'mrn-shared' | 'old-mrn-shared' | 'number-two-ways' };

/**
 * This facility's record a query names, in this order: a record number typed as stored; a
 * record number in the facility's format, with any case, separators or missing zeros, or
 * without its year (mrn-query.ts); then, for a NIK or a card (13 digits, or 9-12 with the
 * zeros dropped), the record with that NIK or card. A 9-12 digit query is a record number only
 * when it is one exactly; otherwise it is a card.
 *
 * A record number two patients hold (two counters numbered alone before they enrolled at the hub)
 * names no one by itself: `shared-mrn` with both, for the clerk to choose; Loket never picks.
 * `patientId`: the one the clerk chose among them (or among the own records a name found); it
 * counts only when the query names that record.
 *
 * A number may also be a patient's old RM, from before Loket ("RM lama": a paper-era card,
 * own-patients.ts). "RM lama 000013" asks for that only. A plain number that is one patient's RM
 * and another's old RM names no one by itself either: both, each marked `matchedBy`, for the
 * clerk to choose (the card in the patient's hand says which); Loket never picks.
 */
export function ownPatientOf(ctx: CoreContext, query: string, patientId?: number): OwnOf | undefined {
  const old = ownByOldRecordNumber(ctx.db, query);
  const own = old.only ? [] : ownByRecordNumber(ctx.db, query, ctx.settings());
  const twoWays = own.length > 0 && old.patients.some((p) => !own.some((o) => o.id === p.id));
  const byMrn = [...(twoWays ? own.map((p) => ({ ...p, matchedBy: 'mrn' as const })) : own), ...old.patients.filter((p) => !own.some((o) => o.id === p.id))];
  const chosen = patientId === undefined ? undefined : byMrn.find((p) => p.id === patientId);
  if (chosen) return { patient: chosen, by: 'mrn' };
  if (byMrn.length === 1) return { patient: byMrn[0]!, by: 'mrn' };
  if (byMrn.length > 1) {
    const reason = twoWays ? 'number-two-ways' : own.length > 0 ? 'mrn-shared' : 'old-mrn-shared';
    return { by: 'shared-mrn', mrn: reason === 'mrn-shared' ? byMrn[0]!.mrn : (byMrn.find((p) => p.matchedBy === 'old-mrn')?.oldMrn ?? query.trim()), patients: byMrn, reason };
  }
  const classified = classifyQuery(query);
  const byId =
    classified.kind === 'nik' ? ownByIdentifier(ctx.db, { nik: classified.nik }) : classified.kind === 'card' ? ownByIdentifier(ctx.db, { card: classified.card }) : undefined;
  return byId ? { patient: byId, by: 'identifier' } : undefined;
}

/** Look-up (this facility's record first, then the lists) and the re-check of a pending payer. */
export function lookupMethods(ctx: CoreContext): Pick<CoreMethods, 'lookup' | 'recheckPayer'> {
  const { db } = ctx;
  const lookupContext = (): LookupContext => lookupContextOf(ctx);
  const methods: Pick<CoreMethods, 'lookup' | 'recheckPayer'> = {
    async lookup({ query, dob, patientId }) {
      const started = performance.now();
      const own = ownPatientOf(ctx, query, patientId);
      if (own?.by === 'shared-mrn') {
        // No verdict for a number that names two people: the clerk chooses first, then it is looked up for that one.
        const problem = { code: `query/${own.reason}` as const, params: { mrn: own.mrn, count: own.patients.length } };
        return { query, kind: 'mrn', verdict: 'unknown', matches: [], problem, ownMatches: own.patients, tookMs: elapsed(started) };
      }
      if (own?.by === 'mrn') {
        // A record number of this facility: answer for the patient's own NIK (or card).
        const patient = own.patient;
        const base: LookupResult = lookupForPatient(ctx, patient) ?? { query, kind: 'mrn', verdict: 'unknown', matches: [], problem: null, tookMs: 0 };
        return { ...base, query, kind: 'mrn', patient, tookMs: elapsed(started) };
      }
      // "RM 2019-00123" from an old card that no record here has: no name to search the lists for, nor to make a patient of.
      // "RM lama 000013" that no record here has: an old number is never a name either.
      const oldNumber = own ? null : oldMrnQuery(query);
      if (oldNumber !== null) return { query, kind: 'mrn', verdict: 'unknown', matches: [], problem: { code: 'query/no-old-record', params: { mrn: oldNumber } }, tookMs: elapsed(started) };
      const labelled = own ? null : labelledRecordNumber(query);
      if (labelled !== null) return { query, kind: 'mrn', verdict: 'unknown', matches: [], problem: { code: 'query/no-record', params: { mrn: labelled } }, tookMs: elapsed(started) };
      // "A/0014" (an old card's series number) that no record here has: a number with letters is no name either.
      if (!own && isNumberLike(query) && !isAllDigits(stripSeparators(query.trim()))) {
        return { query, kind: 'mrn', verdict: 'unknown', matches: [], problem: { code: 'query/no-number-record', params: { mrn: storedOldMrn(query) ?? query.trim() } }, tookMs: elapsed(started) };
      }
      // "siti aminah 12-03-1985" in the one field: searched as the name with that birth date.
      const split = dob ? null : nameWithDate(query, isoDateInZone(ctx.now(), ctx.settings().timeZone));
      if (split) return methods.lookup({ query: split.name, dob: split.iso }); // letters remain: always a name
      const result = lookup(lookupContext(), query, dob);
      // A card the lists give to different people, and that several records here hold too (each
      // person registered once): no record names the person. The clerk picks among the lists'
      // people, and each is then found by their NIK.
      if (own && result.conflict && own.by === 'identifier' && classifyQuery(query).kind === 'card' && recordsWithCard(ctx, own.patient.card) > 1) return result;
      if (own) return { ...forPerson(result, own.patient), patient: own.patient, tookMs: elapsed(started) };
      if (result.kind === 'name') {
        const ownMatches = markDobDiffers(ownByName(db, query, dob ?? null), dob);
        if (ownMatches.length === 0) return result;
        const matches = withoutOwnPeople(result.matches, ownMatches);
        const narrowed = matches.length === result.matches.length ? result : { ...result, matches, verdict: decide(matches).verdict };
        return { ...narrowed, ownMatches, tookMs: elapsed(started) };
      }
      return withSlipHints(withNumberProblem(ctx, query, result), ctx);
    },
    async recheckPayer({ visitId }) {
      const visit = db.prepare('SELECT v.payer, p.nik, p.card, p.name, p.dob, p.sex FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(visitId) as
        | ({ payer: Payer } & PersonOnRecord)
        | undefined;
      if (!visit) throw new LoketError('visit/not-found', { id: visitId });
      // Nothing to look up by: said as such, never as "not on the lists".
      if (visit.nik === null && visit.card === null) return { verdict: 'unknown', payer: visit.payer, noNumber: true };
      const { verdict, payer } = judgePatient(ctx, visit);
      if (payer !== 'pending' && visit.payer === 'pending') {
        setPayer(db, visitId, payer, ctx.now(), undefined, { by: ctx.clerk(), via: 'recheck' });
        return { verdict, payer };
      }
      return { verdict, payer: visit.payer };
    },
  };
  return methods;
}

/**
 * The list rows of a name search less those of a person a record here shown above them already is:
 * the same NIK and the same name (spelling aside). The clerk picks the record, which is then
 * looked up by its number, the list rows with it; offered both, the clerk was asked to choose
 * between two rows that are one person (UI tester, finding 11).
 */
function withoutOwnPeople(matches: MemberMatch[], own: readonly OwnPatient[]): MemberMatch[] {
  const held = new Map(own.flatMap((p) => (p.nik ? [[p.nik, normalizeName(p.name).key] as const] : [])));
  return matches.filter((m) => !(m.nik && held.has(m.nik) && nameSimilarity(held.get(m.nik)!, normalizeName(m.name).key) >= SAME_PERSON_NAME));
}

/** A record here as the lists are asked about it: its NIK (or card), and the facts that tell its person from another holder of that number. */
export type PersonOnRecord = { nik: string | null; card: string | null } & PersonFacts;

/**
 * The lists' answer (with the stored live answers) for a patient of this facility: their NIK, or
 * their card without one, answered for their person alone (forPerson). Null when the record has
 * neither number. The counter's look-up by record number and both re-checks (the clerk's, and the
 * background one when BPJS is back) ask this way, so a number two people hold never leaves the
 * patient's visit without the verdict of their own rows.
 */
export function lookupForPatient(ctx: CoreContext, patient: PersonOnRecord): LookupResult | null {
  const identifier = patient.nik ?? patient.card;
  return identifier ? forPerson(lookup(lookupContextOf(ctx), identifier), patient) : null;
}

/**
 * The verdict of lookupForPatient (unknown for a record without a NIK or card) and the payer the
 * counter proposes from it (derivePayer): a patient active only on a Jamkesda list is Jamkesda,
 * never JKN, whatever the verdict says.
 */
export function judgePatient(ctx: CoreContext, patient: PersonOnRecord): { verdict: Verdict; payer: Payer } {
  const result = lookupForPatient(ctx, patient);
  if (!result) return { verdict: 'unknown', payer: 'pending' };
  return { verdict: result.verdict, payer: derivePayer(result.verdict, decide(result.matches).basis) };
}

/**
 * The answer for a number when this facility's record says whose it is: a number the lists give to
 * several people (`conflict`) is answered for the record's person alone, by that person's rows
 * (their payer too), and the message names the others, so the clerk checks the card. When the
 * record matches none of them, the clerk still chooses (the conflict stands).
 */
export function forPerson(result: LookupResult, person: PersonFacts): LookupResult {
  if (!result.conflict) return result;
  const rows = rowsOfPerson(result.matches, person);
  if (rows.length === 0) return result;
  const others = peopleOf(result.matches)
    .filter((p) => !p.some((r) => samePerson(r, person)))
    .map((p) => p[0]!.name);
  const code = result.kind === 'nik' ? 'lookup/nik-also-other' : 'lookup/card-also-other';
  const decision = decide(rows);
  const contradiction = contradictionOf(decision);
  return { ...result, verdict: decision.verdict, ...(contradiction ? { contradiction } : {}), conflict: { ...result.conflict, message: { code, params: { others: [...new Set(others)].join(', '), name: rows[0]!.name } } } };
}

/**
 * With a birth date searched, the own records born another day (or with none recorded) are marked
 * as the list rows are ('dob-differs'): a record of the name is no proof of identity, its date is.
 */
function markDobDiffers(patients: OwnPatient[], dob: string | undefined): OwnMatch[] {
  return dob ? patients.map((p) => (p.dob === dob ? p : { ...p, dobDiffers: true })) : patients;
}

const recordsWithCard = (ctx: CoreContext, card: string | null): number =>
  card === null ? 0 : (ctx.db.prepare('SELECT count(*) AS n FROM patients WHERE card = ?').get(card) as { n: number }).n;

const elapsed = (started: number): number => Math.round((performance.now() - started) * 1000) / 1000;

/**
 * A number that found nothing says what it was read as. A card typed without its zeros that is
 * on no list and no record keeps the "not recognised" problem (it may be a NIK cut short: better
 * than "not found" and a new record); a short number that is no record says so.
 */
function withNumberProblem(ctx: CoreContext, query: string, result: LookupResult): LookupResult {
  if (result.matches.length > 0) return result;
  const digits = stripSeparators(query.trim());
  if (!isAllDigits(digits)) return result;
  const classified = classifyQuery(query);
  if (classified.kind === 'card' && classified.restoredZeros && !result.problem) {
    return { ...result, problem: { code: 'query/card-not-found', params: { digits: digits.length, card: classified.card } } };
  }
  if (digits.length <= MAX_SHORT_SEQ) {
    const settings = ctx.settings();
    const shown = mrnProbes(digits, settings.mrnFormat, settings.facilityCode).exact.at(-1) ?? digits;
    return { ...result, kind: 'mrn', problem: { code: 'query/no-record', params: { mrn: shown } } };
  }
  return result;
}

/**
 * A NIK that nothing here knows, neither a list nor a record: the NIKs one typing slip away that a
 * list holds are named beside the answer (nik-slips.ts), so a mistyped KTP number does not become
 * a new record under the wrong NIK.
 */
function withSlipHints(result: LookupResult, ctx: CoreContext): LookupResult {
  if (result.kind !== 'nik' || result.problem || result.matches.length > 0) return result;
  const typed = classifyQuery(result.query);
  if (typed.kind !== 'nik') return result;
  const hints = nikSlipWarnings(lookupContextOf(ctx), typed.nik);
  return hints.length > 0 ? { ...result, queryWarnings: [...(result.queryWarnings ?? []), ...hints] } : result;
}
