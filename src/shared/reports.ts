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
  calledAt: string | null;
  servedAt: string | null;
  /** Minutes from registration to being called (served without a call: to being served); null while never called. */
  waitMinutes: number | null;
  registeredBy: string;
}

/** The recap of a range of local dates (both included) by unit, payer, local hour and day. */
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
  emergencies: number;
  cancelled: number;
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
