import { isoDateInZone } from '../../../shared/dates';
import { normalizeName } from '../../../shared/names';
import { formatMrn, type CounterSettings } from '../../../shared/settings';
import type { Patient } from '../../../shared/counter';
import type { Db } from '../store/open-database';

export type { Patient };

export interface NewPatient {
  nik?: string | null;
  card?: string | null;
  name: string;
  dob?: string | null;
  sex?: 'L' | 'P' | null;
  address?: string | null;
  identified?: boolean;
}

const COLUMNS = 'id, mrn, nik, card, name, dob, sex, address, identified';
type PatientRow = Omit<Patient, 'identified'> & { identified: number };
const toPatient = (row: PatientRow | undefined): Patient | undefined => (row ? { ...row, identified: row.identified === 1 } : undefined);

/** A returning patient, recognized by NIK, card number or medical-record number. */
export function findPatient(db: Db, by: { nik?: string; card?: string; mrn?: string }): Patient | undefined {
  if (by.nik) return toPatient(db.prepare(`SELECT ${COLUMNS} FROM patients WHERE nik = ?`).get(by.nik) as PatientRow | undefined);
  if (by.card) return toPatient(db.prepare(`SELECT ${COLUMNS} FROM patients WHERE card = ? ORDER BY id LIMIT 1`).get(by.card) as PatientRow | undefined);
  if (by.mrn) return toPatient(db.prepare(`SELECT ${COLUMNS} FROM patients WHERE mrn = ?`).get(by.mrn.trim().toUpperCase()) as PatientRow | undefined);
  return undefined;
}

/** Records that are probably the same person (same canonical name and birth date): shown before a new one is made. */
export function findLikelyDuplicates(db: Db, name: string, dob: string | null): Patient[] {
  if (!dob) return [];
  const rows = db.prepare(`SELECT ${COLUMNS} FROM patients WHERE name_key = ? AND dob = ? ORDER BY id`).all(normalizeName(name).key, dob) as PatientRow[];
  return rows.map((r) => toPatient(r)!);
}

/** Creates a patient with the next medical-record number, in one transaction. */
export function createPatient(db: Db, patient: NewPatient, settings: CounterSettings, now: Date): Patient {
  return db.transaction(() => {
    const seq = nextSequence(db, 'mrn');
    const mrn = formatMrn(settings.mrnFormat, seq, isoDateInZone(now, settings.timeZone), settings.facilityCode).toUpperCase();
    const name = patient.name.trim().replace(/\s+/g, ' ').toUpperCase();
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO patients (mrn, nik, card, name, name_key, dob, sex, address, identified, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(mrn, patient.nik ?? null, patient.card ?? null, name, normalizeName(name).key, patient.dob ?? null, patient.sex ?? null, patient.address ?? null, patient.identified === false ? 0 : 1, at, at);
    return toPatient(db.prepare(`SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(info.lastInsertRowid) as PatientRow)!;
  })();
}

function nextSequence(db: Db, name: string): number {
  const row = db.prepare('INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value').get(name) as { value: number };
  return row.value;
}
