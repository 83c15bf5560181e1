import type { Core } from '../../core/core';
import type { Identity, Patient, Payer, RegisteredVisit } from '../../shared/counter';
import type { Lang } from '../../shared/i18n/messages';
import type { LookupResult, MemberMatch, Verdict } from '../../shared/lookup';
import { derivePayer } from '../../shared/payer-rule';
import { peopleOf, rowsOfPerson, samePerson } from '../../shared/same-person';
import type { CounterSettings } from '../../shared/settings';
import { decide } from '../../shared/verdict-rule';
import { checkDate } from '../checks';
import { call, ContractCallError } from '../contract-call';
import { cliText } from '../messages';
import type { Output } from '../output';
import { CliFailure, UsageError } from '../usage-error';
import { certainRecords, fromNik, keepOldMrn, recordByRm, refuseLikelyDuplicates } from './daftar-duplicates';
import { storedOldMrn } from '../../shared/old-mrn';
import { roundIfEnrolled, roundWarning } from './sync';
import { formatContractError } from '../../shared/i18n/format-error';
import { typedUnit } from '../typed-unit';
import { registeredNikOf } from '../masked-output';

export interface DaftarArgs {
  /** A NIK (16 digits) or card number (13 digits); optional when name and birth date are given. */
  number?: string | undefined;
  name?: string | undefined;
  dob?: string | undefined;
  unit?: string | undefined;
  /** Registers a second visit of the patient to the same unit on the same day. */
  again?: boolean | undefined;
  /** Makes a new record although this facility has a likely duplicate (another person). */
  new?: boolean | undefined;
  /** The record number of the patient: the visit goes on that record (the number given is put on it when it has none). */
  rm?: string | undefined;
  /** The old RM ("RM lama", a paper-era card's number): saved on a new record, or on the record found when it has none. */
  rmLama?: string | undefined;
}

/** What `loket daftar --json` prints: the visit (with the payer recorded) and the patient, with their global ids. */
export interface DaftarResult {
  /** `clockBackMinutes`: this PC's clock is that far behind the day's latest registration (RegisteredVisit). */
  visit: { id: string; queueNumber: string; unit: string; serviceDate: string; payer: Payer; clockBackMinutes?: number };
  patient: { id: string; mrn: string; oldMrn: string | null; nik: string | null; name: string };
  verdict: Verdict | null;
  created: boolean;
}


/**
 * `loket daftar`: registers a visit as the counter does. The patient is found by the number, or
 * by name and birth date, in this facility's records and then in the lists; when nobody is found
 * the patient is made from what was given. A not-found answer never blocks the registration: the
 * visit is registered with payer "menyusul" and a follow-up, as at the counter.
 */
export async function daftarCommand(core: Core, args: DaftarArgs, out: Output, lang: Lang): Promise<number> {
  const checked = checkArgs(args);
  // Enrolled: the facility's patient index and the hub's next number first, then hand the visit over.
  const before = await roundIfEnrolled(core);
  const request = { ...checked, unit: unitCode(await call(core, 'getSettings', {}), checked.unit) };
  const registered = await registerWalkIn(core, request, lang);
  const result = { ...registered, patient: { ...registered.patient, nik: registeredNikOf(registered.patient.nik, checked.number !== null || checked.rm !== null) } };
  const after = before.hub === 'not-enrolled' ? before : await roundIfEnrolled(core);
  const warning = roundWarning(after, lang);
  if (warning && !out.json) out.error(warning);
  if (result.visit.clockBackMinutes !== undefined && !out.json) out.error(cliText(lang, 'daftar/clock-back', { minutes: String(result.visit.clockBackMinutes) }));
  if (out.json) out.data({ ...result, hub: after.hub, ...(after.hub === 'refused' ? { hubError: { code: after.error.code, message: formatContractError(lang, after.error) } } : {}) });
  else {
    out.line(
      cliText(lang, result.created ? 'daftar/registered-new' : 'daftar/registered', {
        queue: result.visit.queueNumber,
        unit: result.visit.unit,
        name: result.patient.name,
        mrn: result.patient.mrn,
      }),
    );
  }
  return 0;
}

type Request = { number: { nik: string } | { card: string } | null; name: string | null; dob: string | null; unit: string; again: boolean; forceNew: boolean; rm: string | null; oldMrn: string | null };

