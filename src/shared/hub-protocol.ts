import { z } from 'zod';
import type { CounterAuditHead } from './audit-head';
import type { HubClockOff } from './hub-clock';
import type { HubDistrictLink } from './district-link';
import type { BpjsSettingsForm } from './bpjs';
import { PAYERS, VISIT_STATUSES } from './counter';
import { withoutControlCharacters } from './text-rules';
import { OLD_MRN_MAX } from './old-mrn';

/**
 * The wire protocol between a counter's core and the facility hub (`loket hub`), JSON over
 * HTTPS on the LAN. Both sides validate with these schemas; nothing else crosses.
 *
 * The model, in one paragraph (docs/hub.md has the whole story):
 * - Every synced record has a global id (`uid`, UUIDv7). Local integer ids never leave a file.
 * - A counter writes locally first. Triggers append each change to its outbox; a push sends the
 *   changes as ops, each with its own `opId`. The hub applies an op at most once (a repeat after
 *   a timeout is answered `duplicate` and changes nothing), under the conflict rules below, and
 *   gives the record it touched the next hub revision (`rev`, one sequence for all records,
 *   assigned in commit order).
 * - A counter pulls the records whose `rev` is above its cursor and takes the hub's state for
 *   each, except a record it still has unpushed changes for (its own op will come back). A record
 *   it cannot apply yet (it hangs on one it lacks) is kept aside and tried again each round; the
 *   cursor always moves on, so one such record never holds back the rest.
 *
 * Conflict rules, applied by the hub in arrival order:
 * - patient: a new uid whose NIK (or, without NIK, card number) belongs to another live patient
 *   is merged: the patient created first keeps its record number (RM); the other gets
 *   `mergedInto` and its RM becomes an alias; its visits move to the survivor. The same name
 *   and birth date without NIK or card is never merged: it is flagged (a `notice`). Field
 *   changes of a known uid: the later `at` wins.
 * - visit: inserted once, as registered; its queue number never changes (a printed slip stays
 *   true), and the hub never hands that number out again. A number another visit already has (a
 *   counter that numbered alone before enrolling) is kept on both, with a notice.
 *   visit.status: the later `at` wins, except that `served` is never replaced by `cancelled`
 *   (the patient was seen; the hub keeps `served` and issues a notice). Two counters calling
 *   the same patient: the first call's time stays. visit.payer and visit.patient: the later
 *   `at` wins. visit.unit (a move to another unit, with the number the hub gave there and the
 *   service day it moved into, or a move undone): the later `at` wins; the hub's sequence of
 *   that day moves past the number. visit.recall
 *   (a called patient called again): the later `at` wins; the queue display puts the number up again.
 * - followUp: the later `at` wins; a closed follow-up is never reopened by an older snapshot.
 * - patient.merge (an administrator joined two records of one person at a counter): the merged
 *   record (inserted first when the hub never saw it) joins the survivor the counter chose, as a
 *   merge by NIK does; a record already merged is followed to the one it lives on in.
 * - print, recheck: insert only.
 */

export const HUB_PROTOCOL_VERSION = 1;
export const HUB_API = '/v1';

const uid = z.string().uuid();
const instant = z.string().min(20).max(40); // ISO instant, UTC
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const counterId = z.string().min(1).max(64);
/**
 * Text people read (names, addresses, clerks, reasons): control and format characters (a bidi
 * override that shows "BUDI \u202eNAMSOR" as "BUDI ROSMAN") are removed as it crosses, whoever
 * wrote it: an older counter, or a hub's data from before the rule. Removed rather than refused,
 * so one old record never blocks a counter's whole push. The counter strips pulled text too.
 */
const shown = (max: number, min = 0) => z.string().min(min).max(max).transform(withoutControlCharacters);

// ---- records (the hub's state of each synced row) ----

