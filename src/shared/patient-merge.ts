import { z } from 'zod';
import type { Patient } from './counter';

/**
 * Joining two records of one person (README "Two records of one person"): the merged record's
 * visits move to the survivor, its RM names the survivor from then on, and the record leaves
 * every search and list. An administrator's work (method-access.ts), audited.
 */
export const patientMergeInput = z.object({ survivorId: z.number().int().positive(), mergedId: z.number().int().positive() });
export type PatientMergeInput = z.infer<typeof patientMergeInput>;

/** The two records by the RMs a person types (in any shape the RM format allows): for the confirmation. */
export const patientMergePreviewInput = z.object({ survivorMrn: z.string().trim().min(1).max(40), mergedMrn: z.string().trim().min(1).max(40) });
export type PatientMergePreviewInput = z.infer<typeof patientMergePreviewInput>;

/** Both records as the confirmation shows them side by side, with their visits here. */
export interface PatientMergeSide {
  patient: Patient;
  visits: number;
  lastVisit: string | null;
}

/** The NIK or card the survivor lacks and takes from the merged record (never one it has). */
export type FilledField = 'nik' | 'card';

/**
 * What becomes of the merged record's old RM (from before Loket, RM lama): the survivor takes it
 * when it has none (`taken`); beside another one of the survivor's it stays findable, naming the
 * survivor as the merged RM does (`alias`). Null when the merged record has none, or the same.
 */
export interface OldMrnOutcome {
  taken: string | null;
  alias: string | null;
}

export interface PatientMergePreview extends OldMrnOutcome {
  survivor: PatientMergeSide;
  merged: PatientMergeSide;
  /** What the survivor will take from the merged record. */
  fills: FilledField[];
}

export interface PatientMergeResult extends OldMrnOutcome {
  survivor: Patient;
  /** The merged record as it was (its RM now names the survivor). */
  merged: Patient;
  visitsMoved: number;
  filled: FilledField[];
}
