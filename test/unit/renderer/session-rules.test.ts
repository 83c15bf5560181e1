import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type AccountView } from '../../../src/shared/accounts';
import { METHOD_ACCESS, type MethodAccess } from '../../../src/shared/method-access';
import { editAccount, newAccount, saveInputOf, statusOf, toggleInput } from '../../../src/renderer/src/features/accounts/accounts-flow';
import { checkDraft, EMPTY_DRAFT, isPin } from '../../../src/renderer/src/features/session/account-rules';
import { emergencyAllowed, emergencySlipAllowed } from '../../../src/renderer/src/features/session/emergency-access';
import { digitOfKey, pinAfterPick } from '../../../src/renderer/src/features/session/pin-pick';
import { homeScreenFor, managesLists, mayOpen, screensFor } from '../../../src/renderer/src/features/session/screens-for';
import { signInFailure } from '../../../src/renderer/src/features/session/sign-in-failure';

describe('screensFor: the screens of each role', () => {
  it('a clerk has the counter screens, the lists to read, and neither settings nor audit', () => {
    expect(screensFor('clerk')).toEqual(['search', 'queue', 'followUps', 'lists', 'reports']);
    expect(mayOpen('clerk', 'settings')).toBe(false);
    expect(mayOpen('clerk', 'audit')).toBe(false);
    expect(managesLists('clerk')).toBe(false);
  });

  it('an administrator has everything, settings and the audit screen included', () => {
    expect(screensFor('admin')).toEqual(['search', 'queue', 'followUps', 'lists', 'reports', 'settings', 'audit']);
    expect(managesLists('admin')).toBe(true);
  });

  it('a data officer has the audit screen only, and starts there', () => {
    expect(screensFor('data-officer')).toEqual(['audit']);
    expect(homeScreenFor('data-officer')).toBe('audit');
    expect(mayOpen('data-officer', 'search')).toBe(false);
  });

  it('nobody signed in opens nothing', () => {
    expect(screensFor(null)).toEqual([]);
  });

  it('every role can open its home screen, and only an administrator opens settings', () => {
    for (const role of ROLES) {
      expect(mayOpen(role, homeScreenFor(role))).toBe(true);
      expect(mayOpen(role, 'settings')).toBe(role === 'admin');
    }
  });
});

describe('account rules said before submitting', () => {
  const good = { username: 'siti.r', displayName: 'Siti Rahma', password: 'kata-sandi-1', confirm: 'kata-sandi-1', pin: '' };

  it('a complete draft breaks no rule, with or without a PIN', () => {
    expect(checkDraft(good)).toEqual({});
    expect(checkDraft({ ...good, pin: '4821' })).toEqual({});
  });

  it('names each broken rule under its field', () => {
    expect(checkDraft(EMPTY_DRAFT)).toEqual({ username: 'username', displayName: 'displayName', password: 'passwordShort' });
    expect(checkDraft({ ...good, confirm: 'kata-sandi-2' })).toEqual({ confirm: 'passwordMismatch' });
    expect(checkDraft({ ...good, password: 'pendek', confirm: 'pendek' })).toEqual({ password: 'passwordShort' });
    expect(checkDraft({ ...good, pin: '12' })).toEqual({ pin: 'pin' });
    expect(checkDraft({ ...good, username: 'siti rahma' })).toEqual({ username: 'username' });
  });

  it('a new account may not take a name the audit trail uses for someone who is not an account; an existing one keeps it', () => {
    for (const username of ['loket', 'No-Session', 'admin']) expect(checkDraft({ ...good, username })).toEqual({ username: 'usernameReserved' });
    expect(checkDraft({ ...good, username: 'loket1' })).toEqual({});
    expect(checkDraft({ ...good, username: 'admin', password: '', confirm: '' }, false, false)).toEqual({});
  });

  it('an edit that leaves the password empty keeps it; one that types it checks it', () => {
    const edit = { ...good, password: '', confirm: '' };
    expect(checkDraft(edit, false)).toEqual({});
    expect(checkDraft({ ...edit, password: 'abc' }, false)).toEqual({ password: 'passwordShort' });
  });

  it('a PIN is 4 to 6 digits, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (text) => {
        expect(isPin(text)).toBe(/^\d{4,6}$/.test(text));
      }),
    );
  });
});

