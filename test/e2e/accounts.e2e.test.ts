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
    expect(await page.locator('[data-field-error="password"]').textContent()).toBe('Kata sandi minimal 8 karakter.');
    await page.locator('[data-account-field="password"]').fill(ADMIN.password);
    await page.locator('[data-account-field="confirm"]').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.displayName);
    expect(await navTabs(page)).toContain('settings');

    await addAccount(page, CLERK, 'clerk');
    const row = page.locator(`[data-testid="account-row"][data-username="${CLERK.username}"]`);
    expect(await row.textContent()).toContain('Petugas loket');
    expect(await row.textContent()).toContain('ada'); // the PIN is set
    await c.screenshot('accounts-a-tab');

    await signOut(page);
    await signIn(page, CLERK.username, CLERK.password);
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(CLERK.displayName);
    expect(await navTabs(page)).toEqual(['search', 'queue', 'followUps', 'lists', 'reports']);

    // Settings neither by key nor by a tab: Alt+6 leaves the clerk where they were.
    await page.keyboard.press('Alt+4');
    await page.getByTestId('lists-screen').waitFor();
    await page.keyboard.press('Alt+6');
    expect(await page.getByTestId('settings-screen').count()).toBe(0);
    expect(await page.locator('[data-screen="settings"]').count()).toBe(0);
    // The lists to read: no import, no rollback, no export of issues or members.
    expect(await page.getByTestId('lists-table').count()).toBe(1);
    expect(await page.locator('[data-testid="lists-screen"] button').count()).toBe(0);
    expect(await page.locator('[data-action="rollback"]').count()).toBe(0);

    // Switch clerk: the administrator takes over with their PIN, and Settings is back.
    await page.getByTestId('switch-clerk-button').click();
    await page.getByTestId('lock-overlay').waitFor();
    await page.locator(`[data-testid="take-over"] [data-clerk="${ADMIN.username}"]`).click();
    await page.getByTestId('take-over-pin').fill(ADMIN.pin ?? '');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.displayName);
    expect(await page.getByTestId('lock-overlay').count()).toBe(0);
    expect(await navTabs(page)).toContain('settings');
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
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    for (let i = 0; i < 10 && (await failure.getAttribute('data-failure')) !== 'locked-out'; i++) {
      const before = await failure.textContent();
      await signIn(page, CLERK.username, 'salah-sekali');
      await poll(async () => (await failure.textContent()) !== before || (await failure.getAttribute('data-failure')) === 'locked-out').toBe(true);
    }
    expect(await failure.getAttribute('data-failure')).toBe('locked-out');
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
    expect(await page.getByTestId('app-shell').getAttribute('inert')).not.toBeNull();
    expect(await page.getByTestId('app-shell').getAttribute('aria-hidden')).toBe('true');
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
    expect(await page.getByTestId('app-shell').getAttribute('inert')).toBeNull();

    // Everything as it was: the search text, the patient, the unit chosen.
    expect(await search.inputValue()).toBe(SITI.nik);
    expect(await panel.getAttribute('data-step')).toBe('unit');
    expect(await page.locator('[data-unit="GIGI"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('register-patient').textContent()).toContain(SITI.name);
    // And it completes.
    await page.getByTestId('register-submit').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('ticket-queue').textContent()).toBe('G-001');

    // Ctrl+L locks at once.
    await page.keyboard.press('Control+l');
    await overlay.waitFor();
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
    // No counter screen by key either: F1 and Alt+1 to Alt+6 open nothing the role may not.
    for (const key of ['F1', 'Alt+1', 'Alt+2', 'Alt+4', 'Alt+6']) await page.keyboard.press(key);
    expect(await page.locator('#lookup-query').count()).toBe(0);
    expect(await page.getByTestId('settings-screen').count()).toBe(0);
    expect(await page.getByTestId('queue-screen').count()).toBe(0);
  });
});
