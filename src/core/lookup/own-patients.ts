// This facility's own patients in a look-up: a returning patient is found first, by record
// number, NIK, card or name, so the clerk never makes a second record for them.
import type { Patient } from '../../shared/counter';
import type { OwnPatient } from '../../shared/lookup';
import { nameSimilarity } from '../../shared/name-similarity';
import { normalizeName } from '../../shared/names';
import type { CounterSettings } from '../../shared/settings';
import { findDuplicateMatches } from '../patients/likely-duplicates';
import { findSurvivorsByMergedOldMrn } from '../patients/merged-old-mrns';
import { findPatientIdsByNameWords, wordsOfKey } from '../patients/name-words';
import { findPatient, findPatientsBornOn, findPatientsByMrns, findPatientsByNameKey, findPatientsByOldMrn, lastVisitDate, nameKeysWithPrefix } from '../patients/patients.repo';
import type { Db } from '../store/open-database';
import { oldMrnQuery } from '../../shared/old-mrn';
import { classifyQuery } from './classify-query';
import { mrnProbes } from './mrn-query';

/** Shown above the list candidates: a short list, the clerk reads every line. */
const MAX_OWN_MATCHES = 10;
/** The same bar as the lists' name search with a birth date (name-search.ts). */
const MIN_SCORE_WITH_DOB = 0.72;
/**
 * A record found only by widening (a typo in the name, no birth date): nearly the same name.
 * ANI SURYANTI for ANI SURYANI scores 0.98, ENTIN ROHMAT for ENTIN ROHMAH 0.96; SITI AISYAH for
 * SITI AMINAH, another person, 0.88.
 */
const MIN_SCORE_WIDENED = 0.9;
/** Prefixes shorter than this range over too many names to rank usefully. */
const MIN_PREFIX = 3;

export function withLastVisit(db: Db, patient: Patient): OwnPatient {
  return { ...patient, lastVisit: lastVisitDate(db, patient.id) };
}

/**
 * The records a typed record number names, in any shape the format allows (see mrn-query.ts):
 * usually one; two or more when patients share the number (two counters gave it before they
 * enrolled at the hub), for the clerk to choose from.
 */
export function ownByRecordNumber(db: Db, query: string, settings: Pick<CounterSettings, 'mrnFormat' | 'facilityCode'>): OwnPatient[] {
  const probes = mrnProbes(query, settings.mrnFormat, settings.facilityCode);
  return findPatientsByMrns(db, probes).map((p) => withMergedMrn(db, probes.exact, withLastVisit(db, p)));
}

/**
 * A record found by the RM of a record merged into it (an alias) says so, so the clerk reads
 * "RM 000048 digabung ke RM 000032" and writes the survivor's RM on the paper file.
 */
function withMergedMrn(db: Db, typed: readonly string[], patient: OwnPatient): OwnPatient {
  if (typed.includes(patient.mrn)) return patient;
  const marks = typed.map(() => '?').join(', ');
  const alias = typed.length === 0 ? undefined : (db.prepare(`SELECT mrn FROM patient_aliases WHERE patient_id = ? AND mrn IN (${marks}) LIMIT 1`).get(patient.id, ...typed) as { mrn: string } | undefined);
  return alias ? { ...patient, mergedMrn: alias.mrn } : patient;
}

/**
 * The records whose old RM (from before Loket, a paper-era card's) a query may be: "RM lama
 * 000013" asks for an old RM only (`only`); a plain number ("000013", "No. RM 13") may be one
 * too, unless it is a NIK or a card. Each marked `matchedBy: 'old-mrn'`.
 */
export function ownByOldRecordNumber(db: Db, query: string): { only: boolean; patients: OwnPatient[] } {
  const labelled = oldMrnQuery(query);
  if (labelled !== null) return { only: true, patients: byOldMrn(db, labelled) };
  const kind = classifyQuery(query).kind;
  if (kind === 'nik' || kind === 'card' || !hasDigit(query)) return { only: false, patients: [] };
  return { only: false, patients: byOldMrn(db, query) };
}

