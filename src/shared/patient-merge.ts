import { z } from 'zod';
import type { Patient } from './counter';
import type { FillableField } from './survivor-fill';

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

/**
 * What the survivor lacks and takes from the merged record (never a value it has, never a NIK or
 * card another record holds: survivor-fill.ts); its old RM is told apart (OldMrnOutcome).
 */
export type FilledField = Exclude<FillableField, 'oldMrn'>;

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
  /** What the merged record has that the survivor will not take (it has its own value, or another record holds the number). */
  notFilled: FillableField[];
}

export interface PatientMergeResult extends OldMrnOutcome {
  survivor: Patient;
  /** The merged record as it was (its RM now names the survivor). */
  merged: Patient;
  visitsMoved: number;
  filled: FilledField[];
  notFilled: FillableField[];
}
