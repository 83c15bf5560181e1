import type { Payer, VisitStatus } from './counter';

export interface RegisterRow {
  visitId: number;
  serviceDate: string;
  queue: string;
  unit: string;
  emergency: boolean;
  mrn: string;
  name: string;
  payer: Payer;
  status: VisitStatus;
  registeredAt: string;
  /** The zone the visit was filed under, in which its times are read (the hub's rows: the facility's). */
  timeZone?: string;
  calledAt: string | null;
  servedAt: string | null;
  /** When the visit was cancelled; null for one not cancelled (an undone cancel leaves none). */
  cancelledAt: string | null;
  /**
   * Minutes from registration to being called (served without a call: to being served; cancelled
   * before any call: to the cancel), as the queue counts it; null while never called.
   */
  waitMinutes: number | null;
  /**
   * "Kunjungan baru": the first visit of the patient's record at this facility, by service date
   * (then registration time); cancelled visits do not count. False: a returning visit ("lama").
   * Null for a cancelled visit, which is neither (the recap leaves it out).
   */
  firstVisit: boolean | null;
  registeredBy: string;
}

/**
 * The recap of a range of local dates (both included) by unit, payer, local hour and day. `total`
 * ("Jumlah kunjungan") counts every visit not cancelled, emergencies included.
 */
export interface Recap {
  from: string;
  to: string;
  total: number;
  byUnit: Record<string, number>;
  /** Every payer of PAYERS, zero included. */
  byPayer: Record<Payer, number>;
  /**
   * Local hour (0-23) of registration -> visits, over the whole range. Only visits registered on
   * their own service day: one moved into the next day after midnight (the IGD's patient of 23:58
   * sent to a poli) counts in that day's total but in none of its hours.
   */
  byHour: Record<string, number>;
  /** Local date -> visits. */
  byDay: Record<string, number>;
  /** Visits counted in `total` that are emergencies (part of the total, not apart from it). */
  emergencies: number;
  /** Cancelled visits: left out of every other figure. */
  cancelled: number;
  /** Visits of `total` that are the record's first visit here ("kunjungan baru", RegisterRow.firstVisit). */
  newVisits: number;
  /** Visits of `total` of a record that had one before ("kunjungan lama"): total = newVisits + returningVisits. */
  returningVisits: number;
}

/** One day's recap (the older `dailyRecap` method): a Recap of from = to = date. */
export interface DailyRecap {
  date: string;
  total: number;
  byUnit: Record<string, number>;
  byPayer: Record<Payer, number>;
  /** Local hour (0-23) of registration -> visits. */
  byHour: Record<string, number>;
  emergencies: number;
  cancelled: number;
  newVisits: number;
  returningVisits: number;
}

/** One line of the equal-service report: how long patients of one payer waited in one unit. */
export interface EqualServiceLine {
  unit: string;
  payer: Payer;
  visits: number;
  medianWaitMinutes: number | null;
  p90WaitMinutes: number | null;
}

export interface EqualServiceReport {
  from: string;
  to: string;
  /** Emergencies are left out: they are the one allowed priority. Cancelled and never-called visits too. */
  lines: EqualServiceLine[];
}
