import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/accounts';
import { launchChromium } from './support/browser';
import { openCounter, type Counter } from './support/counter';
import { APBD, SITI } from './support/lists';

/**
 * Accounts at the counter through the real first start (harness session 'none'): the first
 * administrator, a clerk added with a PIN, sign-in and lock-out, the lock over half-done work,
 * and what each role may open.
 */
let browser: Browser;
let counter: Counter | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const problems = counter?.problems ?? [];
  await counter?.close();
  counter = undefined;
  // A refused sign-in is an answer, not an error: nothing may reach the console.
  expect(problems).toEqual([]);
});

const SHOTS = '/tmp/acc-ui';

/**
 * expect.poll with room for the core's scrypt checks (an unlock verifies the password and the PIN),
 * which take seconds on a loaded two-core machine; a wait, not a timed assertion.
 */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function open(viewport = { width: 1366, height: 768 }): Promise<Counter> {
  // The real first start (the harness's default is a preset administrator).
  counter = await openCounter(browser, [APBD], viewport, { core: { session: 'none' }, clock: 'installed' });
  counter.page.setDefaultTimeout(10_000);
  return counter;
}

interface Person {
  displayName: string;
  username: string;
  password: string;
  pin?: string;
}
const ADMIN: Person = { displayName: 'Dr. Ratna', username: 'ratna', password: 'admin-rahasia-1', pin: '135790' };
const CLERK: Person = { displayName: 'Siti Rahma', username: 'siti', password: 'siti-rahasia-2', pin: '4821' };
const OFFICER: Person = { displayName: 'Bambang', username: 'bambang', password: 'data-rahasia-3' };

async function fillAccount(page: Page, scope: string, p: Person): Promise<void> {
  const field = (name: string) => page.locator(`${scope} [data-account-field="${name}"]`);
  await field('displayName').fill(p.displayName);
  await field('username').fill(p.username);
  await field('password').fill(p.password);
  await field('confirm').fill(p.password);
  if (p.pin) await field('pin').fill(p.pin);
}

async function setupAdmin(page: Page): Promise<void> {
  await page.getByTestId('setup-screen').waitFor();
  await fillAccount(page, '[data-testid="setup-screen"]', ADMIN);
  await page.keyboard.press('Enter');
  await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.displayName);
}

async function addAccount(page: Page, p: Person, role: Role): Promise<void> {
  await page.keyboard.press('Alt+6');
  await page.getByTestId('settings-tab-accounts').click();
  await page.getByTestId('account-add').click();
  await fillAccount(page, '[data-testid="account-editor"]', p);
  await page.locator('[data-account-field="role"]').selectOption(role);
  await page.getByTestId('account-save').click();
  await page.locator(`[data-testid="account-row"][data-username="${p.username}"]`).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await page.getByTestId('lock-sign-out').click();
  await page.getByTestId('sign-in-screen').waitFor();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.keyboard.press('Enter');
}

const navTabs = (page: Page): Promise<(string | null)[]> => page.locator('.app-nav__tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-screen')));

