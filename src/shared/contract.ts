import { z } from 'zod';
import { listKindSchema } from './list-schemas';
import { LIST_FIELDS, type ImportProgress, type ImportReport, type ListPreview, type ListSummary } from './lists';
import { PAYERS, VISIT_STATUSES, type Payer, identitySchema, type FollowUp, type Patient, type MovedVisit, type QueueEntry, type RecalledVisit, type RegisteredVisit } from './counter';
import { bpjsSettingsFormSchema, type BpjsSettingsView, type BridgeLogEntry, type Connectivity, type ConnectionTest, type OnlineLookup, type RecheckRow, type RecheckRun } from './bpjs';
import type { CoreStatus } from './core-status';
import type { HubEnrollment, HubLink, HubNoticeView, SyncRound } from './hub-link';
import { FILE_PURPOSES, fileHandleSchema, type ChosenFile } from './file-handle';
import type { InputIssue } from './input-issues';
import { patientChangesSchema, type PatientUpdate } from './patient-changes';
import { calendarDate, printable, typedQuery } from './text-schemas';
import type { LookupResult } from './lookup';
import type { DailyRecap, EqualServiceReport, Recap, RegisterRow } from './reports';
import { counterSettingsSchema, type CounterSettings, type CounterSettingsView } from './settings';
import { auditEntriesInput, type AuditPage, type AuditVerifyResult } from './audit';
import { PAPERS, type Paper } from './slip';
import { patientMergeInput, patientMergePreviewInput, type PatientMergePreview, type PatientMergeResult } from './patient-merge';
import { displayNameSchema, passwordSchema, pinSchema, roleSchema, usernameSchema, type AccountView, type SessionView } from './accounts';
import type { BackupResult, DatabaseSecurityView } from './database-security';
import type { RestoreView } from './database-restore';

const isoDate = calendarDate;

/**
 * Every method the renderer may call. The preload, the IPC registration, the browser harness
 * and the renderer's typed client are all derived from this object, so a method is declared
 * once. `output` is a phantom: only its type matters.
 */