export const patientRecord = z.object({
  uid,
  mrn: z.string().min(1).max(60),
  nik: z.string().regex(/^\d{16}$/).nullable(),
  card: z.string().regex(/^\d{13}$/).nullable(),
  name: shown(200, 1),
  dob: day.nullable(),
  sex: z.enum(['L', 'P']).nullable(),
  address: shown(300).nullable(),
  /**
   * The record number from before Loket ("RM lama", shared/old-mrn.ts). Absent from an older
   * counter's push (the hub then keeps what it has) and from an older hub's pull (the counter keeps its own).
   */
  oldMrn: shown(OLD_MRN_MAX).nullable().optional(),
  identified: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  /** Set when this record was merged into another: the survivor's uid. */
  mergedInto: uid.nullable(),
});
export type PatientRecord = z.infer<typeof patientRecord>;

export const visitRecord = z.object({
  uid,
  patientUid: uid,
  serviceDate: day,
  unit: z.string().min(1).max(20),
  /** As printed: the unit's (or emergency) prefix, behind the counter's own prefix when numbered offline. */
  queuePrefix: z.string().min(1).max(20),
  queueNo: z.number().int().positive(),
  emergency: z.boolean(),
  payer: z.enum(PAYERS),
  verdict: z.string().max(40).nullable(),
  verdictSource: z.string().max(20).nullable(),
  status: z.enum(VISIT_STATUSES),
  registeredAt: instant,
  registeredBy: shown(80),
  calledAt: instant.nullable(),
  servedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  /** The counter that registered it. */
  counter: counterId,
  /** "Panggil ulang": calls after the first, and when the last one was (a pull from an older hub has neither). */
  recalls: z.number().int().nonnegative().optional(),
  recalledAt: instant.nullable().optional(),
  /**
   * Set by the hub only (a counter's push never carries it): the registration time on the hub's
   * clock when the registering counter's clock was off; the queue orders by it (src/shared/queue-clock.ts).
   */
  queueAt: instant.nullable().optional(),
  /** Set by the hub only, as `queueAt`: the first call on the hub's clock when the calling counter's clock was off; the waits end there. */
  calledHubAt: instant.nullable().optional(),
});
export type VisitRecord = z.infer<typeof visitRecord>;

export const followUpRecord = z.object({
  uid,
  visitUid: uid,
  kind: z.string().max(40),
  reason: shown(80),
  dueAt: instant,
  createdAt: instant,
  closedAt: instant.nullable(),
  resolution: shown(200).nullable(),
});
export type FollowUpRecord = z.infer<typeof followUpRecord>;

export const printRecord = z.object({
  uid,
  visitUid: uid,
  printedAt: instant,
  clerk: shown(80),
  kind: z.enum(['print', 'reprint', 'pdf']),
  paper: z.string().max(20),
  printer: shown(120).nullable(),
});
export type PrintRecord = z.infer<typeof printRecord>;

export const recheckRecord = z.object({
  uid,
  visitUid: uid,
  checkedAt: instant,
  service: z.enum(['vclaim', 'pcare']),
  before: z.string().max(40).nullable(),
  after: z.string().max(40),
  liveStatus: z.string().max(120).nullable(),
  action: z.enum(['payer-jkn', 'none']),
});
export type RecheckRecord = z.infer<typeof recheckRecord>;

/**
 * Something a person should look at: a merge done, a likely duplicate not merged, a
 * served-vs-cancelled clash, one queue number on two visits (`same-queue-number`: params queue,
 * unit, date, name, otherNames).
 */
export const hubNotice = z.object({
  uid,
  kind: z.enum(['patient-merged', 'possible-duplicate', 'status-conflict', 'same-queue-number']),
  at: instant,
  /** The records concerned: patient uids for merges and duplicates, the visit uids for a conflict or a shared number. */
  subjects: z.array(uid).min(1).max(10),
  /** Words for the screen come from the kind; params fill them (RMs, names, statuses). */
  params: z.record(z.string(), z.string()),
});
export type HubNotice = z.infer<typeof hubNotice>;

// ---- ops (a counter's changes) ----