describe('a refused sign-in in words', () => {
  const now = Date.parse('2025-06-10T03:00:00Z');

  it('a wrong password says how many attempts are left', () => {
    expect(signInFailure({ code: 'account/wrong-credentials', params: { attemptsLeft: 2 } }, now)).toEqual({ kind: 'wrong', attemptsLeft: 2 });
    expect(signInFailure({ code: 'account/wrong-credentials' }, now)).toEqual({ kind: 'wrong', attemptsLeft: null });
  });

  it('a lock-out says until when and how many minutes, never less than one', () => {
    expect(signInFailure({ code: 'account/locked-out', params: { until: '2025-06-10T03:14:30Z' } }, now)).toEqual({
      kind: 'locked-out',
      until: '2025-06-10T03:14:30Z',
      minutesLeft: 15,
    });
    // The core's own count of minutes wins (its clock, not this window's).
    expect(signInFailure({ code: 'account/locked-out', params: { until: '2025-06-10T03:14:30Z', minutes: 5 } }, now)).toMatchObject({ minutesLeft: 5 });
    fc.assert(
      fc.property(fc.integer({ min: -3_600_000, max: 86_400_000 }), (offset) => {
        const failure = signInFailure({ code: 'account/locked-out', params: { until: new Date(now + offset).toISOString() } }, now);
        expect(failure.kind === 'locked-out' && failure.minutesLeft >= 1).toBe(true);
      }),
    );
  });

  it('disabled, and anything else is the core’s own message', () => {
    expect(signInFailure({ code: 'account/disabled' }, now).kind).toBe('disabled');
    const other = { code: 'account/pin-not-allowed' };
    expect(signInFailure(other, now)).toEqual({ kind: 'other', error: other });
  });
});

describe('emergency on the session screens follows the core', () => {
  it('is offered when locked and signed in, and signed out only if the core opens it', () => {
    expect(emergencyAllowed('locked')).toBe(true);
    expect(emergencyAllowed('signed-in')).toBe(true);
    expect(emergencyAllowed('signed-out')).toBe((METHOD_ACCESS.registerEmergency as MethodAccess) === 'open');
    expect(emergencyAllowed('signed-out', 'open')).toBe(true);
    expect(emergencyAllowed('setup', 'emergency')).toBe(false);
  });

  it("asks for the emergency's slip only where the core gives it: not signed out (protecttester P13)", () => {
    expect(emergencySlipAllowed('signed-out')).toBe(false);
    expect(emergencySlipAllowed('setup')).toBe(false);
    expect(emergencySlipAllowed('locked')).toBe(true);
    expect(emergencySlipAllowed('signed-in')).toBe(true);
  });
});

describe('picking a clerk for a PIN (protecttester P14)', () => {
  const none = { ctrlKey: false, altKey: false, metaKey: false };
  it('a click starts an empty PIN; a digit on a name picks that clerk and goes into the PIN', () => {
    expect(pinAfterPick('ratna', '12', 'ani', null)).toBe('');
    expect(pinAfterPick('ratna', '12', 'ani', '4')).toBe('4');
    expect(pinAfterPick('ani', '4', 'ani', '3')).toBe('43');
    expect(digitOfKey('7', none)).toBe('7');
    expect(digitOfKey('7', { ...none, altKey: true })).toBeNull();
    expect(digitOfKey('a', none)).toBeNull();
    expect(digitOfKey('Enter', none)).toBeNull();
  });
});

describe('the accounts tab', () => {
  const siti: AccountView = { username: 'siti', displayName: 'Siti', role: 'clerk', hasPin: true, disabled: false, lockedUntil: null, source: 'local' };
  const now = Date.parse('2025-06-10T03:00:00Z');

  it('an account is active, disabled, or locked until a moment still to come', () => {
    expect(statusOf(siti, now)).toEqual({ kind: 'active' });
    expect(statusOf({ ...siti, disabled: true, lockedUntil: '2025-06-10T04:00:00Z' }, now)).toEqual({ kind: 'disabled' });
    expect(statusOf({ ...siti, lockedUntil: '2025-06-10T04:00:00Z' }, now)).toEqual({ kind: 'locked', until: '2025-06-10T04:00:00Z' });
    expect(statusOf({ ...siti, lockedUntil: '2025-06-10T02:00:00Z' }, now)).toEqual({ kind: 'active' });
  });

  it('a new account needs a password; its username is sent as the core compares it', () => {
    const fresh = newAccount();
    expect(saveInputOf(fresh)).toEqual({ broken: { username: 'username', displayName: 'displayName', password: 'passwordShort' } });
    const filled = { ...fresh, draft: { username: ' Budi ', displayName: 'Budi S', password: 'rahasia-99', confirm: 'rahasia-99', pin: '1234' } };
    expect(saveInputOf(filled)).toEqual({ input: { username: 'budi', displayName: 'Budi S', role: 'clerk', password: 'rahasia-99', pin: '1234', create: true } });
  });

  it('an edit sends name and role, and a password or PIN only when typed', () => {
    const edit = editAccount(siti);
    expect(saveInputOf({ ...edit, role: 'admin' })).toEqual({ input: { username: 'siti', displayName: 'Siti', role: 'admin' } });
    expect(saveInputOf({ ...edit, draft: { ...edit.draft, pin: '987654' } })).toEqual({ input: { username: 'siti', displayName: 'Siti', role: 'clerk', pin: '987654' } });
  });

  it('disable and enable keep the account as it is', () => {
    expect(toggleInput(siti, true)).toEqual({ username: 'siti', displayName: 'Siti', role: 'clerk', disabled: true });
  });
});
