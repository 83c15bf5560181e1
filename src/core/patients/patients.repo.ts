import { oldMrnKey, storedOldMrn } from '../../shared/old-mrn';
import type { CounterSettings } from '../../shared/settings';
import type { Patient } from '../../shared/counter';
import type { Db } from '../store/open-database';
import { statement } from '../store/statements';
import { nextMrn } from '../sync/mrn-blocks';
import { nameColumns } from './loose-name-keys';

export type { Patient };

export interface NewPatient {
  nik?: string | null;
  card?: string | null;
  name: string;
  dob?: string | null;
  sex?: 'L' | 'P' | null;
  address?: string | null;
  /** "RM lama" (shared/old-mrn.ts). */
  oldMrn?: string | null;
  identified?: boolean;
}

const COLUMNS = 'id, uid, mrn, nik, card, name, dob, sex, address, old_mrn AS oldMrn, identified';
type PatientRow = Omit<Patient, 'identified'> & { identified: number };
const toPatient = (row: PatientRow | undefined): Patient | undefined => (row ? { ...row, identified: row.identified === 1 } : undefined);

/**
 * A returning patient, recognized by NIK, card number or medical-record number (or the record's id).
 * By RM: only when the number names one patient; two patients may hold one RM (findPatientsByMrn).
 */
export function findPatient(db: Db, by: { id?: number; nik?: string; card?: string; mrn?: string }): Patient | undefined {
  // Runs on every look-up (record number, known NIK or card): statements prepared once.
  const get = (sql: string, value: string | number): Patient | undefined => toPatient(statement(db, `SELECT ${COLUMNS} FROM patients WHERE ${sql}`).get(value) as PatientRow | undefined);
  if (by.id !== undefined) return get('id = ?', by.id);
  if (by.nik) return get('nik = ?', by.nik);
  if (by.card) return get('card = ? ORDER BY id LIMIT 1', by.card);
  if (by.mrn) {
    const holders = findPatientsByMrn(db, by.mrn);
    return holders.length === 1 ? holders[0] : undefined;
  }
  return undefined;
}

/**
 * Every patient a record number names, oldest record first: those holding it, and the survivor of
 * a record merged into another (at the hub) that held it. Usually one. Two counters that numbered
 * alone before they enrolled at the hub may have given one RM to two people; both keep it (each
 * printed card stays true), and whoever looks the number up must choose (migration 015).
 */
export function findPatientsByMrn(db: Db, mrn: string): Patient[] {
  const typed = mrn.trim().toUpperCase();
  const rows = statement(db, `SELECT ${COLUMNS} FROM patients WHERE mrn = ? ORDER BY id`).all(typed) as PatientRow[];
  const survivor = statement(db, `SELECT ${COLUMNS} FROM patients WHERE id = (SELECT patient_id FROM patient_aliases WHERE mrn = ?)`).get(typed) as PatientRow | undefined;
  if (survivor && !rows.some((r) => r.id === survivor.id)) rows.push(survivor);
  return rows.map((r) => toPatient(r)!);
}

/**
 * The records the record numbers a query may stand for name (lookup/mrn-query.ts): the exact ones in
 * order (the first that names anyone), then the GLOB for a number typed without its year. A GLOB
 * that matches two different numbers is ambiguous and finds none: the clerk types more of the
 * number. More than one record comes back only for one number that two patients hold.
 */
export function findPatientsByMrns(db: Db, probes: { exact: readonly string[]; glob: string | null }): Patient[] {
  for (const mrn of probes.exact) {
    const found = findPatientsByMrn(db, mrn); // by the RM, or by an alias of a merged record
    if (found.length > 0) return found;
  }
  if (probes.glob === null) return [];
  // GLOB is case-sensitive like the stored (upper-case) numbers, so its literal prefix uses the mrn index.
  const numbers = statement(db, `SELECT DISTINCT mrn FROM patients WHERE mrn GLOB ? LIMIT 2`).all(probes.glob) as { mrn: string }[];
  return numbers.length === 1 ? findPatientsByMrn(db, numbers[0]!.mrn) : [];
}

/**
 * The records whose old RM (from before Loket, shared/old-mrn.ts) is the number typed, in any of
 * the shapes its key ignores; oldest record first. Usually none or one.
 */
