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
  // For an unknown patient only, unless a clerk or an administrator is signed in (inputRefusal).
  registerEmergency: 'open',

  lockSession: 'emergency',
  signOut: 'emergency',
  // Locked, or a role without counter work: only the slips of its own emergencies (inputRefusal).
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
  restoreBackup: 'admin',
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
  role: Role | null;
  /**
   * The emergency visits registered in the present stretch of the session: behind the present
   * lock when locked, since the sign-in or unlock when signed in.
   */
  emergencies: readonly number[];
}

/** Whether a role does the counter's work with patients (look-ups, registration, slips). */
const doesCounterWork = (role: Role | null): boolean => accessRefusal('counter', 'signed-in', role) === null;

/**
 * The rules that depend on a call's input, for the calls a caller without the counter's work may
 * still make (an emergency is never blocked, and its slip shows over the lock):
 * - an emergency naming a patient (`patientId`) is counter work: its answer is the patient's whole
 *   record (NIK, card, birth date, address). Without a signed-in session (signed out, before the
 *   first account, or locked) it is refused with session/required: at a counter nobody opened, or
 *   behind the lock, the patient on screen may not even be the one at the counter. Signed in as a
 *   role without counter work (the data officer) it is refused with session/forbidden. The
 *   screens ask for an unidentified emergency there, which stays open to everyone.
 * - a slip is another patient's data: locked, or signed in as a role without counter work, it is
 *   shown or printed only for an emergency registered in the present stretch of the session (behind
 *   this lock; since this sign-in). Any other waits for the unlock (session/required) or is not
 *   the role's (session/forbidden).
 */
export function inputRefusal(method: MethodName, caller: InputCaller, input: unknown): AccessRefusal | null {
  const signedIn = caller.phase === 'signed-in';
  if (signedIn && doesCounterWork(caller.role)) return null;
  const refusal: AccessRefusal = signedIn ? 'session/forbidden' : 'session/required';
  if (method === 'registerEmergency') return fieldOf(input, 'patientId') !== undefined ? refusal : null;
  if ((signedIn || caller.phase === 'locked') && (method === 'slipHtml' || method === 'printSlip')) {
    const visitId = fieldOf(input, 'visitId');
    return typeof visitId === 'number' && caller.emergencies.includes(visitId) ? null : refusal;
  }
  return null;
}

const fieldOf = (input: unknown, key: string): unknown => (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined);

/** The access of a method by name (a name not in the contract has none: refused as forbidden). */
export const methodAccessOf = (method: MethodName): MethodAccess => METHOD_ACCESS[method];
