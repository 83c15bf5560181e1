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
  registerEmergency: 'open',

  lockSession: 'emergency',
  signOut: 'emergency',
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

/**
 * The one rule that depends on a call's input: without a session (signed out, or before the
 * first account) an emergency is registered for an unknown patient only. Naming a patient
 * (`patientId`) would answer their record to someone nobody signed in.
 */
export function inputRefusal(method: MethodName, phase: SessionPhase, input: unknown): AccessRefusal | null {
  if (method !== 'registerEmergency' || phase === 'signed-in' || phase === 'locked') return null;
  const named = typeof input === 'object' && input !== null && (input as { patientId?: unknown }).patientId !== undefined;
  return named ? 'session/required' : null;
}

/** The access of a method by name (a name not in the contract has none: refused as forbidden). */
export const methodAccessOf = (method: MethodName): MethodAccess => METHOD_ACCESS[method];
