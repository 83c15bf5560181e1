import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, APBN_OLD, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD, APBN_OLD], { width: 1024, height: 768 });

/** A visit through the core (test setup). */
async function seedVisit(c: Counter, name: string, payer: 'jkn' | 'umum' | 'pending'): Promise<number> {
  const patient = await c.harness.core.createPatient({ name });
  return (await c.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer })).id;
}
const payerOf = async (c: Counter, queue: string): Promise<string | undefined> =>
  (await c.harness.core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).find((r) => r.queue === queue)?.payer;
const focusedAttr = (c: Counter, attr: string): Promise<unknown> =>
  c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(attr)})`);
const focusedTestId = (c: Counter): Promise<unknown> => focusedAttr(c, 'data-testid');

describe('no lone key changes data; every change says what changed', () => {
  it('follow-ups: Alt+3 then Enter changes nothing; arrows move; J sets JKN naming the patient; Ctrl+Z puts the payer back', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'pending');
    await seedVisit(c, 'ASEP SUNANDAR', 'pending');

    await page.keyboard.press('Alt+3');
    const items = page.getByTestId('followup');
    await expect.poll(() => items.count()).toBe(2);
    // The focus is on the first card itself, not on one of its actions.
    await expect.poll(() => focusedTestId(c)).toBe('followup');
    expect(await focusedAttr(c, 'data-queue')).toBe('U-001');
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    await page.waitForTimeout(300);
    expect(await payerOf(c, 'U-001')).toBe('pending');
    expect(await items.count()).toBe(2);
    expect(await page.getByTestId('undo-toast').count()).toBe(0);

    // Arrow down: the second card; J on it sets its payer, and says so with the name.
    await page.keyboard.press('ArrowDown');
    expect(await focusedAttr(c, 'data-queue')).toBe('U-002');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ASEP SUNANDAR → JKN');
    await expect.poll(() => items.count()).toBe(1);
    expect(await payerOf(c, 'U-002')).toBe('jkn');
    expect(await payerOf(c, 'U-001')).toBe('pending');
    await c.screenshot('undo-a-payer-toast');

    // Ctrl+Z: back to pending through the core; the follow-up is open again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => payerOf(c, 'U-002')).toBe('pending');
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.getByTestId('followups-notice').textContent()).toBe('Diurungkan: ASEP SUNANDAR kembali Penjamin menyusul');
    expect(await page.getByTestId('undo-toast').count()).toBe(0);

    // Another payer by its button (Jasa Raharja needs migration 006; Umum is in the current schema), Undo by the button.
    await page.locator('[data-testid="followup"][data-queue="U-001"] [data-action="umum"]').click();
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ENTIN ROHMAH → Umum');
    expect(await payerOf(c, 'U-001')).toBe('umum');
    await page.getByTestId('undo-button').click();
    await expect.poll(() => payerOf(c, 'U-001')).toBe('pending');

    // The Undo goes away by itself after a few seconds.
    await page.locator('[data-testid="followup"][data-queue="U-001"] [data-action="umum"]').click();
    await page.getByTestId('undo-toast').waitFor();
    await expect.poll(() => page.getByTestId('undo-toast').count(), { timeout: 9000 }).toBe(0);
    expect(await payerOf(c, 'U-001')).toBe('umum');
  });

  it('follow-ups: a re-check says what it found, with the name', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'pending');
    await page.keyboard.press('Alt+3');
    await page.getByTestId('followup').first().waitFor();
    await expect.poll(() => focusedTestId(c)).toBe('followup');
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toContain('ENTIN ROHMAH: cek ulang: tetap penjamin menyusul');
  });

  it('follow-ups: the identity step searches like the main screen; picking a list member fills the identity and says so', async () => {
    const c = await open();
    const { page } = c;
    await c.harness.core.registerEmergency({});
    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    await identify.focus();
    await page.keyboard.press('i');
    const query = page.locator('input[name="identity-query"]');
    await expect.poll(() => focusedAttr(c, 'name')).toBe('identity-query');
    await query.fill(SITI.nik);
    await query.press('Enter');
    const choice = page.getByTestId('identity-choice');
    await expect.poll(() => choice.count()).toBe(1);
    expect(await choice.first().textContent()).toContain(SITI.name);
    await query.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => identify.count()).toBe(0);
    expect(await page.getByTestId('followups-notice').textContent()).toMatch(new RegExp(`^${SITI.name}: identitas dilengkapi, RM \\d+$`));
    // The payer task of that visit now carries her name.
    await expect.poll(() => page.locator('[data-testid="followup"][data-queue="GD-001"]').textContent()).toContain(SITI.name);
  });

  it('follow-ups: an identity that is a patient already known here joins that record, and says so', async () => {
    const c = await open();
    const { page } = c;
    const known = await c.harness.core.createPatient({ name: SITI.name, nik: SITI.nik });
    await c.harness.core.registerEmergency({});
    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    await identify.locator('[data-action="identify"]').click();
    await page.locator('input[name="identity-query"]').fill(SITI.nik);
    await page.locator('input[name="identity-query"]').press('Enter');
    const own = page.locator('[data-testid="identity-choice"][data-kind="own"]');
    await own.waitFor();
    expect(await page.getByTestId('identity-choice').count()).toBe(1); // the list member is the same person: shown once
    await own.locator('[data-action="pick"]').click();
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe(`${SITI.name}: identitas dilengkapi, digabung dengan RM ${known.mrn}`);
  });

  it('queue: calling and Selesai act and offer Undo naming the patient; Batal asks first with the focus on Tidak', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'jkn');
    await seedVisit(c, 'ASEP SUNANDAR', 'umum');
    await page.keyboard.press('Alt+2');
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(2);
    const status = (q: string): Promise<string | null> => page.locator(`[data-testid="queue-row"][data-queue="${q}"]`).getAttribute('data-status');

    // Calling is a change too: said with the name, and undone by Ctrl+Z (back to waiting).
    await page.keyboard.press('p');
    await expect.poll(() => status('U-001')).toBe('called');
    expect(await page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: dipanggil');
    await page.keyboard.press('Control+z');
    await expect.poll(() => status('U-001')).toBe('waiting');
    expect(await page.getByTestId('queue-notice').textContent()).toBe('Diurungkan: U-001 ENTIN ROHMAH kembali Menunggu');
    await page.keyboard.press('p');
    await expect.poll(() => status('U-001')).toBe('called');
    await page.keyboard.press('s');
    await expect.poll(() => status('U-001')).toBe('served');
    expect(await page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: selesai');
    await c.screenshot('undo-b-served-toast');
    await page.keyboard.press('Control+z');
    await expect.poll(() => status('U-001')).toBe('called');
    expect(await page.getByTestId('queue-notice').textContent()).toBe('Diurungkan: U-001 ENTIN ROHMAH kembali Dipanggil');

    // Batal: a question, the focus on "Tidak"; Enter keeps the visit.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('b');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('U-002 ASEP SUNANDAR');
    await expect.poll(() => focusedTestId(c)).toBe('confirm-no');
    await c.screenshot('undo-c-cancel-question');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await status('U-002')).toBe('waiting');
    // The button asks too; "Ya" cancels and says so.
    await page.locator('[data-queue="U-002"] [data-action="cancelled"]').click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => status('U-002')).toBe('cancelled');
    expect(await page.getByTestId('queue-notice').textContent()).toBe('U-002 ASEP SUNANDAR: kunjungan dibatalkan');
  });
});
