/**
 * F3 and F9 on the search screen where they used to do nothing, or the wrong thing, silently
 * (clerktester F12, F15): F3 on a list member who has no record here yet says so and what to do;
 * F9 while the new-patient form has a name typed asks about that person, and once they went to
 * the IGD the form is gone, so they are not registered a second time.
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

const focused = (c: Counter): Promise<unknown> => c.page.evaluate('document.activeElement && document.activeElement.id');

/** The emergency visits in the register, with their patient and the follow-ups they opened. */
type Emergency = { name: string; nik: string | null; dob: string | null; identified: number; queue: string; kinds: string };
function emergencies(c: Counter): Emergency[] {
  return c.harness.core.db
    .prepare(
      `SELECT p.name, p.nik, p.dob, p.identified, v.queue_prefix || '-' || printf('%03d', v.queue_no) AS queue,
              (SELECT group_concat(f.kind) FROM follow_ups f WHERE f.visit_id = v.id) AS kinds
         FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.emergency = 1 ORDER BY v.id`,
    )
    .all() as Emergency[];
}

describe('F3 with no record to correct', () => {
  it('a list member never registered here: F3 says there is no record yet and what to do, in the screen’s language', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    // Scanned, as the clerk did (ct/s37.mjs): a list member, never registered here.
    await page.keyboard.type(SITI.nik);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain(SITI.name);

    await page.keyboard.press('F3');
    const note = page.getByTestId('edit-why-not');
    await expect.poll(() => note.textContent()).toBe(
      `${SITI.name} belum punya rekam medis di sini, jadi belum ada data untuk diubah. Daftarkan dulu (Enter); sesudah nomornya keluar, F3 mengubah datanya.`,
    );
    expect(await page.getByTestId('patient-edit-form').count()).toBe(0);
    await c.screenshot('search-f3-list-member');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => note.textContent()).toContain(`${SITI.name} has no medical record here yet`);
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // Registered as the note says: F3 on the number now corrects the record.
    await search.focus();
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await expect.poll(() => note.count()).toBe(0); // another key: the note has gone
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    await page.keyboard.press('F3');
    await page.getByTestId('patient-edit-form').waitFor();
    expect(await page.getByTestId('patient-edit-form').locator('input[name="name"]').inputValue()).toBe(SITI.name);
    expect(await note.count()).toBe(0);
  });
});

describe('F9 while the new-patient form is being typed', () => {
  it('a name typed: F9 asks, Enter registers that person as typed and the form is gone; F9 twice registers an unidentified one and leaves the form', async () => {
    const c = await open();
    const { page } = c;
    const form = page.getByTestId('new-patient-form');

    // As the clerk did it (ct/s46.mjs): F2, the name, F9 right away.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.type('warsinah', { delay: 20 });
    await page.keyboard.press('F9');
    const choice = page.getByTestId('emergency-choice');
    await choice.waitFor();
    expect(await page.getByTestId('emergency-this').textContent()).toContain('WARSINAH');
    expect(await choice.textContent()).toContain('F9 lagi: pasien tanpa identitas');
    await c.screenshot('search-f9-form-choice');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await expect.poll(() => page.getByTestId('emergency-dialog').textContent()).toContain('WARSINAH');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
    // WARSINAH went to the IGD: no form left to register her a second time.
    await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    await expect.poll(() => focused(c)).toBe('lookup-query');
    // A record of her own, identified by the name typed: no identity follow-up, only the payer.
    expect(emergencies(c)).toEqual([{ name: 'WARSINAH', nik: null, dob: null, identified: 1, queue: 'GD-001', kinds: 'settle-payer' }]);

    // F9 twice: an unidentified emergency, by the clerk's choice; the person typed stays in the form.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.type('SUKARNI', { delay: 20 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('3673', { delay: 20 }); // a NIK half typed
    await page.keyboard.press('Tab');
    await page.keyboard.type('02021960', { delay: 20 }); // the birth date, typed after the name
    await page.keyboard.press('F9');
    await choice.waitFor();
    // A clerk's pace: an F9 within 1.5 s of GD-001's would be taken for a doubled press.
    await page.waitForTimeout(1600);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-002');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
    expect(await form.locator('input[name="name"]').inputValue()).toBe('SUKARNI');
    expect(emergencies(c)[1]).toMatchObject({ identified: 0, kinds: 'settle-payer,identify-patient' });

    // Then Enter for her: the half-typed NIK is left out (never guessed, never a refusal); the name and date go.
    expect(await form.locator('input[name="nik"]').inputValue()).toBe('3673');
    await page.keyboard.press('F9');
    await choice.waitFor();
    expect(await page.getByTestId('emergency-this').textContent()).toContain('SUKARNI');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-003');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    expect(emergencies(c)[2]).toEqual({ name: 'SUKARNI', nik: null, dob: '1960-02-02', identified: 1, queue: 'GD-003', kinds: 'settle-payer' });
  });
});
