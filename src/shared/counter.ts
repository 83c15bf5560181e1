import { z } from 'zod';
import { calendarDate, personName, printable } from './text-schemas';
import { OLD_MRN_MAX } from './old-mrn';

/**
 * Who pays, as recorded in the register: never printed, never on a queue display.
 * jkn: BPJS Kesehatan; jamkesda: Jamkesda / PBI daerah paid by the regency; umum: the patient;
 * jasa-raharja (traffic accidents), bpjs-tk (work accidents, BPJS Ketenagakerjaan), insurance
 * (another insurer or company); pending: "penjamin menyusul", to be settled later.
 */
export const PAYERS = ['jkn', 'jamkesda', 'umum', 'jasa-raharja', 'bpjs-tk', 'insurance', 'pending'] as const;
export type Payer = (typeof PAYERS)[number];
/** The key a clerk presses for each payer at the counter (J, D, U, R, K, A, M). */
export const PAYER_KEYS: Readonly<Record<Payer, string>> = {
  jkn: 'J',
  jamkesda: 'D',
  umum: 'U',
  'jasa-raharja': 'R',
  'bpjs-tk': 'K',
  insurance: 'A',
  pending: 'M',
};
export const VISIT_STATUSES = ['waiting', 'called', 'served', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type FollowUpKind = 'settle-payer' | 'identify-patient' | 'recheck-eligibility';

export interface Patient {
  id: number;
  /** The global id (UUIDv7) the facility hub and every counter know the record by. */
  uid: string;
  mrn: string;
  nik: string | null;
  card: string | null;
  name: string;
  dob: string | null;
  sex: 'L' | 'P' | null;
  address: string | null;
  /** The record number from before Loket ("RM lama", a paper-era card's), as the card shows it; null when none. */
  oldMrn: string | null;
  identified: boolean;
}

const isoDate = calendarDate;
export const identitySchema = z.object({
  name: personName(printable(z.string().trim().min(1).max(120))),
  nik: z.string().regex(/^\d{16}$/).nullish(),
  card: z.string().regex(/^\d{13}$/).nullish(),
  dob: isoDate.nullish(),
  sex: z.enum(['L', 'P']).nullish(),
  address: printable(z.string().trim().max(200)).nullish(),
  /** "RM lama": the number on a card from before Loket (shared/old-mrn.ts); '' or null for none. */
  oldMrn: printable(z.string().trim().max(OLD_MRN_MAX)).nullish(),
});
export type Identity = z.infer<typeof identitySchema>;

export interface RegisteredVisit {
  id: number;
  /** The global id (UUIDv7). */
  uid: string;
  patientId: number;
  serviceDate: string;
  unit: string;
  queue: string;
  queueNo: number;
  emergency: boolean;
  payer: Payer;
  registeredAt: string;
  followUpIds: number[];
  /**
   * This PC's clock is this many minutes behind the day's latest registration (it was set back
   * during the day): the visit is still queued after everyone registered before it
   * (core/visits/arrival-order.ts), and the screen says to check the clock. Absent otherwise.
   */
  clockBackMinutes?: number;
}

export interface QueueEntry {
  visitId: number;
  /** The visit's global id (UUIDv7): the same at every counter of the facility. */
  visitUid: string;
  /** The service day it was registered on: the day before for a patient still waiting from last night. */
  serviceDate: string;
  queue: string;
  unit: string;
  emergency: boolean;
  /**
   * Another visit of the day and unit carries the same number (a counter that numbered alone
   * before it enrolled, and the hub, both printed `U-001`): the clerk calls this patient by name.
   */
  sameNumber: boolean;
  /**
   * The same patient waits (or is called) twice in this unit today: two counters registered them
   * while the hub was out of reach, each unaware of the other. The clerk cancels one.
   */
  waitingTwice: boolean;
  /**
   * A visit of a day before the queue's day, still open (the IGD at night): its number is of that
   * day, so "U-003 of last night" is not taken for today's.
   */
  yesterday: boolean;
  status: VisitStatus;
  /** No payer here, by design: the queue is the same for everyone (the register has it). */
  patient: { id: number; uid: string; mrn: string; nik: string | null; name: string };
  registeredAt: string;
  calledAt: string | null;
  servedAt: string | null;
  /** Minutes from registration to being called (or to now while still waiting). */
  waitingMinutes: number;
  /** Times the called patient was called again ("Panggil ulang"); 0 when called once or not yet. */
  recalls: number;
}

/** A visit moved to another unit (or a move undone): where it was, where it is now. */
export interface MovedVisit {
  visitId: number;
  name: string;
  from: { unit: string; queue: string; status: VisitStatus };
  to: { unit: string; queue: string };
}

/** A called patient called again: how many times now. */
export interface RecalledVisit {
  recalls: number;
  queue: string;
  unit: string;
  name: string;
}

export interface FollowUp {
  id: number;
  kind: FollowUpKind;
  /** emergency | emergency-unidentified | not-found | not-active | not-checked */
  reason: string;
  dueAt: string;
  overdue: boolean;
  /** Minutes left until the deadline (negative when overdue): the countdown. */
  minutesLeft: number;
  visit: { id: number; queue: string; unit: string; serviceDate: string; payer: Payer; emergency: boolean };
  patient: { id: number; mrn: string; name: string; identified: boolean };
}