export const contract = {
  /** Looks a patient up in the current lists by NIK, card number or name (+ optional birth date). */
  lookup: {
    /** `patientId`: the record the clerk chose among those sharing the record number typed (or found by a name). */
    input: z.object({ query: typedQuery(printable(z.string().trim().min(1).max(200))), dob: isoDate.optional(), patientId: z.number().int().positive().optional() }),
    output: {} as LookupResult,
  },
  /**
   * The current lists with edition, as-of date, size and staleness. `wholeFiles` also reads every
   * current edition file whole (SQLite's quick_check), which finds a file damaged past its first
   * pages; it takes seconds for a list of millions, so only `loket lists` (its own process) asks
   * for it: the app's core must never hold a look-up behind it.
   */
  listLists: {
    input: z.object({ wholeFiles: z.boolean().optional() }).optional(),
    output: {} as ListSummary[],
  },
  /**
   * Imports a new edition of a list from a CSV or XLSX file. Runs in a worker; progress arrives
   * as `importProgress` events. The previous edition stays current until this one is complete.
   * `file`: the handle of a file chosen for 'open-list' (pickFile); never a path.
   */
  importList: {
    input: z.object({
      file: fileHandleSchema,
      list: printable(z.string().trim().min(1).max(100)),
      kind: listKindSchema,
      asOf: isoDate,
      mapping: z.partialRecord(z.enum(LIST_FIELDS), z.string().min(1)).optional(),
      /** Confirmed: the file may be another list's current edition too (else 'import/same-file-other-list'). */
      sameFileOk: z.boolean().optional(),
    }),
    output: {} as ImportReport,
  },
  /** The counter's settings (facility, time zone, units, prefixes, record-number format, deadlines). */
  getSettings: { input: z.object({}).optional(), output: {} as CounterSettingsView },
  saveSettings: { input: counterSettingsSchema, output: {} as CounterSettings },
  /** A returning patient of this facility, by NIK, card or medical-record number; null if new. */
  findPatient: {
    input: z.object({ nik: z.string().optional(), card: z.string().optional(), mrn: z.string().optional() }),
    output: {} as Patient | null,
  },
  /**
   * Records that are probably the same person: the name also spelt otherwise, the birth date exact, a slip off, or missing
   * (likely-duplicates.ts); the records holding the old RM given (`oldMrn`, "RM lama") first, whatever their name.
   */
  likelyDuplicates: {
    input: z.object({ name: printable(z.string().trim().min(1).max(120)), dob: isoDate.nullable(), oldMrn: identitySchema.shape.oldMrn }),
    output: {} as Patient[],
  },
  /** A new patient record with the next medical-record number (also without NIK: a baby, a visitor). */
  createPatient: { input: identitySchema, output: {} as Patient },
  /**
   * Corrects a patient's record after registration (a typo in the name, a wrong birth date, NIK,
   * card, sex or address): only the fields given change, each judged as when a record is made. A
   * NIK or card another record here holds is refused (`patient/nik-taken`, `patient/card-taken`,
   * naming that record). The record number never changes. An emergency patient without identity
   * is refused (`patient/unidentified`): attachIdentity gives them one.
   */
  updatePatient: { input: z.object({ patientId: z.number().int().positive(), changes: patientChangesSchema }), output: {} as PatientUpdate },
  /**
   * Two records of one person, by the RMs typed: both side by side (visits, last visit) and the NIK
   * or card the survivor would take, for the confirmation. Refused as mergePatients would be
   * (different NIKs or cards, an emergency without identity, an RM already merged or held by two).
   */
  previewMergePatients: { input: patientMergePreviewInput, output: {} as PatientMergePreview },
  /**
   * Joins the record `mergedId` into `survivorId` (an administrator's; audited): its visits and
   * RM go to the survivor, which takes the NIK or card it lacked (never replacing one), and the
   * record leaves every search and list. Enrolled: the hub does the same and every counter pulls it.
   */
  mergePatients: { input: patientMergeInput, output: {} as PatientMergeResult },
  /** Registers a visit with the next queue number of the unit; the payer is recorded, nothing else changes. */
  registerVisit: {
    input: z.object({
      patientId: z.number().int().positive(),
      unit: z.string().min(1),
      verdict: z.enum(['eligible', 'not-eligible', 'unknown']).nullable(),
      /** Where the verdict came from: the lists only (re-checked later when BPJS is configured) or a live BPJS answer. */
      verdictSource: z.enum(['lists', 'bpjs-live']).optional(),
      payer: z.enum(PAYERS).optional(),
      confirmDuplicate: z.boolean().optional(),
    }),
    output: {} as RegisteredVisit,
  },
  /**
   * A new patient's record and first visit together, in one transaction: nothing is written
   * before the clerk registers (a cancelled registration leaves no record). A NIK already on a
   * record here is refused (`patient/nik-exists`). Same rules for unit, verdict and payer as registerVisit.
   */
  registerNewPatient: {
    input: z.object({
      identity: identitySchema,
      unit: z.string().min(1),
      verdict: z.enum(['eligible', 'not-eligible', 'unknown']).nullable(),
      verdictSource: z.enum(['lists', 'bpjs-live']).optional(),
      payer: z.enum(PAYERS).optional(),
    }),
    output: {} as RegisteredVisit & { patient: Patient },
  },
  /** An emergency, at once: no eligibility check, no identity required. */
  registerEmergency: {
    input: z.object({ patientId: z.number().int().positive().optional() }),
    output: {} as RegisteredVisit & { patient: Patient },
  },
  /** The day's queue in the facility's time zone, per unit or all. */
  dayQueue: { input: z.object({ unit: z.string().optional() }), output: {} as QueueEntry[] },
  callNext: { input: z.object({ unit: z.string().min(1) }), output: {} as QueueEntry | null },
  setVisitStatus: {
    input: z.object({ visitId: z.number().int().positive(), status: z.enum(VISIT_STATUSES) }),
    output: {} as { ok: true },
  },
  /**
   * Moves a waiting or called visit to another unit: the unit's next number (the hub's when
   * enrolled), its place by arrival kept, waiting there. A served or cancelled visit is refused
   * (`visit/move-served`, `visit/move-cancelled`), so is its own unit and a unit the patient is already registered in.
   */
  moveVisit: {
    input: z.object({ visitId: z.number().int().positive(), unit: z.string().min(1) }),
    output: {} as MovedVisit,
  },
  /** Undo of the visit's newest move (Ctrl+Z): back to its unit, number and status, while it still waits where the move put it. */
  undoMoveVisit: { input: z.object({ visitId: z.number().int().positive() }), output: {} as MovedVisit },
  /** "Panggil ulang": a called patient called again (counted; the first call's time stays). `undo` takes one back. */
  recallVisit: {
    input: z.object({ visitId: z.number().int().positive(), undo: z.boolean().optional() }),
    output: {} as RecalledVisit,
  },
  /** Visits whose payer or identity is still open, soonest deadline first. */
  openFollowUps: { input: z.object({}).optional(), output: {} as FollowUp[] },
  /** Sets a visit's payer (any of PAYERS; 'pending' reopens its follow-up); says the payer before, for Undo. */
  setPayer: {
    input: z.object({ visitId: z.number().int().positive(), payer: z.enum(PAYERS) }),
    output: {} as { ok: true; previous: Payer; payer: Payer },
  },
  /**
   * Looks the visit's patient up again in the current lists; an open payer becomes the one the
   * counter proposes (JKN, or Jamkesda for a Jamkesda-only member). `noNumber`: the record has no
   * NIK or card, so nothing was looked up (the clerk adds one with F3, then re-checks).
   */
  recheckPayer: {
    input: z.object({ visitId: z.number().int().positive() }),
    output: {} as { verdict: 'eligible' | 'not-eligible' | 'unknown'; payer: Payer; noNumber?: true },
  },
  /** An identity typed (or taken from the lists), or a record of this facility picked by id; joined says an existing record was used. */
  attachIdentity: {
    input: z.union([
      z.object({ visitId: z.number().int().positive(), identity: identitySchema }),
      z.object({ visitId: z.number().int().positive(), patientId: z.number().int().positive() }),
    ]),
    output: {} as { patientId: number; joined: boolean; mrn: string; name: string },
  },
  /** The register: every visit of a range of local dates with its times and payer. */
  visitRegister: { input: z.object({ from: isoDate, to: isoDate.optional() }), output: {} as RegisterRow[] },
  /** One day's recap by unit, by payer and by hour (kept for older callers; `recap` takes a range). */
  dailyRecap: { input: z.object({ date: isoDate }), output: {} as DailyRecap },
  /** The recap of a range of local dates (both included; `to` defaults to `from`) by unit, payer, day and hour. */
  recap: { input: z.object({ from: isoDate, to: isoDate.optional() }), output: {} as Recap },
  /** Median and 90th-percentile waiting time by payer per unit: payer must change nothing. */
  equalServiceReport: { input: z.object({ from: isoDate, to: isoDate }), output: {} as EqualServiceReport },
  /**
   * Writes the register, the equal-service report or the recap to a CSV or XLSX file, in the
   * caller's language (`lang`; default 'id') with local times of the facility.
   * `file`: a handle chosen for 'save-csv' or 'save-xlsx' as `format` says; the answer names the file.
   */
  exportReport: {
    input: z.object({
      report: z.enum(['register', 'equal-service', 'recap']),
      from: isoDate,
      to: isoDate,
      format: z.enum(['csv', 'xlsx']),
      file: fileHandleSchema,
      lang: z.enum(['id', 'en']).optional(),
    }),
    output: {} as { name: string; rows: number },
  },
  /** The intake slip of a visit as HTML (preview); the same for every payer. Worded in `lang` (default 'id'), as are the print and the PDF. */
  slipHtml: {
    input: z.object({ visitId: z.number().int().positive(), paper: z.enum(PAPERS).optional(), lang: z.enum(['id', 'en']).optional() }),
    output: {} as { html: string; paper: Paper },
  },
  /** Prints the slip silently to the configured printer (desktop app only); every print is logged. */
  printSlip: {
    input: z.object({ visitId: z.number().int().positive(), paper: z.enum(PAPERS).optional(), reprint: z.boolean().optional(), lang: z.enum(['id', 'en']).optional() }),
    output: {} as { printer: string; paper: Paper },
  },
  /** Saves the slip as a PDF file (desktop app only) to a handle chosen for 'save-pdf'; logged like a print. */
  exportSlipPdf: {
    input: z.object({ visitId: z.number().int().positive(), file: fileHandleSchema, paper: z.enum(PAPERS).optional(), lang: z.enum(['id', 'en']).optional() }),
    output: {} as { name: string },
  },
  /** Reads a list file's header and first rows without importing: the mapping to check. `file`: an 'open-list' handle. */
  inspectListFile: {
    input: z.object({ file: fileHandleSchema, mapping: z.partialRecord(z.enum(LIST_FIELDS), z.string().min(1)).optional() }),
    output: {} as ListPreview,
  },
  /** Writes the rejected rows (and warnings) of a list's current edition to a CSV file (a 'save-csv' handle), worded in `lang` (default 'id'). */
  exportImportIssues: {
    input: z.object({ list: z.string().trim().min(1), file: fileHandleSchema, lang: z.enum(['id', 'en']).optional() }),
    output: {} as { name: string; rows: number },
  },
  /**
   * Writes the members of a list's current edition to a CSV or XLSX file (a 'save-csv' or
   * 'save-xlsx' handle as `format` says), worded in `lang` (default 'id'). NIKs and card numbers
   * are masked unless `full` (an administrator's explicit choice). Administrator only.
   */
  exportMembers: {
    input: z.object({ list: z.string().trim().min(1), format: z.enum(['csv', 'xlsx']), file: fileHandleSchema, lang: z.enum(['id', 'en']).optional(), full: z.boolean().optional() }),
    output: {} as { name: string; rows: number; full: boolean },
  },
  /**
   * Asks the person for a file to open or a place to save (the desktop app's dialogs). The path
   * stays in the core: the window gets an opaque handle, valid for this purpose only and for a
   * while, and the file's name to show. Null when cancelled, or where no dialog exists (the
   * browser harness, whose own `registerTypedPath` turns a typed path into a handle).
   */
  pickFile: {
    input: z.object({ purpose: z.enum(FILE_PURPOSES), suggestedName: z.string().max(255).optional() }),
    output: {} as { file: ChosenFile | null },
  },
  /** Brings back the previous edition of a list (one step). */
  rollbackList: {
    input: z.object({ list: z.string().trim().min(1) }),
    output: {} as ListSummary,
  },
  /**
   * The live half of a look-up: asks BPJS by NIK or card (never waits longer than the configured
   * timeout and one retry), keeps the answer, and returns the look-up again with it. The counter
   * shows `lookup` at once and this when it arrives.
   */
  lookupOnline: {
    input: z.object({ query: typedQuery(printable(z.string().trim().min(1).max(200))), patientId: z.number().int().positive().optional() }),
    output: {} as OnlineLookup,
  },
  /** The status bar's BPJS state; changes also arrive as `connectivity` events. */
  connectivity: { input: z.object({}).optional(), output: {} as Connectivity },
  /** BPJS access settings, without any secret. */
  getBpjsSettings: { input: z.object({}).optional(), output: {} as BpjsSettingsView },
  /** Saves them; a secret left empty keeps the saved one. Secrets are stored encrypted, never returned. */
  saveBpjsSettings: { input: bpjsSettingsFormSchema, output: {} as BpjsSettingsView },
  /** One signed call to a service with the form's values (empty secrets: the saved ones); says in plain words what is wrong. */
  testBpjsConnection: {
    input: z.object({ service: z.enum(['vclaim', 'pcare']), form: bpjsSettingsFormSchema.optional() }),
    output: {} as ConnectionTest,
  },
  /** Re-checks now what waits for BPJS (it also runs by itself when BPJS comes back). */
  recheckNow: { input: z.object({}).optional(), output: {} as RecheckRun },
  /** Re-check results of a range of local dates; `changedOnly` (default true) keeps the ones whose answer changed. */
  reconciliation: {
    input: z.object({ from: isoDate, to: isoDate.optional(), changedOnly: z.boolean().optional() }),
    output: {} as RecheckRow[],
  },
  /** The latest calls to BPJS (identifiers masked, no secrets), newest first. */
  bridgeLog: { input: z.object({ limit: z.number().int().min(1).max(1000).optional() }), output: {} as BridgeLogEntry[] },
  /** Writes the bridge log to a CSV or XLSX file for the IT officer, in the caller's language with local times. */
  exportBridgeLog: {
    input: z.object({ file: fileHandleSchema, format: z.enum(['csv', 'xlsx']), lang: z.enum(['id', 'en']).optional() }),
    output: {} as { name: string; rows: number },
  },
  /** How the database is protected: encrypted, where its key is kept, a warning when weaker than it should be. */
  databaseSecurity: { input: z.object({}).optional(), output: {} as DatabaseSecurityView },
  /** A new random key for the main file and every edition file (crash-safe; see docs/encryption.md). Old backups keep the old key. */
  rekeyDatabase: { input: z.object({}).optional(), output: {} as DatabaseSecurityView },
  /** Writes the database key to a 'save-key' handle, for the administrator to keep away from this PC. */
  exportRecoveryKey: { input: z.object({ file: fileHandleSchema }), output: {} as { name: string } },
  /** An online, encrypted copy of the database (and its editions beside it) at a 'save-backup' handle. */
  backupDatabase: { input: z.object({ file: fileHandleSchema }), output: {} as BackupResult },
  /**
   * Puts a backup (an 'open-backup' handle) back as the database, opened with its recovery key (an
   * 'open-key' handle): the program hosting the core (the app's main process, the harness) stops
   * the core, runs the restore (store/database-restore.ts) and starts the core again; the core
   * itself refuses it (it holds the files). `force`: although the replaced database holds changes
   * the hub has not received, or the backup predates the enrolment (a second confirmation).
   */
  restoreBackup: { input: z.object({ backup: fileHandleSchema, keyFile: fileHandleSchema, force: z.boolean().optional() }), output: {} as RestoreView },
  /** The link to the facility hub (state 'none' when this counter works on its own); changes also arrive as `hubLink` events. */
  hubLink: { input: z.object({}).optional(), output: {} as HubLink },
  /**
   * Joins the facility hub with the one-time code its administrator made (`loket hub counter
   * add`): the hub's certificate is pinned, the counter's credential stored sealed, and the
   * counter's records start to sync. `hubUrl` overrides the address inside the code.
   */
  enrollHub: {
    input: z.object({ hubUrl: z.string().trim().url().max(300).optional(), code: z.string().trim().min(20).max(4000) }),
    output: {} as HubEnrollment,
  },
  /** One sync round with the hub now (it also runs by itself every second while connected). */
  syncNow: { input: z.object({}).optional(), output: {} as SyncRound },
  /** What the hub asks a person to look at: merged patients, likely duplicates, clashes (not yet marked seen). */
  hubNotices: { input: z.object({}).optional(), output: {} as HubNoticeView[] },
  markHubNoticeSeen: { input: z.object({ uid: z.string().uuid() }), output: {} as { ok: true } },
  /** The counter's session (phase, the account, the clerks who may switch in with a PIN); changes also arrive as `session` events. */
  sessionState: { input: z.object({}).optional(), output: {} as SessionView },
  /** The first administrator of a new counter (only while no account exists); signs them in. */
  setupAdmin: {
    input: z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema, pin: pinSchema.optional() }),
    output: {} as SessionView,
  },
  /** Signs in with username and password (also over a locked session: the locked work is closed). */
  signIn: { input: z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }), output: {} as SessionView },
  /** Another clerk takes the counter with their PIN (only one who signed in with the password here before). */
  switchClerk: { input: z.object({ username: z.string().trim().min(1).max(40), pin: z.string().min(1).max(6) }), output: {} as SessionView },
  /** The locked account comes back with its password or its PIN. */
  unlock: { input: z.object({ secret: z.string().min(1).max(200) }), output: {} as SessionView },
  /** Locks the screen over the current work (the same account, or a PIN switch, opens it again). */
  lockSession: { input: z.object({}).optional(), output: {} as SessionView },
  signOut: { input: z.object({}).optional(), output: {} as SessionView },
  /** Every account of the counter (administrators only). */
  listAccounts: { input: z.object({}).optional(), output: {} as AccountView[] },
  /**
   * Adds or changes an account; a password or PIN left out keeps the saved one (a new account needs a password).
   * `create`: this is meant as a new account (Tambah akun, `loket account add`): refused when the
   * username is taken, in any case, so an existing account is never replaced by a new one's role and password.
   */
  saveAccount: {
    input: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      password: passwordSchema.optional(),
      pin: pinSchema.optional(),
      disabled: z.boolean().optional(),
      create: z.boolean().optional(),
    }),
    output: {} as AccountView,
  },
  /** Lifts an account's lock-out after too many wrong passwords or PINs (administrators only). */
  unlockAccount: { input: z.object({ username: z.string().trim().min(1).max(40) }), output: {} as AccountView },
  /** Sets the signed-in person's own quick-switch PIN, confirmed with their password. */
  setOwnPin: { input: z.object({ password: z.string().min(1).max(200), pin: pinSchema }), output: {} as SessionView },
  changeOwnPassword: { input: z.object({ current: z.string().min(1).max(200), next: passwordSchema }), output: {} as SessionView },
  /** The audit trail, newest first, paged (`before`: the previous page's nextBefore) and filtered; `person`: a NIK or card (who looked this person up). */
  auditEntries: { input: auditEntriesInput, output: {} as AuditPage },
  /** Checks the audit trail's hash chain and the heads the hub acknowledged. */
  verifyAudit: { input: z.object({}).optional(), output: {} as AuditVerifyResult },
  /** Writes the audit entries of a range of local dates to a CSV or XLSX file (identifiers masked); itself audited. */
  exportAudit: {
    input: z.object({ from: isoDate, to: isoDate, format: z.enum(['csv', 'xlsx']), file: fileHandleSchema, lang: z.enum(['id', 'en']).optional() }),
    output: {} as { name: string; rows: number },
  },
} as const;

