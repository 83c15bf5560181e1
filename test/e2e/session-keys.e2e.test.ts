import { describe, expect, it } from 'vitest';
import { openCounter } from './support/counter';
import { APBD } from './support/lists';
import { focused, recordingPrinter } from './support/session';
import { useFixtures } from './support/ui';

/**
 * The signed-out and locked screens at 1024x768 (protecttester P13, P14): F9 on the sign-in
 * screen shows the number and says where the slip is printed, asking the core for nothing it
 * would refuse; on the lock screen, picking another clerk's name puts the PIN typed next into
 * their PIN field.
 */
const { printer, printed } = recordingPrinter();

const ADMIN = { username: 'ratna', displayName: 'Dr. Ratna', password: 'admin-rahasia-1', pin: '135790' };
const ANI = { username: 'ani', displayName: 'ANI', password: 'ani-rahasia-2', pin: '4321' };

const { open } = useFixtures(async (browser) => {
  printed.length = 0;
  // A cheap scrypt cost: the rules are the same, a sign-in takes milliseconds.
  const c = await openCounter(browser, [APBD], { width: 1024, height: 768 }, { core: { session: 'none', printer, secretHashCost: { N: 1024, r: 8, p: 1 } }, clock: 'installed' });
  await c.harness.core.setupAdmin({ username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password, pin: ADMIN.pin });
  await c.page.getByTestId('signed-in-as').waitFor();
  return c;
});

describe('the signed-out and locked screens', () => {
  it('F9 signed out shows the number and where its slip is printed: no red errors, no slip asked, no refusal on the trail (P13)', async () => {
    const c = await open();
    const { page, harness } = c;
    await harness.core.signOut({});
    await page.getByTestId('sign-in-username').waitFor();
    const before = harness.core.db.prepare('SELECT MAX(seq) FROM audit_log').pluck().get() as number;

    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    const dialog = page.getByTestId('emergency-dialog');
    await expect.poll(() => dialog.getByTestId('emergency-slip-later').textContent()).toContain('GD-001');
    expect(await dialog.getByTestId('emergency-slip-later').textContent()).toContain('Alt+2');
    // Give a slip request the time it would take, then look: nothing red, no slip, nothing printed.
    await page.waitForTimeout(500);
    expect(await dialog.locator('[role="alert"], .alert, [data-testid="slip-preview"], [data-testid="slip-status"]').count()).toBe(0);
    expect(await dialog.textContent()).not.toContain('Masuk dulu');
    await c.screenshot('session-keys-a-signed-out-f9-1024');
    expect(printed).toHaveLength(0);
    // The trail has the emergency and nothing the screen itself was refused.
    const trail = harness.core.db.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').pluck().all(before);
    expect(trail).toEqual(['emergency']);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('on the lock, a click on another clerk puts the focus in their PIN field: the PIN typed next takes over (P14)', async () => {
    const c = await open();
    const { page, harness } = c;
    await harness.core.saveAccount({ username: ANI.username, displayName: ANI.displayName, role: 'clerk', password: ANI.password, pin: ANI.pin, create: true });
    // Ani signed in here once with her password (a PIN works only after that), then the admin again.
    await harness.core.signIn({ username: ANI.username, password: ANI.password });
    await harness.core.signIn({ username: ADMIN.username, password: ADMIN.password });
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.displayName);

    await page.keyboard.press('Control+l');
    await page.getByTestId('lock-overlay').waitFor();
    await page.locator('[data-testid="take-over"] [data-clerk="ani"]').click();
    await expect.poll(() => focused(page)).toBe('take-over-pin');
    await page.keyboard.type(ANI.pin);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lock-overlay').count()).toBe(0);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(ANI.displayName);

    // From the keyboard: a digit typed on a clerk's name picks them and starts their PIN (never lost on the button).
    await page.keyboard.press('Control+l');
    await page.getByTestId('lock-overlay').waitFor();
    await page.locator('[data-testid="take-over"] [data-clerk="ratna"]').focus();
    await page.keyboard.type('98');
    await expect.poll(() => focused(page)).toBe('take-over-pin');
    await expect.poll(() => page.getByTestId('take-over-pin').inputValue()).toBe('98');
    await c.screenshot('session-keys-b-take-over-1024');
  });
});
