import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openCounter, type Counter } from './support/counter';
import { APBD, SITI } from './support/lists';
import { focused, recordingPrinter } from './support/session';
import { useFixtures } from './support/ui';

/**
 * The lock screen with accounts on (harness session 'none'): what the clerk finds when the lock
 * lifts (the focus back in the work, the header and the screens loaded again), and an emergency
 * behind the lock (F9 registers, its slip shows and prints; the core gives out nothing else), and
 * a data officer's own emergency, whose slip stays theirs across their own lock.
 */
const { printer, printed } = recordingPrinter();

const { open } = useFixtures(async (browser) => {
  printed.length = 0;
  // A cheap scrypt cost: the rules are the same, an unlock takes milliseconds.
  const c = await openCounter(browser, [APBD], { width: 1366, height: 768 }, { core: { session: 'none', printer, secretHashCost: { N: 1024, r: 8, p: 1 } }, clock: 'installed' });
  // The first administrator, made in the core: this file is about the lock, not the first start.
  // (Its session event reaches the page: the app opens signed in.)
  await c.harness.core.setupAdmin({ username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password });
  await c.page.getByTestId('signed-in-as').waitFor();
  return c;
});

const ADMIN = { username: 'ratna', displayName: 'Dr. Ratna', password: 'admin-rahasia-1' };

async function unlock(page: Page): Promise<void> {
  await page.getByTestId('unlock-secret').waitFor();
  await expect.poll(() => focused(page)).toBe('unlock-secret');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('lock-overlay').count()).toBe(0);
}