function checkArgs(args: DaftarArgs): Request {
  if (!args.unit) throw new UsageError('usage/daftar-needs-unit', {}, 'daftar');
  const digits = args.number?.replace(/[\s.-]/g, '');
  let number: Request['number'] = null;
  if (digits !== undefined) {
    if (/^\d{16}$/.test(digits)) number = { nik: digits };
    else if (/^\d{13}$/.test(digits)) number = { card: digits };
    else throw new UsageError('usage/daftar-bad-number', { value: args.number ?? '' }, 'daftar');
  }
  const dob = args.dob === undefined ? null : checkDate('--dob', args.dob, { notFuture: true, command: 'daftar' });
  const name = args.name?.trim() || null;
  const rm = args.rm?.trim() || null;
  // Without a number, name and birth date together name a person; a name alone could be anyone.
  if (!number && !rm && (!name || !dob)) throw new UsageError('usage/daftar-needs-who', {}, 'daftar');
  // --rm says "this record", --new "another person": both at once has no answer.
  if (rm && args.new === true) throw new UsageError('usage/daftar-rm-and-new', {}, 'daftar');
  return { number, name, dob, unit: args.unit, again: args.again === true, forceNew: args.new === true, rm, oldMrn: storedOldMrn(args.rmLama) };
}

/**
 * The unit's code as the settings spell it: typed in any case (typed-unit.ts). An unknown code is
 * refused with the codes that exist, so the officer need not look them up. The emergency unit is
 * not one of them: an emergency is registered in the app (F9), which the command has no way to do.
 */
function unitCode(settings: CounterSettings, typed: string): string {
  const unit = typedUnit(settings.units, typed);
  const units = settings.units.filter((u) => u.code !== settings.emergencyUnit).map((u) => u.code).join(', ');
  if (!unit) throw new CliFailure('visit/unknown-unit', { unit: typed, units });
  if (unit.code === settings.emergencyUnit) throw new CliFailure('daftar/emergency-unit', { unit: unit.name, units });
  return unit.code;
}

async function registerWalkIn(core: Core, request: Request, lang: Lang): Promise<DaftarResult> {
  const { patient: known, match, verdict, basis } = request.rm ? await onRecord(core, request, lang) : await findWho(core, request, lang);
  const created = known === null;
  // The payer as the counter proposes it: from the rows of this person only (a Jamkesda member is Jamkesda, not JKN).
  const visitInput = { unit: request.unit, verdict, verdictSource: 'lists' as const, payer: derivePayer(verdict, basis) };
  let patient: Patient;
  let visit: RegisteredVisit;
  // --new is the officer's word that this is another person: the visit never goes on a record found
  // for them. A record found by the number (given, or the list row's) holds that number, so a new one
  // cannot: refused, naming the record.
  if (known && request.forceNew) throw new CliFailure('daftar/new-but-number-held', { mrn: known.mrn, name: known.name });
  if (known) {
    patient = await keepOldMrn(core, known, request.oldMrn);
    visit = await notTwice(() => call(core, 'registerVisit', { patientId: known.id, ...visitInput, ...(request.again ? { confirmDuplicate: true } : {}) }));
  } else {
    const identity = identityFor(request, match);
    if (!identity) throw new UsageError('usage/daftar-new-needs-name', {}, 'daftar');
    await refuseLikelyDuplicates(core, identity, request.forceNew, lang);
    // The record and its visit together: a refused visit (an unknown unit) leaves no record behind.
    ({ patient, ...visit } = await call(core, 'registerNewPatient', { identity, ...visitInput }));
  }
  return {
    visit: { id: visit.uid, queueNumber: visit.queue, unit: visit.unit, serviceDate: visit.serviceDate, payer: visit.payer, ...(visit.clockBackMinutes === undefined ? {} : { clockBackMinutes: visit.clockBackMinutes }) },
    patient: { id: patient.uid, mrn: patient.mrn, oldMrn: patient.oldMrn ?? null, nik: patient.nik, name: patient.name },
    verdict,
    created,
  };
}

/**
 * A second visit the same day to the same unit: the app asks the clerk (a button registers it
 * again); here the officer is told the flag that does it. The code stays the core's.
 */
async function notTwice(register: () => Promise<RegisteredVisit>): Promise<RegisteredVisit> {
  try {
    return await register();
  } catch (error) {
    if (error instanceof ContractCallError && error.error.code === 'visit/duplicate') throw new CliFailure('visit/duplicate', error.error.params ?? {});
    throw error;
  }
}

interface Who {
  patient: Patient | null;
  match: MemberMatch | null;
  verdict: Verdict | null;
  /** The list rows the verdict rests on: the payer follows from them. */
  basis: MemberMatch[];
}