/** Records holding the old RM, then survivors of merged records that held it (said so: "RM … digabung ke RM …"). */
function byOldMrn(db: Db, number: string): OwnPatient[] {
  const own = findPatientsByOldMrn(db, number).map((p) => ({ ...withLastVisit(db, p), matchedBy: 'old-mrn' as const }));
  const viaMerged = findSurvivorsByMergedOldMrn(db, number)
    .filter((m) => !own.some((p) => p.id === m.patient.id))
    .map((m) => ({ ...withLastVisit(db, m.patient), matchedBy: 'old-mrn' as const, mergedMrn: m.mergedMrn, matchedOldMrn: m.oldMrn }));
  return [...own, ...viaMerged];
}
const hasDigit = (s: string): boolean => /\d/.test(s);

/** The record of a NIK or a (13-digit) card number, when this facility has the patient. */
export function ownByIdentifier(db: Db, by: { nik: string } | { card: string }): OwnPatient | undefined {
  const found = findPatient(db, by);
  return found ? withLastVisit(db, found) : undefined;
}

/**
 * This facility's records with the name, best first. With a birth date, those born that day; when
 * none was, every record with the name (its own birth date shows that it differs).
 */
export function ownByName(db: Db, name: string, dob: string | null): OwnPatient[] {
  const query = normalizeName(name);
  if (query.key === '') return [];
  const scored: { patient: Patient; score: number; sameDob: boolean }[] = [];
  for (const patient of findPatientsByNameKey(db, query.key, dob)) {
    const key = normalizeName(patient.name).key;
    // A record whose name begins with what was typed is a name still being typed: nearly a match.
    const prefix = key.startsWith(query.key) ? 0.9 + (0.1 * query.key.length) / key.length : 0;
    const score = Math.max(prefix, nameSimilarity(query.key, key));
    if (score < MIN_SCORE_WITH_DOB) continue;
    scored.push({ patient, score, sameDob: dob !== null && patient.dob === dob });
  }
  if (dob !== null) scored.push(...bornThatDayOtherwiseSpelt(db, name, dob, scored));
  if (scored.length === 0) scored.push(...typoWidened(db, query.key, dob));
  if (scored.length < MAX_OWN_MATCHES) scored.push(...byNameWords(db, query.key, dob, scored));
  const narrowed = scored.some((s) => s.sameDob) ? scored.filter((s) => s.sameDob) : scored;
  return narrowed
    .sort((a, b) => b.score - a.score || b.patient.id - a.patient.id)
    .slice(0, MAX_OWN_MATCHES)
    .map((s) => withLastVisit(db, s.patient));
}

/**
 * Records born that day whose name the name search misses but the duplicate check knows for the
 * same (likely-duplicates.ts: RAHMAT for RACHMAT, ST. for SITI, words turned round or left out):
 * a returning patient without NIK is found by name and date. Ranked after the search's own finds.
 */
function bornThatDayOtherwiseSpelt(db: Db, name: string, dob: string, found: readonly { patient: Patient }[]): { patient: Patient; score: number; sameDob: boolean }[] {
  const known = new Set(found.map((s) => s.patient.id));
  return findDuplicateMatches(db, name, dob)
    .filter((m) => m.date === 'exact' && !known.has(m.patient.id))
    .map((m) => ({ patient: m.patient, score: MIN_SCORE_WITH_DOB, sameDob: true }));
}

/**
 * A returning patient whose name was typed with a slip past its first letters (ANI SURYANTI for
 * ANI SURYANI): the records whose names begin as the typed name does up to the slip, ranked and
 * kept only when nearly the same name. The probes cut the typed key shorter, a character at a time
 * for its last three, then at word boundaries; each reads ids and name keys from the index alone
 * (nameKeysWithPrefix), a record is read whole only when its name is near, and the first probe
 * that yields a near name is the answer. Without it such a patient was "not found"
 * and Enter, Enter made a second record (UI tester, finding 2).
 */
