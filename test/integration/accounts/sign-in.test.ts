import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { FIRST_LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../src/core/accounts/lockout';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, CLERK, OFFICER, accountsCore } from './accounts-fixture';

const tempDir = useTempDir();

describe('the first start and signing in', () => {
  it('a new counter is in setup: only the first administrator can be made, and they are signed in', async () => {
    const { call, refusal, sessions } = accountsCore(tempDir());
    expect(await call('sessionState', {})).toEqual({ phase: 'setup', account: null, knownClerks: [], autoLockMinutes: 5, managedByHub: false });
    expect(await refusal('lookup', { query: 'x' })).toEqual({ code: 'session/required' });
    // An emergency is never blocked, not even before the first account exists.
    const emergency = await call('registerEmergency', {});
    expect(emergency.queue).toMatch(/^GD-\d{3}$/);
    // ...but only for an unknown patient: naming one would hand their record to someone signed out.
    expect(await refusal('registerEmergency', { patientId: emergency.patientId })).toEqual({ code: 'session/required' });
    const view = await call('setupAdmin', ADMIN);
    expect(view).toMatchObject({ phase: 'signed-in', account: { username: 'Ani', role: 'admin', hasPin: true, source: 'local' } });
    // The administrator typed the password here, so the PIN may be used for a quick switch.
    expect(view.knownClerks).toEqual([{ username: 'Ani', displayName: 'Ani Suryani' }]);
    expect(sessions.at(-1)).toEqual(view);
    expect(await refusal('setupAdmin', { ...ADMIN, username: 'other' })).toEqual({ code: 'account/setup-done', params: {} });
  });

  it('signs in case-insensitively, refuses wrong passwords with the attempts left, and locks out after five', async () => {
    const { call, refusal, advance } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('signOut', {});
    expect((await call('sessionState', {})).phase).toBe('signed-out');

    for (let left = MAX_FAILED_ATTEMPTS - 1; left > 0; left--) {
      expect(await refusal('signIn', { username: 'BUDI', password: 'salah-salah' })).toEqual({ code: 'account/wrong-credentials', params: { attemptsLeft: left } });
    }
    const locked = await refusal('signIn', { username: 'budi', password: 'salah-salah' });
    expect(locked).toMatchObject({ code: 'account/locked-out', params: { minutes: FIRST_LOCKOUT_MINUTES } });
    // While locked out even the right password is refused (and it is not checked).
    expect((await refusal('signIn', { username: 'budi', password: CLERK.password })).code).toBe('account/locked-out');
    advance(FIRST_LOCKOUT_MINUTES + 1);
    expect(await call('signIn', { username: 'Budi', password: CLERK.password })).toMatchObject({ phase: 'signed-in', account: { username: 'budi', role: 'clerk' } });
  });

  it('a repeated lock-out lasts twice as long', async () => {
    const { call, refusal, advance } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('signOut', {});
    const fail = () => refusal('signIn', { username: 'ani', password: 'nope-nope' });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await fail();
    expect(await fail()).toMatchObject({ params: { minutes: FIRST_LOCKOUT_MINUTES } });
    advance(FIRST_LOCKOUT_MINUTES + 1);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await fail();
    expect(await fail()).toMatchObject({ code: 'account/locked-out', params: { minutes: 2 * FIRST_LOCKOUT_MINUTES } });
  });

  it('an unknown username is answered exactly like a known one, lock-out included', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('signOut', {});
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS + 1; i++) {
      known.push((await refusal('signIn', { username: 'ani', password: 'wrong-one' })).code);
      unknown.push((await refusal('signIn', { username: 'nobody', password: 'wrong-one' })).code);
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe('account/locked-out');
  });

  it('a disabled account learns it is disabled only with the right password', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', { ...CLERK, disabled: true });
    await call('signOut', {});
    expect((await refusal('signIn', { username: 'budi', password: 'wrong-pass' })).code).toBe('account/wrong-credentials');
    expect((await refusal('signIn', { username: 'budi', password: CLERK.password })).code).toBe('account/disabled');
  });

  it('the last active administrator cannot be disabled or demoted; a new account needs a password', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    expect((await refusal('saveAccount', { username: 'ani', displayName: 'Ani', role: 'clerk' })).code).toBe('account/last-admin');
    expect((await refusal('saveAccount', { username: 'ani', displayName: 'Ani', role: 'admin', disabled: true })).code).toBe('account/last-admin');
    expect((await refusal('saveAccount', { username: 'dewi', displayName: 'Dewi', role: 'clerk' })).code).toBe('account/password-required');
    await call('saveAccount', { username: 'dewi', displayName: 'Dewi', role: 'admin', password: 'kata-sandi-dewi' });
    expect(await call('saveAccount', { username: 'ani', displayName: 'Ani', role: 'clerk' })).toMatchObject({ username: 'Ani', role: 'clerk' });
    // Ani is a clerk now: the accounts admin is closed to her at once.
    expect(await refusal('listAccounts', {})).toEqual({ code: 'session/forbidden' });
  });
});

