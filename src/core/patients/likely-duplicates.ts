// The check before a NEW record is made: which of this facility's records is probably the same
// person, although the name is written otherwise (name-variants.ts) or the birth date differs by
// a slip or a convention (date-slips.ts), or is missing. It only reads; the clerk (or the
// officer at the command line) decides. A patient without NIK can only be found this way.
import { conventionYear, dateCloseness, nearDates, type DateCloseness } from '../../shared/date-slips';
import { looseNameOfKey, nameCloseness, sameLoose, type LooseName, type NameCloseness } from '../../shared/name-variants';
import { normalizeName } from '../../shared/names';
import type { Patient } from '../../shared/counter';
import type { Db } from '../store/open-database';
import { statement } from '../store/statements';
import { findPatient } from './patients.repo';

/** The dialog lists every one; more than this is a common name typed without date: the closest first. */
const MAX_DUPLICATES = 10;

/**
 * The name closeness a date closeness needs: a date slip or a missing date only with the same name
 * but for spelling; two differences at once (SITI AMINAH 1960-01-01, SITI AMINAH PUTRI 1960-01-02)
 * are more often two people.
 */
const ACCEPTS: Readonly<Record<DateCloseness, readonly NameCloseness[]>> = {
  exact: ['same', 'contained', 'similar'],
  near: ['same'],
  unknown: ['same'],
  different: [],
};
const DATE_RANK: Readonly<Record<DateCloseness, number>> = { exact: 0, near: 1, unknown: 2, different: 3 };
const NAME_RANK: Readonly<Record<NameCloseness, number>> = { same: 0, contained: 1, similar: 2, none: 3 };

export interface DuplicateMatch {
  patient: Patient;
  date: DateCloseness;
  name: NameCloseness;
}

/**
 * Records of identified patients that may be the person about to be recorded, closest first.
 * Runs once before a new record, never per keystroke (see candidates()).
 */
export function findDuplicateMatches(db: Db, name: string, dob: string | null): DuplicateMatch[] {
  const query = looseNameOfKey(normalizeName(name).key);
  if (query.tokens.length === 0) return [];
  const loose = new Map<string, LooseName>();
  const found: { id: number; date: DateCloseness; name: NameCloseness }[] = [];
  const rows = candidates(db, query, dob);
  for (const row of rows) {
    const date = dob === null || row.dob === null ? 'unknown' : row.dob === dob ? 'exact' : dateCloseness(dob, row.dob);
    if (date === 'different') continue;
    let theirs = loose.get(row.key);
    if (!theirs) loose.set(row.key, (theirs = looseNameOfKey(row.key)));
    // Without the exact date only the same name counts: two string comparisons, no similarity.
    const close = date !== 'exact' ? (sameLoose(query, theirs) ? 'same' : 'none') : nameCloseness(query, theirs);
    if (!ACCEPTS[date].includes(close)) continue;
    found.push({ id: row.id, date, name: close });
  }
  return found
    .sort((a, b) => DATE_RANK[a.date] + NAME_RANK[a.name] - (DATE_RANK[b.date] + NAME_RANK[b.name]) || a.id - b.id)
    .slice(0, MAX_DUPLICATES)
    .map((m) => ({ patient: findPatient(db, { id: m.id })!, date: m.date, name: m.name }));
}

type Row = { id: number; key: string; dob: string | null };

const COLUMNS = 'SELECT id, name_key AS key, dob FROM patients WHERE identified = 1';
/** sameLoose as SQL: the stored forms (loose-name-keys.ts), each with its index (migration 023). */
const SAME_NAME = '(loose_sorted = ? OR loose_joined = ?)';

/**
 * The records that can be accepted at all, through indexes: every record born on the date given
 * (any name closeness may do), and the records with the same name but for spelling (the only
 * closeness a near or missing date accepts) born near it (nearDates, the year's convention dates,
 * the whole year for a date by convention) or without a date. Without a date, the records with
 * the same name: a handful whatever the number of records.
 */
function candidates(db: Db, query: LooseName, dob: string | null): Row[] {
  if (dob === null) return statement(db, `${COLUMNS} AND ${SAME_NAME}`).all(query.sorted, query.joined) as Row[];
  const year = dob.slice(0, 4);
  const dates = [...nearDates(dob), `${year}-07-01`, `${year}-01-01`];
  const whole = conventionYear(dob);
  const near = `dob IS NULL OR dob IN (${dates.map(() => '?').join(', ')}) OR dob BETWEEN ? AND ?`;
  const sql = `${COLUMNS} AND dob = ? UNION ${COLUMNS} AND ${SAME_NAME} AND (${near})`;
  return statement(db, sql).all(dob, query.sorted, query.joined, ...dates, whole ? `${whole}-01-01` : '', whole ? `${whole}-12-31` : '') as Row[];
}