function typoWidened(db: Db, key: string, dob: string | null): { patient: Patient; score: number; sameDob: boolean }[] {
  for (const prefix of typoPrefixes(key)) {
    const near = nameKeysWithPrefix(db, prefix)
      .map((row) => ({ id: row.id, score: nameSimilarity(key, row.key) }))
      .filter((s) => s.score >= MIN_SCORE_WIDENED);
    if (near.length === 0) continue;
    return near.flatMap(({ id, score }) => {
      const patient = findPatient(db, { id });
      return patient ? [{ patient, score, sameDob: dob !== null && patient.dob === dob }] : [];
    });
  }
  return [];
}

/** Records read for the word search: more than are shown, since a birth date may narrow them. */
const WORD_CANDIDATES = 50;

/**
 * Records whose name has every typed word anywhere in it (name-words.ts): the surname alone
 * (*rohmah* for ENTIN ROHMAH), a middle word, words turned round. Ranked after the records found
 * by how their name begins, as a name typed in part ranks in the lists' search.
 */
function byNameWords(db: Db, key: string, dob: string | null, found: readonly { patient: Patient }[]): { patient: Patient; score: number; sameDob: boolean }[] {
  const known = new Set(found.map((s) => s.patient.id));
  const typed = wordsOfKey(key);
  return findPatientIdsByNameWords(db, key, WORD_CANDIDATES).flatMap((id) => {
    const patient = known.has(id) ? undefined : findPatient(db, { id });
    if (!patient || !hasEveryWord(normalizeName(patient.name).key, typed)) return [];
    return [{ patient, score: MIN_SCORE_WITH_DOB, sameDob: dob !== null && patient.dob === dob }];
  });
}

/** Every typed word is a word of the name, the last one at least the beginning of one. */
function hasEveryWord(nameKey: string, typed: readonly string[]): boolean {
  const words = wordsOfKey(nameKey);
  return typed.every((t, i) => words.some((w) => w === t || (i === typed.length - 1 && w.startsWith(t))));
}

/** "ANI SURYANTI": ANI SURYANT, ANI SURYAN, ANI SURYA, then ANI (each at least MIN_PREFIX long, each once). */
export function typoPrefixes(key: string): string[] {
  const probes = [1, 2, 3].map((cut) => key.slice(0, key.length - cut).trimEnd());
  const words = key.split(' ');
  for (let n = words.length - 1; n >= 1; n--) probes.push(words.slice(0, n).join(' '));
  return [...new Set(probes)].filter((p) => p.length >= MIN_PREFIX && p !== key);
}

/** The key a newborn registered under the mother's name has ("BY NY SITI AMINAH": BAYI SITI AMINAH; names.ts). */
const BABY = 'BAYI ';

/**
 * Newborns registered under their mother's name ("BY NY …") born that very day, when a new record
 * is about to be made with the baby's own name (AISYAH PUTRI, born the same day): most likely the
 * same baby, whose first weeks are on the "BY NY" record. Only for a birth date within the last
 * year: later a baby has long had its own name.
 */
function babiesBornThatDay(db: Db, name: string, dob: string | null, today: string): Patient[] {
  if (dob === null || normalizeName(name).key.startsWith(BABY) || dob < yearBefore(today)) return [];
  return findPatientsBornOn(db, dob).filter((p) => p.identified && normalizeName(p.name).key.startsWith(BABY));
}

const yearBefore = (iso: string): string => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;

/**
 * Records that are probably the person a new-patient form is about to make (likely-duplicates.ts):
 * the name also spelt otherwise, shortened or turned round, the birth date exact, off by a slip
 * or a convention, or missing on either side (then the name must be the same but for spelling).
 * First of all the records holding the old RM typed (compared by its key, as the old-RM search
 * does: "No. RM 000013" is "13"), whatever their name: the paper card points to them, so they are
 * the likeliest, and a clerk who goes on anyway has seen who else answers that card.
 * The form asks "Pakai data ini / Tetap buat data baru" first.
 */
export function likelyDuplicates(db: Db, name: string, dob: string | null, today: string, oldMrn: string | null = null): Patient[] {
  const holders = oldMrn === null ? [] : findPatientsByOldMrn(db, oldMrn);
  const found = [...holders, ...findDuplicateMatches(db, name, dob).map((m) => m.patient), ...babiesBornThatDay(db, name, dob, today)];
  return found.filter((p, i) => found.findIndex((q) => q.id === p.id) === i);
}