/** Events pushed from the core to the renderer. */
export interface ContractEvents {
  importProgress: ImportProgress;
  /** The BPJS connection changed state (or a re-check ran). */
  connectivity: Connectivity;
  /** The desktop app's core process stopped, is restarting or is running again (never sent by the harness). */
  coreStatus: CoreStatus;
  /** The link to the facility hub changed (connected, unreachable, refused, backlog). */
  hubLink: HubLink;
  /** The session changed (signed in, locked, switched, signed out; the auto-lock setting). */
  session: SessionView;
}
export const EVENT_NAMES = ['importProgress', 'connectivity', 'coreStatus', 'hubLink', 'session'] as const satisfies readonly (keyof ContractEvents)[];

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export interface ContractError {
  /**
   * Stable code for programs (e.g. 'invalid-input', 'list-file/not-a-list'): a key of the shared
   * catalog (src/shared/i18n). There are no words here: one core serves callers in different
   * languages, so each caller words the error itself (formatContractError, src/shared/i18n/format-error.ts).
   */
  code: string;
  /** The message's parameters (e.g. the unit and number of a duplicate). */
  params?: Record<string, string | number>;
  /** For 'invalid-input': each field's problem (path, kind, bound), for a screen to name the field as it labels it. */
  issues?: InputIssue[];
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** What `window.loket` looks like: one async function per method, plus event subscription. */
export type LoketApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
} & {
  on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void): () => void;
};

/** The channel name a method travels on over IPC. */
export const channelOf = (method: MethodName): string => `loket:${method}`;
export const eventChannelOf = (event: keyof ContractEvents): string => `loket-event:${event}`;