describe('accounts at the counter', () => {
  it('first start makes the administrator; the admin adds a clerk with a PIN; the clerk signs in and sees only the counter screens; the admin takes over with a PIN', async () => {
    const c = await open();
    const { page } = c;
    await page.getByTestId('setup-screen').waitFor();
    // The rules are said before submitting, and a broken one is named under its field.
    expect(await page.getByTestId('account-rules').textContent()).toContain('minimal 8 karakter');
    await fillAccount(page, '[data-testid="setup-screen"]', { ...ADMIN, password: 'pendek' });
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-field-error="password"]').textContent()).toBe('Kata sandi minimal 8 karakter.');
    await page.locator('[data-account-field="password"]').fill(ADMIN.password);
    await page.locator('[data-account-field="confirm"]').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.displayName);
    await poll(() => navTabs(page)).toContain('settings');

    await addAccount(page, CLERK, 'clerk');
    const row = page.locator(`[data-testid="account-row"][data-username="${CLERK.username}"]`);
    expect(await row.textContent()).toContain('Petugas loket');
    expect(await row.textContent()).toContain('ada'); // the PIN is set
    await c.screenshot('accounts-a-tab');

    await signOut(page);
    await signIn(page, CLERK.username, CLERK.password);
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(CLERK.displayName);
    await poll(() => navTabs(page)).toEqual(['search', 'queue', 'followUps', 'lists', 'reports']);

    // Settings neither by key nor by a tab: Alt+6 leaves the clerk where they were.
    await page.keyboard.press('Alt+4');
    await page.getByTestId('lists-screen').waitFor();
    await page.keyboard.press('Alt+6');
    expect(await page.getByTestId('settings-screen').count()).toBe(0);
    expect(await page.locator('[data-screen="settings"]').count()).toBe(0);
    // The lists to read: no import, no rollback, no export of issues or members.
    await poll(() => page.getByTestId('lists-table').count()).toBe(1);
    expect(await page.locator('[data-testid="lists-screen"] button').count()).toBe(0);
    expect(await page.locator('[data-action="rollback"]').count()).toBe(0);

    // Switch clerk: the administrator takes over with their PIN, and Settings is back.
    await page.getByTestId('switch-clerk-button').click();
    await page.getByTestId('lock-overlay').waitFor();
    await page.locator(`[data-testid="take-over"] [data-clerk="${ADMIN.username}"]`).click();
    await page.getByTestId('take-over-pin').fill(ADMIN.pin ?? '');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.displayName);
    await poll(() => page.getByTestId('lock-overlay').count()).toBe(0);
    await poll(() => navTabs(page)).toContain('settings');
  });

  it('a wrong password again and again locks the account out, said in words with the time', async () => {
    const c = await open();
    const { page } = c;
    await setupAdmin(page);
    await addAccount(page, CLERK, 'clerk');
    await signOut(page);

    const failure = page.getByTestId('session-failure');
    await signIn(page, CLERK.username, 'salah-sekali');
    await poll(() => failure.getAttribute('data-failure')).toBe('wrong');
    expect(await failure.textContent()).toMatch(/^Nama pengguna atau kata sandi salah\. Sisa \d+ percobaan/);
    // The password field is emptied for the next try; Enter submits again.
    await poll(() => page.getByTestId('sign-in-password').inputValue()).toBe('');
    for (let i = 0; i < 10 && (await failure.getAttribute('data-failure')) !== 'locked-out'; i++) {
      const before = await failure.textContent();
      await signIn(page, CLERK.username, 'salah-sekali');
      await poll(async () => (await failure.textContent()) !== before || (await failure.getAttribute('data-failure')) === 'locked-out').toBe(true);
    }
    await poll(() => failure.getAttribute('data-failure')).toBe('locked-out');
    expect(await failure.textContent()).toMatch(/^Terlalu banyak percobaan salah\. Akun dikunci sampai \d{2}\.\d{2} \(\d+ menit lagi\)\.$/);
    // Even the right password waits out the lock-out.
    await signIn(page, CLERK.username, CLERK.password);
    await poll(() => failure.getAttribute('data-failure')).toBe('locked-out');
    expect(await page.getByTestId('header-session').count()).toBe(0);
    await c.screenshot('accounts-b-locked-out');
  });

  it('half-done registration survives the auto-lock; F9 still registers an emergency; the PIN unlocks', async () => {
    const c = await open();
    const { page } = c;
    await setupAdmin(page);
    // Auto-lock after 1 minute, set on the counter settings form.
    await page.keyboard.press('Alt+6');
    await page.locator('[data-setting="autoLockMinutes"]').fill('1');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-status').waitFor();

    await page.keyboard.press('Alt+1');
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await page.getByTestId('register-start').click();
    const panel = page.getByTestId('register-panel');
    await poll(() => panel.getAttribute('data-step')).toBe('unit');
    await page.keyboard.press('2');
    await poll(() => page.locator('[data-unit="GIGI"]').getAttribute('aria-pressed')).toBe('true');

    // A minute and a half without input: locked, the app still there behind the lock and inert.
    await page.clock.fastForward('01:30');
    const overlay = page.getByTestId('lock-overlay');
    await overlay.waitFor();
    await poll(() => page.getByTestId('app-shell').getAttribute('inert')).not.toBeNull();
    await poll(() => page.getByTestId('app-shell').getAttribute('aria-hidden')).toBe('true');
    expect(await overlay.textContent()).toContain(ADMIN.displayName);
    // Esc on the lock must not clear the screen behind it.
    await page.keyboard.press('Escape');

    // An emergency is never blocked: F9 at the lock registers one at once, shown over the lock.
    await page.keyboard.press('F9');
    await poll(() => page.getByTestId('emergency-queue').textContent()).toMatch(/^GD-\d{3}$/);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
    expect(await overlay.count()).toBe(1);

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}-lock-1366.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}-lock-1024.png` });

    // A wrong secret is said; the PIN of the locked administrator unlocks.
    await page.getByTestId('unlock-secret').fill('0000');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('session-failure').getAttribute('data-failure')).toBe('wrong');
    await page.getByTestId('unlock-secret').fill(ADMIN.pin ?? '');
    await page.keyboard.press('Enter');
    await poll(() => overlay.count()).toBe(0);
    await poll(() => page.getByTestId('app-shell').getAttribute('inert')).toBeNull();

    // Everything as it was: the search text, the patient, the unit chosen.
    await poll(() => search.inputValue()).toBe(SITI.nik);
    await poll(() => panel.getAttribute('data-step')).toBe('unit');
    await poll(() => page.locator('[data-unit="GIGI"]').getAttribute('aria-pressed')).toBe('true');
    await poll(() => page.getByTestId('register-patient').textContent()).toContain(SITI.name);
    // And it completes.
    await page.getByTestId('register-submit').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('ticket-queue').textContent()).toBe('G-001');

    // Ctrl+L locks at once.
    await page.keyboard.press('Control+l');
    await overlay.waitFor();
  });

  it('a clerk sets their own PIN in My account, locks (over the open dialog) and unlocks with it; changes their password and signs in with the new one', async () => {
    const c = await open();
    const { page } = c;
    const DEWI: Person = { displayName: 'Dewi Lestari', username: 'dewi', password: 'dewi-rahasia-4' };
    const pin = '5173';
    const newPassword = 'dewi-baru-rahasia-5';
    await setupAdmin(page);
    await addAccount(page, DEWI, 'clerk');
    await signOut(page);
    await signIn(page, DEWI.username, DEWI.password);
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(DEWI.displayName);

    // Opened from the header, the current password has the focus; the rules are said up front.
    const dialog = page.getByTestId('own-account-dialog');
    const ownField = (name: string) => page.locator(`[data-own-field="${name}"]`);
    const focusedField = () => page.evaluate<string | null>(`document.activeElement && document.activeElement.getAttribute('data-own-field')`);
    await page.getByTestId('own-account-button').click();
    await dialog.waitFor();
    await poll(() => focusedField()).toBe('password.current');
    expect(await page.getByTestId('own-account-rules').textContent()).toContain('minimal 8 karakter');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: '/tmp/myacc-dialog-1024.png' });

    // A PIN that breaks the rule is named under its field before anything is sent.
    await ownField('pin.password').fill(DEWI.password);
    await ownField('pin.pin').fill('12');
    await ownField('pin.again').fill('12');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-field-error="pin.pin"]').textContent()).toBe('PIN harus 4–6 angka.');
    // A wrong password is said with the attempts left, and only it is emptied.
    await ownField('pin.password').fill('bukan-sandinya');
    await ownField('pin.pin').fill(pin);
    await ownField('pin.again').fill(pin);
    await page.keyboard.press('Enter');
    const failure = dialog.getByTestId('session-failure');
    await poll(() => failure.getAttribute('data-failure')).toBe('wrong');
    expect(await failure.textContent()).toMatch(/^Kata sandi salah\. Sisa \d+ percobaan/);
    await poll(() => ownField('pin.password').inputValue()).toBe('');
    await poll(() => ownField('pin.pin').inputValue()).toBe(pin);
    await ownField('pin.password').fill(DEWI.password);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('own-pin-done').textContent()).toBe('PIN sudah disimpan. Pakai PIN ini untuk membuka kunci loket.');
    await page.screenshot({ path: '/tmp/myacc-dialog-pin-done-1024.png' });

    // Ctrl+L from inside the dialog locks: the lock is on top, the dialog waits under it; the new PIN unlocks.
    await page.keyboard.press('Control+l');
    const overlay = page.getByTestId('lock-overlay');
    await overlay.waitFor();
    expect(await page.evaluate<boolean>(`(document.elementFromPoint(512, 384) || document.body).closest('[data-testid="lock-overlay"]') !== null`)).toBe(true);
    await page.getByTestId('unlock-secret').fill(pin);
    await page.keyboard.press('Enter');
    await poll(() => overlay.count()).toBe(0);
    // Back in the dialog, in the very field the clerk was in; Esc closes it, and the focus is back on the header's button.
    await poll(focusedField).toBe('pin.password');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    await poll(() => page.evaluate<string | null>(`document.activeElement && document.activeElement.getAttribute('data-testid')`)).toBe('own-account-button');

    // The password: changed in the same dialog, with Enter.
    await page.getByTestId('own-account-button').click();
    await dialog.waitFor();
    await page.keyboard.type(DEWI.password);
    await ownField('password.next').fill(newPassword);
    await ownField('password.again').fill(newPassword);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('own-password-done').textContent()).toContain('Kata sandi sudah diganti');
    await poll(() => ownField('password.current').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);

    // Signed out, the old password no longer opens the counter; the new one does.
    await signOut(page);
    await signIn(page, DEWI.username, DEWI.password);
    await poll(() => page.getByTestId('session-failure').getAttribute('data-failure')).toBe('wrong');
    await signIn(page, DEWI.username, newPassword);
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(DEWI.displayName);
  });

  it('a data officer sees only the audit screen; the sign-in screen at both sizes', async () => {
    const c = await open();
    const { page } = c;
    await setupAdmin(page);
    await addAccount(page, OFFICER, 'data-officer');
    await signOut(page);

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}-sign-in-1366.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}-sign-in-1024.png` });
    // Signed out, an emergency is still never blocked: F9 registers one at once and shows its number.
    expect(await page.getByTestId('sign-in-emergency-note').count()).toBe(0);
    await page.keyboard.press('F9');
    await poll(() => page.getByTestId('emergency-queue').textContent()).toMatch(/^GD-\d{3}$/);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);

    await signIn(page, OFFICER.username, OFFICER.password);
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(OFFICER.displayName);
    const tabs = await navTabs(page);
    expect(tabs.every((s) => s === 'audit')).toBe(true);
    // No list line in the header: the role has no list work, so nothing says the lists "cannot be loaded" (protecttester P5).
    await poll(() => page.getByTestId('audit-screen').count()).toBe(1);
    expect(await page.locator('.list-status').count()).toBe(0);
    expect(await page.locator('.app-header').textContent()).not.toContain('tidak berhak');
    await page.screenshot({ path: `${SHOTS}-data-officer-1024.png` });
    // No counter screen by key either: F1 and Alt+1 to Alt+6 open nothing the role may not.
    for (const key of ['F1', 'Alt+1', 'Alt+2', 'Alt+4', 'Alt+6']) await page.keyboard.press(key);
    expect(await page.locator('#lookup-query').count()).toBe(0);
    expect(await page.getByTestId('settings-screen').count()).toBe(0);
    expect(await page.getByTestId('queue-screen').count()).toBe(0);
    // The role's own screens ask nothing it may not: a refusal under its name would be a probe (dispatch records those).
    const refused = c.harness.core.db.prepare(`SELECT detail FROM audit_log WHERE actor = ? AND action = 'refused'`).pluck().all(OFFICER.username);
    expect(refused).toEqual([]);
  });
});
