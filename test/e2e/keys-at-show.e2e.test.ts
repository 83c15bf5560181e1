/**
 * A key pressed the moment a step shows lands in that step. Steps that show after an answer from
 * the core come in a commit of their own; where the focus (or a dialog's Tab trap) was put in a
 * passive effect, a key the clerk had already pressed reached the screen behind first (CI runs on
 * a loaded machine lost such keys). `armAtShow` records where the focus is at that very moment.
 */
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import { armAtShow, atShow } from './support/at-show';
import type { Counter } from './support/counter';
import { APBD, APBN_OLD, RIZKI, SITI, STRANGER_NIK } from './support/lists';
import { registerByNik, useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD, APBN_OLD], { width: 1024, height: 768 });
const focusedAttr = (c: Counter, attr: string): Promise<unknown> =>
  c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(attr)})`);

describe('a key pressed the moment a step shows lands in it', () => {
  it('a candidate picked: "Daftarkan" has the focus as it shows, so the next Enter registers', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.click();
    await search.pressSequentially('moch rizki', { delay: 20 });
    await search.press('Enter');
    await page.locator('button[data-pick]').first().waitFor();
    await search.press('ArrowDown');
    await expect.poll(() => focusedAttr(c, 'aria-label')).toContain(RIZKI.name);
    await armAtShow(page, '[data-testid="register-start"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => atShow(page)).toMatchObject({ focus: 'register-start' });
  });

  it('the "already registered today" question holds Tab as it shows', async () => {
    const c = await open();
    const { page } = c;
    expect(await registerByNik(c, SITI.nik)).toBe('U-001');
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await page.getByTestId('register-start').click();
    await expect.poll(() => focusedAttr(c, 'data-testid')).toBe('register-submit');
    // The question comes with the core's answer to the registration.
    await armAtShow(page, '[data-testid="confirm-dialog"]', { tab: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => atShow(page)).toEqual({ focus: 'confirm-no', queue: null, tabHeld: true });
  });

  it('a follow-up settled with a letter: the next card has the focus as the list shows without it', async () => {
    const c = await open();
    const { page } = c;
    for (const name of ['ENTIN ROHMAH', 'ASEP SUNANDAR']) {
      const patient = await c.harness.core.createPatient({ name });
      await c.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'pending' });
    }
    await page.keyboard.press('Alt+3');
    await expect.poll(() => focusedAttr(c, 'data-queue')).toBe('U-001');
    // A letter acts only when pressed alone (letter-keys.ts).
    await page.waitForTimeout(QUIET_MS + 100);
    await armAtShow(page, '[data-testid="followup"][data-queue="U-001"]', { gone: true });
    await page.keyboard.press('u');
    await expect.poll(() => atShow(page)).toMatchObject({ focus: 'followup', queue: 'U-002' });
  });

  /**
   * BUDI's record on screen, then ANI's searched by her RM with F9 sent at the moment `armedAt`
   * first matches (ANI's answer showing, or her search under way). Returns both records.
   */
  async function f9AfterBudi(c: Counter, armedAt: (aniMrn: string) => string) {
    const { page } = c;
    const budi = await c.harness.core.createPatient({ name: 'BUDI SANTOSO', dob: '1970-02-02', sex: 'L' });
    const ani = await c.harness.core.createPatient({ name: 'ANI LESTARI', dob: '1985-05-05', sex: 'P' });
    const search = page.locator('#lookup-query');
    await search.fill(budi.mrn);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').getAttribute('data-mrn')).toBe(budi.mrn);
    await page.waitForTimeout(QUIET_MS);
    await armAtShow(page, armedAt(ani.mrn), { key: 'F9' });
    await search.fill(ani.mrn);
    await search.press('Enter');
    await expect.poll(() => atShow(page)).not.toBeNull();
    return { budi, ani };
  }
  const emergencies = async (c: Counter) => (await c.harness.core.dayQueue({})).filter((row) => row.emergency);

  it('F9 the moment an answer shows goes to that patient, not to the one on screen before', async () => {
    const c = await open();
    const { page } = c;
    // The next patient, brought in collapsed: F9 as soon as her record shows.
    await f9AfterBudi(c, (aniMrn) => `[data-testid="own-patient"][data-mrn="${aniMrn}"]`);
    // F9 with a patient on screen asks: this patient, or one without identity (Enter: this one).
    const choice = page.getByTestId('emergency-this');
    await choice.waitFor();
    expect(await choice.textContent()).toContain('ANI LESTARI');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await emergencies(c)).map((row) => row.patient.name)).toEqual(['ANI LESTARI']);
  });

  it('F9 while the next search runs never offers the patient shown before: nobody is known yet, so unidentified at once', async () => {
    const c = await open();
    const { page } = c;
    // F9 while ANI's search runs, BUDI's answer still on screen (it offered "Pasien ini: BUDI SANTOSO").
    const { budi, ani } = await f9AfterBudi(c, () => '[data-testid="lookup"][data-busy="true"]');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    expect(await page.getByTestId('emergency-choice').count()).toBe(0);
    const [emergency, ...more] = await emergencies(c);
    expect(more).toEqual([]);
    expect([budi.mrn, ani.mrn]).not.toContain(emergency!.patient.mrn);
  });

  it("a correction refused for another record's NIK: the NIK field has the focus as the refusal shows", async () => {
    const c = await open();
    const { page } = c;
    await c.harness.core.createPatient({ name: 'HALIMAH UTOMO', nik: STRANGER_NIK, dob: '1999-01-01', sex: 'P' });
    const typo = await c.harness.core.createPatient({ name: 'RADEN AJENG SITI NURAINY', dob: '1943-04-23', sex: 'P' });
    const search = page.locator('#lookup-query');
    await search.click();
    await page.keyboard.type(typo.mrn);
    await page.keyboard.press('Enter');
    await page.getByTestId('edit-patient').waitFor();
    await page.keyboard.press('F3');
    const edit = page.getByTestId('patient-edit-form');
    await edit.waitFor();
    await edit.locator('input[name="nik"]').fill(STRANGER_NIK);
    // Enter from the name field: the refusal concerns another field.
    await armAtShow(page, '[data-testid="nik-error"]');
    await edit.locator('input[name="name"]').press('Enter');
    await expect.poll(() => atShow(page)).toMatchObject({ focus: 'nik' });
  });
});