describe('the lock screen', () => {
  it('after Ctrl+L and the password the clerk types on where they were: the search field, a form field; never the header button', async () => {
    const c: Counter = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.click();
    await page.keyboard.type('3673');

    await page.keyboard.press('Control+l');
    await unlock(page);
    await expect.poll(() => focused(page)).toBe('lookup-query');
    // The next digits go on where the first ones went.
    await page.keyboard.type('0152');
    await expect.poll(() => search.inputValue()).toBe('36730152');

    // Locked with the header's button: the button is no place to come back to.
    await page.getByTestId('lock-button').click();
    await unlock(page);
    await expect.poll(() => focused(page)).toBe('lookup-query');

    // A half-done new patient: the focus goes back into the very field.
    await search.fill('');
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    const dob = form.locator('input[name="dob"]');
    await dob.click();
    await page.keyboard.type('0106');
    await page.keyboard.press('Control+l');
    await unlock(page);
    await expect.poll(() => focused(page)).toBe('dob');
    await page.keyboard.type('2025');
    await expect.poll(() => dob.inputValue()).toBe('01062025');
    await c.screenshot('lock-a-focus-back');
  });

  it('started locked: the header says the lists cannot be loaded until the unlock, then shows them without another screen opened', async () => {
    const c = await open();
    const { page } = c;
    await c.harness.core.lockSession({});
    // The app opens again on a locked counter (a restarted core, the window reloaded).
    await page.reload();
    await page.getByTestId('lock-overlay').waitFor();
    const bad = page.locator('.list-status--bad');
    await expect.poll(() => bad.textContent()).toContain('Masuk dulu');
    await unlock(page);
    await expect.poll(() => page.getByTestId('list-status').textContent()).toContain('1 daftar');
    await expect.poll(() => bad.count()).toBe(0);
    // Still on the search screen, the search field ready.
    await expect.poll(() => focused(page)).toBe('lookup-query');
  });

  it('a screen that refreshed behind the lock (an emergency registered there) loads again at the unlock, without its wait', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.press('Alt+3');
    const screen = page.getByTestId('followups-screen');
    await screen.waitFor();
    await page.keyboard.press('Control+l');
    await page.getByTestId('lock-overlay').waitFor();
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await page.keyboard.press('Enter');
    // Behind the lock the follow-ups' reload for the emergency was refused (the list, the hub's
    // notices, the reconciliation).
    const refused = screen.locator('[data-error-code="session/required"]');
    await expect.poll(() => refused.count()).toBeGreaterThan(0);
    await unlock(page);
    await expect.poll(() => refused.count()).toBe(0);
    await expect.poll(() => page.getByTestId('followups-list').textContent()).toContain('GD-001');
  });

  it('F9 behind the lock registers an unknown patient, shows and prints its slip; the core gives out no other patient or slip', async () => {
    const c = await open();
    const { page, harness } = c;
    const siti = await harness.core.createPatient({ name: SITI.name, nik: SITI.nik, card: SITI.card, dob: '1985-03-12', sex: 'P', address: 'JL. MELATI 7' });
    const visit = await harness.core.registerVisit({ patientId: siti.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    await page.locator('#lookup-query').click();

    await page.keyboard.press('Control+l');
    await page.getByTestId('lock-overlay').waitFor();
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    // Its slip shows over the lock and was printed at once, in the locked administrator's name.
    await expect.poll(() => page.locator('[data-testid="emergency-dialog"] [data-testid="slip-preview"] .slip').textContent()).toContain('GD-001');
    await expect.poll(() => page.getByTestId('slip-status').textContent()).toContain('dicetak');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('GD-001');
    expect(harness.core.db.prepare("SELECT v.queue_prefix || '-' || printf('%03d', v.queue_no) AS queue, p.clerk FROM print_log p JOIN visits v ON v.id = p.visit_id").all()).toEqual([
      { queue: 'GD-001', clerk: ADMIN.username },
    ]);
    await c.screenshot('lock-b-emergency-slip');

    // What the page itself can ask of the core while locked: no named patient, no other slip.
    const asked = await page.evaluate<string[]>(`(async () => {
      const code = async (call) => { const r = await call; return r.ok ? 'ok' : r.error.code; };
      return [
        await code(window.loket.registerEmergency({ patientId: ${siti.id} })),
        await code(window.loket.slipHtml({ visitId: ${visit.id} })),
        await code(window.loket.printSlip({ visitId: ${visit.id} })),
      ];
    })()`);
    expect(asked).toEqual(['session/required', 'session/required', 'session/required']);
    expect(printed).toHaveLength(1);
    expect(harness.core.db.prepare('SELECT COUNT(*) FROM visits WHERE patient_id = ?').pluck().get(siti.id)).toBe(1);
    // On record: the slip shown behind the lock, and each refusal.
    // (The slip's preview and its print are asked at once: their order is not the point.)
    const trail = harness.core.db.prepare("SELECT action, json_extract(detail, '$.method') AS method, json_extract(detail, '$.kind') AS kind FROM audit_log WHERE action IN ('print', 'refused') ORDER BY action, method").all();
    expect(trail).toEqual([
      { action: 'print', method: 'printSlip', kind: 'print' },
      { action: 'print', method: 'slipHtml', kind: 'view' },
      { action: 'refused', method: 'printSlip', kind: null },
      { action: 'refused', method: 'registerEmergency', kind: null },
      { action: 'refused', method: 'slipHtml', kind: null },
    ]);

    // Enter closes the number: the focus is on the lock; after the unlock, back in the search field.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
    await unlock(page);
    await expect.poll(() => focused(page)).toBe('lookup-query');
  });

  it("a data officer's own emergency slip prints again by key after its own lock and unlock; nothing refused", async () => {
    const c = await open();
    const { page, harness } = c;
    const OFFICER = { username: 'bambang', displayName: 'Bambang', password: 'data-rahasia-3' };
    await harness.core.saveAccount({ ...OFFICER, role: 'data-officer', create: true });
    await harness.core.signOut({});
    await page.getByTestId('sign-in-username').fill(OFFICER.username);
    await page.getByTestId('sign-in-password').fill(OFFICER.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(OFFICER.displayName);

    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await expect.poll(() => page.getByTestId('slip-status').textContent()).toContain('dicetak');
    expect(printed).toHaveLength(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);

    await page.keyboard.press('Control+l');
    await page.getByTestId('lock-overlay').waitFor();
    await expect.poll(() => focused(page)).toBe('unlock-secret');
    await page.keyboard.type(OFFICER.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lock-overlay').count()).toBe(0);

    // F4 reprints the last slip: the emergency this officer registered is still theirs to print.
    await page.keyboard.press('F4');
    await expect.poll(() => printed.length).toBe(2);
    expect(printed[1]).toContain('GD-001');
    await expect.poll(() => page.getByTestId('print-notice').textContent()).toContain('GD-001');
    expect(harness.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'refused'").pluck().all()).toEqual([]);
  });
});