const opBase = { opId: uid, at: instant };
export const hubOp = z.discriminatedUnion('kind', [
  z.object({ ...opBase, kind: z.literal('patient'), record: patientRecord.omit({ mergedInto: true }) }),
  z.object({ ...opBase, kind: z.literal('visit'), record: visitRecord }),
  z.object({
    ...opBase,
    kind: z.literal('visit.status'),
    uid,
    status: z.enum(VISIT_STATUSES),
    calledAt: instant.nullable(),
    servedAt: instant.nullable(),
    cancelledAt: instant.nullable(),
  }),
  z.object({ ...opBase, kind: z.literal('visit.payer'), uid, payer: z.enum(PAYERS) }),
  z.object({ ...opBase, kind: z.literal('visit.patient'), uid, patientUid: uid }),
  /**
   * The visit moved to another unit (or a move undone): its unit and number there, and its service
   * day (a move after midnight carries last night's IGD patient into today; its undo, back).
   * Optional: a counter older than this field sends none, and the visit keeps its day.
   */
  z.object({
    ...opBase,
    kind: z.literal('visit.unit'),
    uid,
    unit: z.string().min(1).max(20),
    queuePrefix: z.string().min(1).max(20),
    queueNo: z.number().int().positive(),
    serviceDate: day.optional(),
  }),
  /** A called patient called again ("Panggil ulang"), or that undone: the count and the last call again's time. */
  z.object({ ...opBase, kind: z.literal('visit.recall'), uid, recalls: z.number().int().nonnegative(), recalledAt: instant.nullable() }),
  z.object({ ...opBase, kind: z.literal('followUp'), record: followUpRecord }),
  z.object({ ...opBase, kind: z.literal('print'), record: printRecord }),
  z.object({ ...opBase, kind: z.literal('recheck'), record: recheckRecord }),
  /**
   * Two records of one person joined at a counter by an administrator: `merged` (the record as it
   * was, so a hub that never saw it can take it) joins the survivor `survivorUid`, which keeps its RM.
   */
  z.object({ ...opBase, kind: z.literal('patient.merge'), survivorUid: uid, merged: patientRecord.omit({ mergedInto: true }) }),
]);
export type HubOp = z.infer<typeof hubOp>;

export const MAX_OPS_PER_PUSH = 500;
export const pushRequest = z.object({ ops: z.array(hubOp).max(MAX_OPS_PER_PUSH), outboxBacklog: z.number().int().nonnegative() });
export type PushRequest = z.infer<typeof pushRequest>;
export const opResult = z.object({
  opId: uid,
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** For rejected: a code (e.g. 'unknown-visit' when a change names a visit the hub has not seen). */
  reason: z.string().optional(),
});
export type PushResponse = { results: z.infer<typeof opResult>[] };

// ---- pull ----

export const MAX_PULL = 1000;
/**
 * The register a pull came from (docs/hub.md "Backups and replication"): `epoch` is the hub's
 * current one (the counter keeps it); `known` false when the counter's epoch (the `epoch` it
 * sent) is not in this hub's lineage, or a later start of the hub began below the counter's
 * cursor: a new hub, or one restored from a backup. The counter then pulls from 0 and sends its
 * whole history again.
 */
export interface RegisterLineage {
  epoch: string | null;
  known: boolean;
}

/** GET /v1/pull?after=<cursor>&limit=<n>[&epoch=<uid>]. Records come in rev order; the cursor is the last rev included. */
export interface PullResponse {
  cursor: number;
  /** More records wait above the cursor: pull again at once. */
  more: boolean;
  patients: (PatientRecord & { rev: number })[];
  /** Each visit's patient is in `patients` of the same response (as it is now), so a visit never names an unknown patient. */
  visits: (VisitRecord & { rev: number })[];
  followUps: (FollowUpRecord & { rev: number })[];
  prints: (PrintRecord & { rev: number })[];
  rechecks: (RecheckRecord & { rev: number })[];
  notices: (HubNotice & { rev: number })[];
  /** Record-number aliases: an RM that now names another patient (after a merge). */
  aliases: { mrn: string; patientUid: string; rev: number }[];
  /** The facility's settings when they changed since the cursor; null otherwise. */
  settings: FacilitySettings | null;
  /** The facility's BPJS access changed since the cursor (its revision): ask GET /v1/bpjs. Null otherwise. */
  bpjsRev?: number | null;
  /** Absent from hubs before register epochs (hub migration 012). */
  register?: RegisterLineage;
}

/** GET /v1/bpjs: the facility's BPJS access with its secrets, for an enrolled counter only; null form when none is set. */
export interface BpjsAccessResponse {
  rev: number;
  form: BpjsSettingsForm | null;
}

