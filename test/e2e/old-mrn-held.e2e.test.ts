import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { layoutProblems } from './support/layout';
import { APBD, STRANGER_NIK } from './support/lists';
import { useCounters } from './support/ui';

// papertester F2: a new record (F2, or an emergency's identity typed) with an old RM ("RM lama")
// another record already holds. The holder is named before any record is made, with the choice to
// use it; the clerk may still go on (two paper folders can share a number).
const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });
const focusedAttr = (c: Counter, name: string): Promise<unknown> => c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(name)})`);

/** RINA MARLINA holds RM lama 000003; SRI WAHYUNI has a record and no old RM. */
async function paperEra(c: Counter) {
  const rina = await c.harness.core.createPatient({ name: 'Rina Marlina', dob: '1975-06-06', oldMrn: '000003' });
  const sri = await c.harness.core.createPatient({ name: 'Sri Wahyuni', dob: '1950-01-01' });
  return { rina, sri };
}

describe('an old RM another record holds, typed for a new record', () => {
  it('F2: the holder is listed first, marked "RM lama sama", and named; "Tetap buat data baru" goes on, "Pakai data ini" uses it', async () => {
    const c = await open();
    const { page } = c;
    const { rina, sri } = await paperEra(c);

    // SRI WAHYUNI's paper card says 3, but RINA's record holds 000003.
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await page.keyboard.type('SRI WAHYUNI');
    await form.locator('input[name="dob"]').fill('01011950');
    await form.locator('input[name="oldMrn"]').fill('No. RM 3');
    await form.locator('input[name="name"]').press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('duplicates');
    const dups = page.getByTestId('duplicates');
    expect(await dups.getByTestId('old-mrn-held').textContent()).toBe(
      `RM lama 3 sudah tercatat pada RINA MARLINA (RM ${rina.mrn}). Pasien yang sama: pakai datanya. Orang lain (dua map kertas bernomor sama): tetap buat data baru.`,
    );
    const items = dups.locator('.dup-list__item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('RINA MARLINA');
    expect(await items.nth(0).getByTestId('dup-why').textContent()).toBe('RM lama sama: 000003');
    expect(await items.nth(1).textContent()).toContain('SRI WAHYUNI');
    expect(await items.nth(1).getByTestId('dup-why').count()).toBe(0);
    // The first choice in reach is the holder's record.
    await expect.poll(() => focusedAttr(c, 'aria-label')).toBe('Pakai data RINA MARLINA');
    await c.screenshot('old-mrn-held-f2');
    expect(await layoutProblems(page)).toEqual([]);

    // "Pakai data ini" on SRI's own record: her record, now with the card's number.
    await items.nth(1).getByRole('button', { name: 'Pakai data SRI WAHYUNI' }).click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect((await c.harness.core.findPatient({ mrn: sri.mrn }))?.oldMrn).toBe('3');
    await page.keyboard.press('Escape');

    // Another person with the same paper number: "Tetap buat data baru" makes the record all the same.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.type('BUDI SANTOSO');
    await form.locator('input[name="oldMrn"]').fill('000003');
    await form.locator('input[name="name"]').press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('duplicates');
    expect(await items.count()).toBe(2); // RINA (000003) and SRI (now 3): both hold that card's number
    expect(await dups.getByTestId('old-mrn-held').textContent()).toContain(`RINA MARLINA (RM ${rina.mrn}), SRI WAHYUNI (RM ${sri.mrn})`);
    await page.getByRole('button', { name: 'Tetap buat data baru' }).click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    const budi = c.harness.core.db.prepare("SELECT old_mrn AS oldMrn FROM patients WHERE name = 'BUDI SANTOSO'").get();
    expect(budi).toEqual({ oldMrn: '000003' });
  });

  it("an emergency's identity typed: the holder is shown to pick, named; the typed identity is one button away", async () => {
    const c = await open();
    const { page } = c;
    const { rina } = await paperEra(c);
    await c.harness.core.registerEmergency({});

    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    await identify.locator('[data-action="identify"]').click();
    await page.locator('[data-action="type-identity"]').click();
    const form = page.getByTestId('identity-form');
    await form.locator('input[name="name"]').fill('BUDI SANTOSO');
    await form.locator('input[name="oldMrn"]').fill('000003');
    await form.locator('input[name="name"]').press('Enter');

    // Before any question: RINA's record, marked as in Cari & Daftar, and named.
    const step = page.getByTestId('identity-step');
    await expect.poll(() => step.getByTestId('old-mrn-held').textContent()).toContain(`RM lama 000003 sudah tercatat pada RINA MARLINA (RM ${rina.mrn})`);
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    const choices = step.getByTestId('identity-choice');
    await expect.poll(() => choices.count()).toBe(1);
    expect(await choices.nth(0).textContent()).toContain('RINA MARLINA');
    expect(await choices.nth(0).getByTestId('number-match').textContent()).toBe('Cocok RM lama 000003');
    expect(await focusedAttr(c, 'name')).toBe('identity-query');
    await c.screenshot('old-mrn-held-emergency');
    expect(await layoutProblems(page)).toEqual([]);

    // "Pakai" asks to join RINA's record; "Kembali", then the typed identity: asked about as typed.
    await choices.nth(0).locator('[data-action="pick"]').click();
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('attach-chosen').textContent()).toContain('RINA MARLINA');
    await page.getByTestId('confirm-no').click();
    await expect.poll(() => page.getByTestId('confirm-dialog').count()).toBe(0);
    await step.locator('[data-action="keep-typed"]').click();
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('attach-chosen').textContent()).toContain('BUDI SANTOSO');
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => identify.count()).toBe(0);
    const budi = c.harness.core.db.prepare("SELECT old_mrn AS oldMrn FROM patients WHERE name = 'BUDI SANTOSO'").get();
    expect(budi).toEqual({ oldMrn: '000003' });
  });

  it('F2 with the NIK of a record here: the old RM typed goes on that record (it has none), never dropped', async () => {
    const c = await open();
    const { page } = c;
    const halimah = await c.harness.core.createPatient({ name: 'HALIMAH UTOMO', nik: STRANGER_NIK, dob: '1999-01-01', sex: 'P' });
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await page.keyboard.type('HALIMAH UTOMO');
    await form.locator('input[name="nik"]').fill(STRANGER_NIK);
    await form.locator('input[name="oldMrn"]').fill('B/0451');
    await form.locator('input[name="name"]').press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect((await c.harness.core.findPatient({ mrn: halimah.mrn }))?.oldMrn).toBe('B/0451');
  });
});