export function findPatientsByOldMrn(db: Db, typed: string): Patient[] {
  const key = oldMrnKey(typed);
  if (key === null) return [];
  return (statement(db, `SELECT ${COLUMNS} FROM patients WHERE old_mrn_key = ? ORDER BY id LIMIT 20`).all(key) as PatientRow[]).map((r) => toPatient(r)!);
}

/** The local date (yyyy-mm-dd) of the patient's last visit here that was not cancelled; null when none. */
export function lastVisitDate(db: Db, patientId: number): string | null {
  const row = statement(db, "SELECT MAX(service_date) AS day FROM visits WHERE patient_id = ? AND status <> 'cancelled'").get(patientId) as { day: string | null } | undefined;
  return row?.day ?? null;
}

/** Rows fetched per name query before ranking in code: a common name at a large hospital. */
const NAME_CANDIDATES = 400;

/**
 * This facility's records for a name: the same canonical name (names.ts, as the lists use), or a
 * name that begins so (a name still being typed, or typed without its last words); with a birth
 * date, also anyone born that day whose name begins with the same first word (a typo further on).
 * Only indexed ranges of (name_key, dob): fast on any number of records. Unranked; see own-patients.ts.
 */
export function findPatientsByNameKey(db: Db, key: string, dob: string | null): Patient[] {
  if (key === '') return [];
  const range = 'name_key >= ? AND name_key < ?';
  const byKey = statement(db, `SELECT ${COLUMNS} FROM patients WHERE ${range} LIMIT ${NAME_CANDIDATES}`).all(key, `${key}\uffff`) as PatientRow[];
  const rows = [...byKey];
  if (dob) {
    const first = key.split(' ')[0] ?? key;
    const seen = new Set(rows.map((r) => r.id));
    for (const r of statement(db, `SELECT ${COLUMNS} FROM patients WHERE ${range} AND dob = ? LIMIT ${NAME_CANDIDATES}`).all(first, `${first}\uffff`, dob) as PatientRow[]) {
      if (!seen.has(r.id)) rows.push(r);
    }
  }
  return rows.map((r) => toPatient(r)!);
}

/**
 * The ids and name keys of the records whose name key begins with `prefix`, at most NAME_CANDIDATES:
 * read from the (name_key, dob) index alone, for ranking before any record is read whole.
 */
export function nameKeysWithPrefix(db: Db, prefix: string): { id: number; key: string }[] {
  if (prefix === '') return [];
  return statement(db, `SELECT id, name_key AS key FROM patients WHERE name_key >= ? AND name_key < ? LIMIT ${NAME_CANDIDATES}`).all(prefix, `${prefix}\uffff`) as { id: number; key: string }[];
}

/** Every record born on a day (a handful: the newborns of a day, a birthday). */
export function findPatientsBornOn(db: Db, dob: string): Patient[] {
  return (statement(db, `SELECT ${COLUMNS} FROM patients WHERE dob = ? LIMIT ${NAME_CANDIDATES}`).all(dob) as PatientRow[]).map((r) => toPatient(r)!);
}

/**
 * Creates a patient with the next medical-record number (see sync/mrn-blocks.ts), in one
 * transaction. IMMEDIATE: it reads the number before it writes, and another connection to the
 * main file (an import's or the edition sync's worker, the `loket` command) may commit between
 * the two; a deferred transaction would then fail at once with "database is locked" instead of
 * waiting its turn (busy_timeout).
 */
export function createPatient(db: Db, patient: NewPatient, settings: CounterSettings, now: Date): Patient {
  return db.transaction(() => {
    const mrn = nextMrn(db, settings, now);
    const name = patient.name.trim().replace(/\s+/g, ' ').toUpperCase();
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO patients (mrn, nik, card, name, name_key, loose_sorted, loose_joined, dob, sex, address, old_mrn, old_mrn_key, identified, created_at, updated_at)
         VALUES (@mrn, @nik, @card, @name, @nameKey, @looseSorted, @looseJoined, @dob, @sex, @address, @oldMrn, @oldMrnKey, @identified, @at, @at)`,
      )
      .run({ mrn, nik: patient.nik ?? null, card: patient.card ?? null, name, ...nameColumns(name), dob: patient.dob ?? null, sex: patient.sex ?? null, address: patient.address ?? null, oldMrn: storedOldMrn(patient.oldMrn), oldMrnKey: oldMrnKey(patient.oldMrn), identified: patient.identified === false ? 0 : 1, at });
    return toPatient(db.prepare(`SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(info.lastInsertRowid) as PatientRow)!;
  }).immediate();
}