/** This facility's record and the lists' answer for the number, or for name and birth date. */
async function findWho(core: Core, request: Request, lang: Lang): Promise<Who> {
  if (request.number) {
    const query = 'nik' in request.number ? request.number.nik : request.number.card;
    const result = await call(core, 'lookup', { query });
    const rows = personRows(result, request, query, lang);
    const match = rows[0] ?? null;
    // A record here by this number is this patient only when it is the person chosen (a number two people hold).
    const own = result.patient && (!result.conflict || rows.some((r) => samePerson(r, result.patient!))) ? result.patient : null;
    const patient = own ?? (match?.nik ? await call(core, 'findPatient', { nik: match.nik }) : null);
    const decision = decide(rows);
    return { patient, match, verdict: result.conflict ? decision.verdict : result.verdict, basis: decision.basis };
  }
  const { name, dob } = request as Request & { name: string; dob: string };
  // Only the records that are this person for certain are taken; the others are asked about before a new
  // record. With --new the officer said it is another person: no record is taken by the name (QORY for QORI).
  const same = request.forceNew ? [] : certainRecords(await call(core, 'likelyDuplicates', { name, dob }), name, dob);
  if (same.length > 1) throw new CliFailure('daftar/ambiguous', { count: same.length, mrns: same.map((p) => p.mrn).join(', ') });
  const result = await call(core, 'lookup', { query: name, dob });
  const match = onlyBornThatDay(result, dob);
  // As at the counter: the clerk picks the one member and the verdict is that member's number's.
  const number = match?.nik ? { nik: match.nik } : match?.card ? { card: match.card } : null;
  if (number) {
    const byNumber = await findWho(core, { ...request, number }, lang);
    return { ...byNumber, patient: same[0] ?? byNumber.patient, match: byNumber.match ?? match };
  }
  return { patient: same[0] ?? null, match, verdict: 'unknown', basis: [] };
}

/** `--rm`: that record (the number given put on it when it has none), checked by its NIK or card. */
async function onRecord(core: Core, request: Request, lang: Lang): Promise<Who> {
  const patient = await recordByRm(core, request.rm!, request.number);
  const number = patient.nik ? { nik: patient.nik } : patient.card ? { card: patient.card } : null;
  if (!number) return { patient, match: null, verdict: 'unknown', basis: [] };
  const checked = await findWho(core, { ...request, number, name: request.name ?? patient.name, dob: request.dob ?? patient.dob }, lang);
  return { ...checked, patient };
}

/**
 * The exact list rows of the person the number stands for. A number the lists give to several
 * different people (result.conflict) stands for nobody by itself; Loket never picks. The person
 * is this facility's record when it is one of them, else the one `--name` (and `--dob`) names;
 * otherwise the command refuses, naming the people and what to do.
 */
function personRows(result: LookupResult, request: Request, query: string, lang: Lang): MemberMatch[] {
  const exact = result.matches.filter((m) => m.confidence === 'exact');
  if (!result.conflict) return exact;
  const people = peopleOf(result.matches);
  if (request.name) {
    const named = people.filter((rows) => rows.some((r) => samePerson(r, { name: request.name!, dob: request.dob, sex: null })));
    if (named.length === 1) return named[0]!;
  } else if (result.patient) {
    const own = rowsOfPerson(result.matches, result.patient);
    if (own.length > 0) return own;
  }
  throw new CliFailure(result.kind === 'nik' ? 'daftar/nik-conflict' : 'daftar/card-conflict', {
    number: query,
    count: people.length,
    people: people.map((rows) => personText(lang, rows)).join('; '),
    unmatched: request.name ? cliText(lang, 'daftar/conflict-unmatched', { name: request.name, dob: request.dob ? ` ${request.dob}` : '' }) : '',
  });
}

/** "KOMALASARI NASUTION (perempuan, lahir 1967-05-03, Jamkesda)": enough to tell the people apart. */
function personText(lang: Lang, rows: MemberMatch[]): string {
  const first = rows[0]!;
  const sex = rows.find((r) => r.sex)?.sex;
  const dob = rows.find((r) => r.dob)?.dob;
  const details = [
    sex ? cliText(lang, sex === 'L' ? 'daftar/sex-male' : 'daftar/sex-female') : null,
    dob ? cliText(lang, 'daftar/born', { dob }) : null,
    [...new Set(rows.map((r) => r.list.name))].join(', '),
  ].filter((d): d is string => d !== null);
  return `${first.name} (${details.join(', ')})`;
}

/** The one list member of that name born that day; none when there are two (the clerk would ask). */
function onlyBornThatDay(result: LookupResult, dob: string): MemberMatch | null {
  const born = result.matches.filter((m) => m.dob === dob && m.confidence !== 'possible');
  const people = new Set(born.map((m) => m.nik ?? m.card ?? m.name));
  return people.size === 1 ? born[0]! : null;
}

/** The new patient's identity: the list's row when one was found (its spelling), else what was given. */
function identityFor(request: Request, match: MemberMatch | null): Identity | null {
  const name = match?.name ?? request.name;
  if (!name) return null;
  const given = request.number;
  const nik = match?.nik ?? (given && 'nik' in given ? given.nik : null);
  // As the counter's form: the birth date and sex the NIK encodes when nothing else gives them.
  const encoded = fromNik(nik);
  return {
    name,
    nik,
    card: match?.card ?? (given && 'card' in given ? given.card : null),
    dob: match?.dob ?? request.dob ?? encoded.dob,
    sex: match?.sex ?? encoded.sex,
    address: match?.address ?? null,
    oldMrn: request.oldMrn,
  };
}
