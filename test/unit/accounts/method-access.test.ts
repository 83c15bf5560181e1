import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, SESSION_PHASES, type Role, type SessionPhase } from '../../../src/shared/accounts';
import { METHOD_NAMES } from '../../../src/shared/contract';
import { METHOD_ACCESS, accessRefusal, inputRefusal, type MethodAccess } from '../../../src/shared/method-access';

/** Every pair a session can be in: no role without an account, a role with one. */
const SESSIONS: { phase: SessionPhase; role: Role | null }[] = [
  { phase: 'setup', role: null },
  { phase: 'signed-out', role: null },
  ...ROLES.flatMap((role) => [{ phase: 'locked' as const, role }, { phase: 'signed-in' as const, role }]),
];
const label = (s: { phase: SessionPhase; role: Role | null }): string => (s.role ? `${s.phase}:${s.role}` : s.phase);
const passing = (access: MethodAccess): string[] => SESSIONS.filter((s) => accessRefusal(access, s.phase, s.role) === null).map(label);

describe('who may call what', () => {
  it('each access level lets exactly these sessions through', () => {
    expect(passing('open')).toEqual(SESSIONS.map(label));
    expect(passing('emergency')).toEqual(['locked:admin', 'signed-in:admin', 'locked:clerk', 'signed-in:clerk', 'locked:data-officer', 'signed-in:data-officer']);
    expect(passing('self')).toEqual(['signed-in:admin', 'signed-in:clerk', 'signed-in:data-officer']);
    expect(passing('counter')).toEqual(['signed-in:admin', 'signed-in:clerk']);
    expect(passing('admin')).toEqual(['signed-in:admin']);
    expect(passing('audit')).toEqual(['signed-in:admin', 'signed-in:data-officer']);
  });

  it('without a usable session the refusal is session/required, with the wrong role session/forbidden', () => {
    expect(accessRefusal('counter', 'locked', 'clerk')).toBe('session/required');
    expect(accessRefusal('admin', 'signed-out', null)).toBe('session/required');
    expect(accessRefusal('emergency', 'setup', null)).toBe('session/required');
    expect(accessRefusal('admin', 'signed-in', 'clerk')).toBe('session/forbidden');
    expect(accessRefusal('counter', 'signed-in', 'data-officer')).toBe('session/forbidden');
    expect(accessRefusal('audit', 'signed-in', 'clerk')).toBe('session/forbidden');
  });

  it('an administrator may call every method when signed in; nobody may call a closed method signed out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHOD_NAMES), fc.constantFrom<SessionPhase>(...SESSION_PHASES), fc.constantFrom<Role>(...ROLES), (method, phase, role) => {
        const access = METHOD_ACCESS[method];
        expect(accessRefusal(access, 'signed-in', 'admin')).toBeNull();
        if (phase === 'setup' || phase === 'signed-out') expect(accessRefusal(access, phase, null) === null).toBe(access === 'open');
        // Locked: only what an emergency needs (and the ways back in) passes.
        if (phase === 'locked') expect(accessRefusal(access, phase, role) === null).toBe(access === 'open' || access === 'emergency');
      }),
    );
  });

  it('an emergency passes behind the lock screen; registering a normal visit does not', () => {
    for (const role of ROLES) {
      for (const method of ['registerEmergency', 'slipHtml', 'printSlip'] as const) expect(accessRefusal(METHOD_ACCESS[method], 'locked', role)).toBeNull();
      expect(accessRefusal(METHOD_ACCESS.registerVisit, 'locked', role)).toBe('session/required');
    }
  });

  it('the ways in are open in every phase; the accounts admin is administrators only', () => {
    for (const method of ['sessionState', 'setupAdmin', 'signIn', 'switchClerk', 'unlock', 'getSettings', 'connectivity', 'hubLink'] as const) expect(METHOD_ACCESS[method]).toBe('open');
    for (const method of ['listAccounts', 'saveAccount', 'unlockAccount', 'saveSettings', 'importList', 'enrollHub', 'saveBpjsSettings'] as const) expect(METHOD_ACCESS[method]).toBe('admin');
  });

  it('without a signed-in session an emergency names nobody; locked, only the lock’s own emergencies have a slip', () => {
    const signedIn = { phase: 'signed-in' as const, role: 'clerk' as const, emergencies: [] };
    const locked = { phase: 'locked' as const, role: 'clerk' as const, emergencies: [7] };
    for (const phase of ['setup', 'signed-out', 'locked'] as const) {
      expect(inputRefusal('registerEmergency', { phase, role: null, emergencies: [] }, { patientId: 3 })).toBe('session/required');
      expect(inputRefusal('registerEmergency', { phase, role: null, emergencies: [] }, {})).toBeNull();
    }
    expect(inputRefusal('registerEmergency', signedIn, { patientId: 3 })).toBeNull();
    for (const method of ['slipHtml', 'printSlip'] as const) {
      expect(inputRefusal(method, locked, { visitId: 7 })).toBeNull();
      expect(inputRefusal(method, locked, { visitId: 8 })).toBe('session/required');
      expect(inputRefusal(method, locked, { visitId: '7' })).toBe('session/required');
      expect(inputRefusal(method, locked, null)).toBe('session/required');
      expect(inputRefusal(method, signedIn, { visitId: 8 })).toBeNull();
    }
    // Any other method's input is not this rule's business (the access level decides).
    fc.assert(
      fc.property(fc.constantFrom(...METHOD_NAMES.filter((m) => !['registerEmergency', 'slipHtml', 'printSlip'].includes(m))), fc.constantFrom<SessionPhase>(...SESSION_PHASES), fc.anything(), (method, phase, input) => {
        expect(inputRefusal(method, { phase, role: null, emergencies: [] }, input)).toBeNull();
      }),
    );
  });

  it('signed in without counter work (the data officer), an emergency names nobody and only its own emergencies have a slip', () => {
    const officer = { phase: 'signed-in' as const, role: 'data-officer' as const, emergencies: [7] };
    expect(inputRefusal('registerEmergency', officer, { patientId: 3 })).toBe('session/forbidden');
    expect(inputRefusal('registerEmergency', officer, {})).toBeNull();
    for (const method of ['slipHtml', 'printSlip'] as const) {
      expect(inputRefusal(method, officer, { visitId: 7 })).toBeNull();
      expect(inputRefusal(method, officer, { visitId: 8 })).toBe('session/forbidden');
    }
    // The roles that print slips read any visit's (a reprint is counter work).
    for (const role of ['clerk', 'admin'] as const) expect(inputRefusal('slipHtml', { phase: 'signed-in', role, emergencies: [] }, { visitId: 8 })).toBeNull();
  });
});
