/**
 * A morning at the counter, keyboard only (the UI tester's findings): keys that took the wrong
 * patient or threw work away. The focus after an unidentified emergency over another patient's
 * unit step; the queue's "Ganti poli" and a reflex Enter; Enter right after a name typed in the
 * unit step; one stray Esc on a filled-in new-patient form.
 */
import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import type { Counter } from './support/counter';
import { APBD, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

const focusedId = (c: Counter): Promise<unknown> =>
  c.page.evaluate(`document.activeElement && (document.activeElement.getAttribute('data-testid') || document.activeElement.id)`);

/** The scanner: the digits at machine speed, then Enter. */
async function scan(c: Counter, digits: string): Promise<void> {
  await c.page.keyboard.type(digits, { delay: 5 });
  await c.page.keyboard.press('Enter');
}

/** Every visit in the register, in order: its number, unit and patient. */
function visits(c: Counter): { queue: string; unit: string; name: string }[] {
  return c.harness.core.db
    .prepare(
      `SELECT v.queue_prefix || '-' || printf('%03d', v.queue_no) AS queue, v.unit, p.name
         FROM visits v JOIN patients p ON p.id = v.patient_id ORDER BY v.id`,
    )
    .all() as { queue: string; unit: string; name: string }[];
}

/** SITI AMINAH scanned, then Enter: her unit step, Daftar focused. */
async function unitStepOfSiti(c: Counter): Promise<void> {
  const { page } = c;
  await scan(c, SITI.nik);
  await page.getByTestId('register-start').waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
  await expect.poll(() => focusedId(c)).toBe('register-submit');
}

/** SITI's unit step, F9, then `answer` on its question (F9: unidentified; Enter: SITI), and Enter to close the number. */
async function emergencyOverUnitStep(c: Counter, answer: 'F9' | 'Enter'): Promise<void> {
  const { page } = c;
  await unitStepOfSiti(c);
  await page.keyboard.press('F9');
  await page.getByTestId('emergency-choice').waitFor();
  await page.keyboard.press(answer);
  await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
}

describe('an unidentified emergency over another patient’s unit step', () => {
  it('F9, F9, Enter: the focus goes back to the unit step, so its unit key (4) registers the patient on screen, never searches "4"', async () => {
    const c = await open();
    const { page } = c;
    await emergencyOverUnitStep(c, 'F9');

    // SITI's unit step is still on screen, and has the keys again.
    expect(await page.getByTestId('register-patient').textContent()).toContain(SITI.name);
    await expect.poll(() => focusedId(c)).toBe('register-submit');
    expect(await page.locator('#lookup-query').inputValue()).toBe(SITI.nik);
    await c.screenshot('slips-after-f9-over-unit-step');
    await page.keyboard.press('4');
    await expect.poll(() => page.locator('[data-unit="LANSIA"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    expect(visits(c)).toEqual([
      { queue: 'GD-001', unit: 'IGD', name: expect.stringMatching(/^TANPA IDENTITAS/) as unknown as string },
      { queue: 'L-001', unit: 'LANSIA', name: SITI.name },
    ]);
  });

  it('F9 then Enter (this patient to IGD): the search field, ready for the next patient, as before', async () => {
    const c = await open();
    const { page } = c;
    await emergencyOverUnitStep(c, 'Enter');
    await expect.poll(() => focusedId(c)).toBe('lookup-query');
    expect(await page.getByTestId('register-panel').count()).toBe(0);
  });
});

describe('Ganti poli (G) in the queue', () => {
  it('opens on Kembali: a reflex Enter moves nobody; the unit is picked by its number key', async () => {
    const c = await open();
    const { page } = c;
    const patient = await c.harness.core.createPatient({ name: 'SITI NURHALIZA' });
    const visit = await c.harness.core.registerVisit({ patientId: patient.id, unit: 'KIA', verdict: null, payer: 'umum' });
    expect(visit.queue).toBe('K-001');
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('3');
    await expect.poll(() => page.getByTestId('queue-row').getAttribute('data-queue')).toBe('K-001');
    await page.keyboard.press('ArrowDown');
    // A letter acts only when pressed alone (letter-keys.ts).
    await page.waitForTimeout(QUIET_MS + 100);
    await page.keyboard.press('g');
    const dialog = page.getByTestId('move-dialog');
    await dialog.waitFor();
    await expect.poll(() => focusedId(c)).toBe('move-back');
    expect(await dialog.textContent()).toContain('1–9: pilih poli tujuan · Enter atau Esc: kembali tanpa memindah');
    await c.screenshot('slips-move-choice');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(visits(c)).toEqual([{ queue: 'K-001', unit: 'KIA', name: 'SITI NURHALIZA' }]);

    // Deliberately: G, then the unit's number key.
    await page.waitForTimeout(QUIET_MS + 100);
    await page.keyboard.press('g');
    await dialog.waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => dialog.getAttribute('data-step')).toBe('moved');
    expect(visits(c)).toEqual([{ queue: 'U-001', unit: 'UMUM', name: 'SITI NURHALIZA' }]);
  });
});