describe('dispatch checks the role before the method runs', () => {
  it('a clerk works the counter but not the settings; a data officer neither, yet changes their own password', async () => {
    const { core, call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('saveAccount', OFFICER);
    const settings = await call('getSettings', {});

    await call('signIn', { username: 'budi', password: CLERK.password });
    expect((await call('lookup', { query: '3673015203850003' })).kind).toBe('nik');
    expect(await refusal('saveSettings', settings)).toEqual({ code: 'session/forbidden' });
    expect(await refusal('listAccounts', {})).toEqual({ code: 'session/forbidden' });
    // Refused before the input is read: a wrong input is not even looked at.
    expect(await dispatch(core, 'importList', { nonsense: true })).toEqual({ ok: false, error: { code: 'session/forbidden' } });

    await call('signIn', { username: 'citra', password: OFFICER.password });
    expect(await refusal('lookup', { query: '3673015203850003' })).toEqual({ code: 'session/forbidden' });
    expect(await refusal('registerVisit', { patientId: 1, unit: 'UMUM', verdict: null })).toEqual({ code: 'session/forbidden' });
    expect((await call('changeOwnPassword', { current: OFFICER.password, next: 'passphrase-baru' })).account?.username).toBe('citra');
    // An emergency is everyone's.
    expect((await call('registerEmergency', {})).emergency).toBe(true);
  });
});

describe('lock, unlock and the quick switch', () => {
  it('the locked account unlocks with its password or PIN; another known clerk switches in with a PIN', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    // Budi has a PIN but never typed his password here: he may not switch in with it yet.
    expect((await call('sessionState', {})).knownClerks.map((c) => c.username)).toEqual(['Ani']);
    await call('lockSession', {});
    expect(await refusal('switchClerk', { username: 'budi', pin: CLERK.pin })).toEqual({ code: 'account/pin-not-allowed', params: {} });
    expect(await call('unlock', { secret: ADMIN.pin })).toMatchObject({ phase: 'signed-in', account: { username: 'Ani' } });

    await call('signIn', { username: 'budi', password: CLERK.password });
    expect((await call('sessionState', {})).knownClerks.map((c) => c.username)).toEqual(['Ani', 'budi']);
    await call('lockSession', {});
    const locked = await call('sessionState', {});
    expect(locked).toMatchObject({ phase: 'locked', account: { username: 'budi' } });
    expect(await refusal('lookup', { query: 'x' })).toEqual({ code: 'session/required' });
    expect((await refusal('unlock', { secret: '0000' })).code).toBe('account/wrong-credentials');
    expect(await call('switchClerk', { username: 'ani', pin: ADMIN.pin })).toMatchObject({ phase: 'signed-in', account: { username: 'Ani' } });
    expect((await refusal('unlock', { secret: ADMIN.password })).code).toBe('account/not-locked');
  });

  it('PIN failures count toward the same lock-out as passwords', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('lockSession', {});
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 2; i++) await refusal('unlock', { secret: '9999' });
    expect(await refusal('unlock', { secret: 'wrong-password' })).toEqual({ code: 'account/wrong-credentials', params: { attemptsLeft: 1 } });
    expect((await refusal('unlock', { secret: '9998' })).code).toBe('account/locked-out');
    expect((await refusal('unlock', { secret: ADMIN.password })).code).toBe('account/locked-out');
    // Locked out and locked: an emergency still registers.
    expect((await call('registerEmergency', {})).queue).toMatch(/^GD-/);
  });

  it('a counter signed out wants a password: no PIN switch', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('signOut', {});
    expect(await refusal('switchClerk', { username: 'ani', pin: ADMIN.pin })).toEqual({ code: 'session/required', params: {} });
  });

  it('own PIN and own password: confirmed with the password; a new password keeps the PIN usable', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', OFFICER);
    await call('signIn', { username: 'citra', password: OFFICER.password });
    expect((await refusal('setOwnPin', { password: 'not-hers-at-all', pin: '4321' })).code).toBe('account/wrong-credentials');
    expect((await call('setOwnPin', { password: OFFICER.password, pin: '4321' })).account).toMatchObject({ username: 'citra', hasPin: true });
    await call('changeOwnPassword', { current: OFFICER.password, next: 'a-new-passphrase' });
    await call('signOut', {});
    expect((await refusal('signIn', { username: 'citra', password: OFFICER.password })).code).toBe('account/wrong-credentials');
    await call('signIn', { username: 'citra', password: 'a-new-passphrase' });
    await call('lockSession', {});
    expect((await call('unlock', { secret: '4321' })).phase).toBe('signed-in');
  });

  it('an administrator lifts a lock-out', async () => {
    const { call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await refusal('signIn', { username: 'budi', password: 'wrong-pass' });
    expect((await call('listAccounts', {})).find((a) => a.username === 'budi')?.lockedUntil).not.toBeNull();
    expect((await call('unlockAccount', { username: 'BUDI' })).lockedUntil).toBeNull();
    expect((await call('signIn', { username: 'budi', password: CLERK.password })).account?.username).toBe('budi');
  });

  it('the auto-lock minutes come from the settings and a change is announced', async () => {
    const { call, sessions } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    const settings = await call('getSettings', {});
    await call('saveSettings', { ...settings, autoLockMinutes: 0 });
    expect(sessions.at(-1)?.autoLockMinutes).toBe(0);
    expect((await call('sessionState', {})).autoLockMinutes).toBe(0);
  });
});

describe('a core restarted after a crash (or the app started again)', () => {
  it('comes back locked for the person signed in before, so the window keeps its work; signed out stays signed out', async () => {
    const dir = tempDir();
    const first = accountsCore(dir);
    await first.call('setupAdmin', ADMIN);
    await first.call('saveAccount', CLERK);
    await first.call('signIn', { username: 'budi', password: CLERK.password });
    first.core.close();

    const second = accountsCore(dir);
    expect(await second.call('sessionState', {})).toMatchObject({ phase: 'locked', account: { username: 'budi' } });
    // Locked means locked: the counter's work waits for the person's password (or PIN).
    expect(await second.refusal('lookup', { query: 'x' })).toEqual({ code: 'session/required' });
    expect(await second.refusal('unlock', { secret: 'salah-salah' })).toMatchObject({ code: 'account/wrong-credentials' });
    expect(await second.call('unlock', { secret: CLERK.password })).toMatchObject({ phase: 'signed-in', account: { username: 'budi' } });
    await second.call('signOut', {});
    second.core.close();

    const third = accountsCore(dir);
    expect((await third.call('sessionState', {})).phase).toBe('signed-out');
    third.core.close();
  });
});