// ---- numbers ----

/** POST /v1/queue-number: the unit's next number for the day. Idempotent per visitUid. */
export const queueNumberRequest = z.object({ visitUid: uid, unit: z.string().min(1).max(20), serviceDate: day, prefix: z.string().min(1).max(20) });
export type QueueNumberRequest = z.infer<typeof queueNumberRequest>;
export interface QueueNumberResponse { queueNo: number }

/** POST /v1/mrn-block: a block of record numbers reserved for this counter (sequence values, formatted by the counter). */
export const mrnBlockRequest = z.object({ size: z.number().int().min(10).max(10_000) });
export interface MrnBlockResponse { first: number; last: number }

// ---- enrollment ----

/** What a one-time enrollment code carries (base64url of this JSON). */
export const enrollmentCode = z.object({
  v: z.literal(1),
  /** The hub's URLs as it knows them; the counter may be told another with --hub. */
  urls: z.array(z.string().url()).max(8),
  /** SHA-256 of the hub certificate (DER), upper-case hex with colons, as Node's fingerprint256. */
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  token: z.string().min(20).max(100),
});
export type EnrollmentCode = z.infer<typeof enrollmentCode>;

export const enrollRequest = z.object({ token: z.string().min(20).max(100) });
export interface EnrollResponse {
  counterId: string;
  /** The counter's secret: sent as `Authorization: Bearer <counterId>.<secret>` from now on. */
  secret: string;
  name: string;
  /** The prefix this counter numbers with while it cannot reach the hub; unique in the facility. */
  offlinePrefix: string;
  facility: string;
}

// ---- facility settings (set at the hub, pushed to counters) ----

/** The counter settings the facility decides; each counter keeps its printer, paper and offline prefix. */
export const FACILITY_SETTING_KEYS = ['facilityName', 'facilityCode', 'timeZone', 'units', 'emergencyUnit', 'emergencyPrefix', 'mrnFormat', 'mrnStart', 'followUpHours', 'staleAfterDays'] as const;
export type FacilitySettings = Record<string, unknown>;

// ---- status ----

export interface HubCounterStatus {
  counterId: string;
  name: string;
  offlinePrefix: string;
  revoked: boolean;
  lastContact: string | null;
  outboxBacklog: number;
  /** Ops this counter set aside because the hub refused them (they will not be sent again); absent from older hubs. */
  outboxRejected?: number;
  /** Pulled records this counter has not been able to apply for many rounds (0: none); it lacks part of the register. */
  pullStuck?: number;
  /** The last audit chain head it sent (null: none yet), with the hub's flags (src/hub/audit). */
  auditHead?: CounterAuditHead | null;
  /**
   * How far this counter's clock was ahead of the hub's at its last contact (or enrollment), in
   * whole minutes (negative: behind); null when not known (never in contact since, an older version).
   */
  clockAheadMinutes?: number | null;
  /** The clock is more than CLOCK_TOLERANCE_MINUTES (5) off: its visits are filed under a wrong date or time. */
  clockOff?: boolean;
  /** Lists whose current edition this counter cannot read (as it last said; src/shared/edition-report.ts); absent from older hubs. */
  editionsUnreadable?: string[];
  /** Lists with an unreadable edition file set aside in this counter's lists folder (healed from the hub or replaced since). */
  editionsSetAside?: string[];
  /** The time zone this counter files its visits under (as it last said); null: not known. Absent from older hubs. */
  timeZone?: string | null;
}
export interface HubStatus {
  facility: string;
  counters: HubCounterStatus[];
  /** The facility's time zone as the hub holds it (`loket hub settings`); null: not set, each counter keeps its own. Absent from older hubs. */
  timeZone?: string | null;
  /**
   * Every active counter's clock is off the hub's by about the same amount: the hub's clock is
   * likely the wrong one (hubClockLikelyOff in hub-clock.ts); null otherwise. Absent from older hubs.
   */
  hubClockOff?: HubClockOff | null;
  /**
   * A facility hub's link to its district hub (src/shared/district-link.ts); null: none (no
   * upstream.json, no --upstream-code). Absent at a district hub and from older hubs.
   */
  district?: HubDistrictLink | null;
  editions: number;
  rev: number;
}
