import type { z } from 'zod';
import { identitySchema, type Patient } from './counter';

/**
 * The fields of a patient's record a clerk may correct after registration. Never the record
 * number (RM: written on the paper file and every slip) and never `identified` (an emergency
 * patient without identity gets one through attachIdentity, which may join another record).
 */
export const PATIENT_FIELDS = ['name', 'nik', 'card', 'dob', 'sex', 'address', 'oldMrn'] as const;
export type PatientField = (typeof PATIENT_FIELDS)[number];

/**
 * A correction: only the fields given change, each judged exactly as when a record is made
 * (identitySchema: name required and printable, NIK 16 and card 13 digits, a real calendar date,
 * no control characters); null clears a field (not the name). Any other key, the RM among them,
 * is refused rather than silently dropped.
 */
export const patientChangesSchema = identitySchema.partial().strict();
export type PatientChanges = z.infer<typeof patientChangesSchema>;

/** What a correction did: the record now, the fields that really changed, and the record before (for the audit). */
export interface PatientUpdate {
  patient: Patient;
  changed: PatientField[];
  previous: Patient;
  /** The old RM just saved is on other records too (a card misread, or typed twice): whose, to say so. */
  oldMrnAlsoOn?: { name: string; mrn: string }[];
}