describe('a name typed in the unit step, then Enter', () => {
  it('the Enter meant for a search registers nobody; the step asks for Enter again, and a deliberate one registers', async () => {
    const c = await open();
    const { page } = c;
    await unitStepOfSiti(c);
    // The clerk thinks the search field has the focus: the next patient's name, and Enter to search.
    await page.keyboard.type('budi santoso', { delay: 80 });
    await page.keyboard.press('Enter');
    const note = page.getByTestId('unit-typed');
    await expect.poll(() => note.getAttribute('data-typed')).toBe('enter');
    expect(await note.textContent()).toBe(
      `Enter belum mendaftarkan: ada ketikan di sini sebelumnya. ${SITI.name} belum terdaftar (tetap Poli Umum, JKN). Tekan Enter sekali lagi untuk mendaftarkan, atau Esc untuk batal dan mencari pasien lain.`,
    );
    await c.screenshot('slips-enter-after-typing');
    // A reflex second Enter at once: still nobody.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(visits(c)).toEqual([]);
    expect(await page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');

    // The clerk read the note and means it: Enter registers SITI.
    await page.waitForTimeout(QUIET_MS + 100);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    expect(visits(c)).toEqual([{ queue: 'U-001', unit: 'UMUM', name: SITI.name }]);
  });
});

describe('Esc on a filled-in new-patient form', () => {
  it('the first Esc keeps the form and says so, the second leaves it; an empty form leaves at once', async () => {
    const c = await open();
    const { page } = c;
    const form = page.getByTestId('new-patient-form');
    const field = (name: string) => form.locator(`input[name="${name}"]`);
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.type('Sumarni Binti Karta', { delay: 10 });
    await field('dob').click();
    await page.keyboard.type('3-4-1955', { delay: 10 });
    await field('address').click();
    await page.keyboard.type('Kp Sukamaju RT 1 RW 2', { delay: 10 });

    // A stray Esc: nothing is lost, the screen says what a second Esc does.
    await page.keyboard.press('Escape');
    const leave = page.getByTestId('form-leave');
    await leave.waitFor();
    expect(await leave.textContent()).toBe(
      'Data pasien baru yang diketik belum disimpan. Esc sekali lagi: buang dan kembali ke pencarian · Enter: lanjutkan · atau teruskan mengetik.',
    );
    await c.screenshot('slips-form-esc');
    expect(await field('name').inputValue()).toBe('Sumarni Binti Karta');
    expect(await field('address').inputValue()).toBe('Kp Sukamaju RT 1 RW 2');
    // F2 there keeps the form too (it would open an empty one).
    await page.keyboard.press('F2');
    await page.waitForTimeout(200);
    expect(await field('name').inputValue()).toBe('Sumarni Binti Karta');

    // Typing on: the next stray Esc (in the date field) asks again, and the date stays.
    await page.keyboard.type(' Blok C', { delay: 10 });
    await expect.poll(() => leave.count()).toBe(0);
    await field('dob').click();
    await page.keyboard.press('Escape');
    await leave.waitFor();
    expect(await field('dob').inputValue()).toBe('3-4-1955');
    expect(await field('address').inputValue()).toBe('Kp Sukamaju RT 1 RW 2 Blok C');

    // The second Esc: the form goes, nobody is registered, the search field has the focus.
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => focusedId(c)).toBe('lookup-query');
    expect(visits(c)).toEqual([]);

    // Nothing typed: Esc leaves at once.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
  });
});
