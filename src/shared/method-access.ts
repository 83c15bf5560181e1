import type { Role, SessionPhase } from './accounts';
import type { MethodName } from './contract';

/**
 * Who may call a contract method (checked by the core's dispatch before the method runs):
 * - 'open': in any phase, even before the first account exists or while locked;
 * - 'emergency': with a session, signed in or locked (an emergency is never blocked by the lock screen);
 * - 'self': signed in, whatever the role (one's own PIN and password, choosing a file);
 * - 'counter': signed in as a clerk or an administrator (the counter's daily work);
 * - 'admin': signed in as an administrator;
 * - 'audit': signed in as a data officer or an administrator (the audit log).
 */
export type MethodAccess = 'open' | 'emergency' | 'self' | 'counter' | 'admin' | 'audit';

export const METHOD_ACCESS = {
  sessionState: 'open',
  setupAdmin: 'open',
  signIn: 'open',
  switchClerk: 'open',
  unlock: 'open',
  getSettings: 'open',
  connectivity: 'open',
  hubLink: 'open',
  // An emergency is never blocked by a check: not by the sign-in screen either. Its slip waits for a
  // session (slipHtml/printSlip below), so nobody signed out can read another patient's slip.
  // Without a signed-in session, for an unknown patient only (inputRefusal).
  registerEmergency: 'open',

  lockSession: 'emergency',
  signOut: 'emergency',
  // Locked: only the slips of the emergencies registered behind this lock (inputRefusal).
  slipHtml: 'emergency',
  printSlip: 'emergency',

  setOwnPin: 'self',
  changeOwnPassword: 'self',
  pickFile: 'self',

  lookup: 'counter',
  lookupOnline: 'counter',
  listLists: 'counter',
  findPatient: 'counter',
  likelyDuplicates: 'counter',
  createPatient: 'counter',
  updatePatient: 'counter',
  registerVisit: 'counter',
  registerNewPatient: 'counter',
  dayQueue: 'counter',
  callNext: 'counter',
  setVisitStatus: 'counter',
  moveVisit: 'counter',
  undoMoveVisit: 'counter',
  recallVisit: 'counter',
  openFollowUps: 'counter',
  setPayer: 'counter',
  recheckPayer: 'counter',
  attachIdentity: 'counter',
  visitRegister: 'counter',
  dailyRecap: 'counter',
  recap: 'counter',
  equalServiceReport: 'counter',
  exportReport: 'counter',
  exportSlipPdf: 'counter',
  recheckNow: 'counter',
  reconciliation: 'counter',
  syncNow: 'counter',
  hubNotices: 'counter',
  markHubNoticeSeen: 'counter',

  saveSettings: 'admin',
  importList: 'admin',
  inspectListFile: 'admin',
  rollbackList: 'admin',
  exportImportIssues: 'admin',
  getBpjsSettings: 'admin',
  saveBpjsSettings: 'admin',
  testBpjsConnection: 'admin',
  bridgeLog: 'admin',
  exportBridgeLog: 'admin',
  enrollHub: 'admin',
  listAccounts: 'admin',
  saveAccount: 'admin',
  unlockAccount: 'admin',
  exportMembers: 'admin',
  // Joining two records of one person changes medical-record identity: the administrator's.
  previewMergePatients: 'admin',
  mergePatients: 'admin',
  // The database key: its state, a new key, the recovery key, an encrypted backup.
  databaseSecurity: 'admin',
  rekeyDatabase: 'admin',
  exportRecoveryKey: 'admin',
  backupDatabase: 'admin',
  // The audit trail: the data officer's, and the administrator's.
  auditEntries: 'audit',
  verifyAudit: 'audit',
  exportAudit: 'audit',
} as const satisfies Record<MethodName, MethodAccess>;

/** Why a call is refused: no usable session (none, or locked), or the role may not. */
export type AccessRefusal = 'session/required' | 'session/forbidden';

/**
 * Whether a session in `phase` with `role` may call a method of `access`: null when it may,
 * else the refusal. One rule for the core's dispatch and for the screens' navigation.
 */
export function accessRefusal(access: MethodAccess, phase: SessionPhase, role: Role | null): AccessRefusal | null {
  if (access === 'open') return null;
  if (access === 'emergency') return phase === 'signed-in' || phase === 'locked' ? null : 'session/required';
  if (phase !== 'signed-in' || role === null) return 'session/required';
  if (access === 'self') return null;
  if (access === 'counter') return role === 'admin' || role === 'clerk' ? null : 'session/forbidden';
  if (access === 'admin') return role === 'admin' ? null : 'session/forbidden';
  return role === 'admin' || role === 'data-officer' ? null : 'session/forbidden';
}

/** What the rules that read a call's input need to know of the caller. */
export interface InputCaller {
  phase: SessionPhase;
  /** The emergency visits registered behind the present lock (locked only). */
  lockEmergencies: readonly number[];
}

/**
 * The rules that depend on a call's input, for the calls a counter without a usable session may
 * still make (an emergency is never blocked, and its slip shows over the lock):
 * - without a signed-in session (signed out, before the first account, or locked) an emergency is
 *   registered for an unknown patient only. Naming a patient (`patientId`) would answer their whole
 *   record to whoever stands at a counter nobody opened; behind the lock the patient on screen may
 *   not even be the one at the counter. The screens ask for an unidentified emergency there.
 * - locked, a slip is shown or printed only for an emergency registered behind this lock: any other
 *   visit's slip is another patient's data and waits for the unlock.
 */
export function inputRefusal(method: MethodName, caller: InputCaller, input: unknown): AccessRefusal | null {
  if (caller.phase === 'signed-in') return null;
  if (method === 'registerEmergency') return fieldOf(input, 'patientId') !== undefined ? 'session/required' : null;
  if (caller.phase === 'locked' && (method === 'slipHtml' || method === 'printSlip')) {
    const visitId = fieldOf(input, 'visitId');
    return typeof visitId === 'number' && caller.lockEmergencies.includes(visitId) ? null : 'session/required';
  }
  return null;
}

const fieldOf = (input: unknown, key: string): unknown => (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined);

/** The access of a method by name (a name not in the contract has none: refused as forbidden). */
export const methodAccessOf = (method: MethodName): MethodAccess => METHOD_ACCESS[method];
