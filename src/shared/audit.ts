import { z } from 'zod';
import { calendarDate } from './text-schemas';

/** What the audit trail records (docs/audit.md says when each is written). */
export const AUDIT_ACTIONS = [
  'lookup', 'register', 'emergency', 'print', 'override', 'payer-change', 'visit-status', 'import', 'rollback', 'settings',
  'login', 'login-failed', 'logout', 'lock', 'export', 'rekey', 'account-change', 'refused',
  'patient-change', 'visit-move', 'patient-merge', 'restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The actor when nobody is signed in: a refusal (dispatch's access check), an emergency registered
 * at a counter nobody opened, a failed sign-in. A form no username can take (usernames have no
 * `:`), so no account reads as nobody; the audit words it "(tidak ada yang masuk)".
 */
export const NO_SESSION_ACTOR = 'loket:no-session';
/**
 * What earlier versions wrote for a refusal with nobody signed in (their emergencies and failed
 * sign-ins: `loket`). Still worded as nobody; both names are reserved (RESERVED_USERNAMES).
 */
export const LEGACY_NO_SESSION_ACTOR = 'no-session';
/** The actor prefix of what the facility hub changed here (`hub:<facility>`): no clerk did it. */
export const HUB_ACTOR_PREFIX = 'hub:';
/** The actor prefix of the `loket` command (`cli:<os user>`). */
export const CLI_ACTOR_PREFIX = 'cli:';
/** The actor prefix of what a counter did at the facility hub (`counter:<name>`, the hub's own log: `loket hub audit`). */
export const COUNTER_ACTOR_PREFIX = 'counter:';
/** Who changed a payer when the automatic BPJS re-check did. */
export const RECHECK_ACTOR = 'loket:recheck';

/** A detail value: plain data only (it is stored as canonical JSON and hashed). */
export type AuditDetail = Record<string, string | number | boolean | null | string[]>;

/** One entry as the audit screen and the export see it. */
export interface AuditEntryView {
  seq: number;
  /** ISO instant (UTC). */
  at: string;
  actor: string;
  action: AuditAction | string;
  subject: string | null;
  detail: AuditDetail;
}

export const auditEntriesInput = z.object({
  /** Local calendar dates of the facility, both included. */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** A patient id, record number, list name… as stored in the subject column. */
  subject: z.string().trim().min(1).max(200).optional(),
  /** A NIK or card number: entries whose query or subject is that person (a data subject's request). */
  person: z.string().trim().min(1).max(40).optional(),
  limit: z.number().int().min(1).max(500),
  /** Paging: entries with a seq below this one (the last seq of the previous page). */
  before: z.number().int().positive().optional(),
});
export type AuditEntriesQuery = z.output<typeof auditEntriesInput>;

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextBefore: number | null;
}

/** `loket audit verify` and the screen's "Verify chain". */
export interface AuditVerifyResult {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The seq of the first entry not as written (or the first missing one); null when whole. */
  firstBroken: number | null;
  reason: 'gap' | 'prev-hash' | 'hash' | 'head-mismatch' | 'truncated' | null;
  /** The newest head the hub acknowledged that the chain was checked against; null if none. */
  hubHead: { seq: number; hash: string } | null;
  /** The chain's head now. */
  head: { seq: number; hash: string } | null;
}
