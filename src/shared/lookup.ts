import type { CoreMessage } from './i18n/messages';
import type { Sex } from './nik';
import type { Patient } from './counter';
import type { SourceKind } from './lists';

/** 'mrn': a medical-record number of this facility; the patient's NIK or card is then looked up. */
export type QueryKind = 'nik' | 'card' | 'name' | 'mrn';
export type Verdict = 'eligible' | 'not-eligible' | 'unknown';
/** exact: the identifier matches; probable: damaged-NIK prefix or name + birth date; possible: weaker name match. */
export type Confidence = 'exact' | 'probable' | 'possible';
/** 'dob-differs': a name candidate whose birth date is not the one searched for ("tanggal lahir beda"). */
export type MatchFlag = 'damaged-nik' | 'nik-dob-mismatch' | 'nik-sex-mismatch' | 'duplicate-in-list' | 'card-zeros-restored' | 'dob-differs';

/** A patient record of this facility as a look-up shows it ("Pasien lama: RM 000005, kunjungan terakhir 12-11-2026"). */
export interface OwnPatient extends Patient {
  /** Local date (yyyy-mm-dd) of the patient's last visit here; null when none yet. */
  lastVisit: string | null;
  /**
   * For a number typed: whether it is this record's own RM (`mrn`) or its old RM from before Loket
   * (`old-mrn`, "RM lama"). Set when the number may be read either way, so the screen says which.
   */
  matchedBy?: 'mrn' | 'old-mrn';
  /** Found by the RM of a record merged into this one ("RM 000048 digabung ke RM 000032"): that RM. */
  mergedMrn?: string;
  /** Found by the old RM of a record merged into this one (with `mergedMrn`, that record's RM): that old RM. */
  matchedOldMrn?: string;
}

/**
 * An own record a name search lists. `dobDiffers`: a birth date was searched for and this record
 * has another one, or none ("tanggal lahir beda", as the list rows' flag 'dob-differs').
 */
export interface OwnMatch extends OwnPatient {
  dobDiffers?: true;
}

export interface MemberMatch {
  nik: string | null;
  card: string | null;
  name: string;
  dob: string | null;
  sex: Sex | null;
  status: 'active' | 'inactive';
  statusReason: string | null;
  segment: string | null;
  facility: string | null;
  class: string | null;
  address: string | null;
  list: { name: string; kind: SourceKind; asOf: string; edition: number };
  confidence: Confidence;
  stale: boolean;
  /** Days from the list's as-of date to today ("daftar 425 hari"); set for list rows. */
  ageDays?: number;
  flags: MatchFlag[];
  /** name similarity 0..1 for name searches, 1 for identifier matches */
  score: number;
  /** A live BPJS answer (list kind 'bpjs-live'): when it was fetched (ISO UTC) and from which service. */
  live?: { fetchedAt: string; service: 'vclaim' | 'pcare' };
}

export interface LookupResult {
  query: string;
  kind: QueryKind;
  verdict: Verdict;
  matches: MemberMatch[];
  /** Set when the query itself is unusable (e.g. 15 digits); the clerk sees it, worded by the caller. */
  problem: CoreMessage | null;
  /** Warnings about the query that do not stop the look-up (a NIK whose region or birth date cannot exist); shown with the result. */
  queryWarnings?: CoreMessage[];
  /**
   * Lists that were not searched because their current edition's file cannot be read (missing
   * or damaged): `message` is `lookup/list-unreadable` or `lookup/lists-unreadable` with the
   * names, worded by the caller. With it, an `unknown` verdict means "not on the lists that could
   * be read", never "not on any list". Absent when every list was searched.
   */
  unsearched?: { lists: string[]; message: CoreMessage };
  /**
   * The NIK or card looked up is held by two or more different people on the lists (another name,
   * birth date or sex: src/shared/same-person.ts). Loket never picks between people. Without a
   * record here that names the person, the verdict is `unknown` and the clerk chooses the person
   * among the matches (message lookup/card-conflict, lookup/nik-conflict): the verdict and the
   * payer then rest on that person's rows only. With such a record (`patient`), the verdict is
   * that person's alone, and the message (lookup/card-also-other, lookup/nik-also-other) names the
   * others, so the clerk checks the card. `people`: how many people hold the number.
   */
  conflict?: { people: number; message: CoreMessage };
  /**
   * A list holds the person more than once, active and not active (src/shared/verdict-rule.ts,
   * rule 3): message lookup/list-contradicts, worded by the caller. The verdict already counts
   * the not-active row; this says why it is no plain answer.
   */
  contradiction?: CoreMessage;
  /** This facility's record of the patient, when the query names one (MRN, or a known NIK or card). */
  patient?: OwnPatient | null;
  /**
   * For a name query: this facility's own records with that name, best first; shown above the list
   * matches (below those born on the date searched when the records were not, each marked
   * `dobDiffers`). For a number two or more patients hold (`problem` query/mrn-shared; or
   * query/number-two-ways, one's RM and another's old RM, each marked `matchedBy`): all of
   * them, oldest record first, for the clerk to choose (then looked up again with `patientId`).
   */
  ownMatches?: OwnMatch[];
  tookMs: number;
}
