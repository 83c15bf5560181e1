/**
 * Keys that registered or changed data by accident (nighttester F4, F7, F9): a doubled or mashed
 * F9 made phantom unidentified emergencies; a name typed in the unit step changed the payer by
 * its letters and its space pressed Daftar; a KTP scanned into the F2 form registered the typed
 * name with another person's NIK.
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { QUIET_MS, SETTLE_MS } from '../../src/renderer/src/components/letter-keys';
import { APBD, SITI, STRANGER_NIK } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

/** The emergency visits in the register, in order, with their patient's name. */
function emergencies(c: Counter): { queue: string; name: string }[] {
  return c.harness.core.db
    .prepare(
      `SELECT v.queue_prefix || '-' || printf('%03d', v.queue_no) AS queue, p.name
         FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.emergency = 1 ORDER BY v.id`,
    )
    .all() as { queue: string; name: string }[];
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** SITI AMINAH scanned into the search field: her answer on screen, ready to register. */
async function searchSiti(c: Counter): Promise<void> {
  const search = c.page.locator('#lookup-query');
  await search.fill(SITI.nik);
  await search.press('Enter');
  await c.page.getByTestId('register-start').waitFor();
}

/** F2, a name typed, then SITI AMINAH's KTP scanned into the NIK field (16 digits and the scanner's Enter). */
async function scanIntoForm(c: Counter, name: string): Promise<void> {
  const { page } = c;
  const form = page.getByTestId('new-patient-form');
  await page.keyboard.press('F2');
  await form.waitFor();
  await page.keyboard.type(name, { delay: 15 });
  await form.locator('input[name="nik"]').click();
  await page.keyboard.type(SITI.nik, { delay: 15 });
  await page.keyboard.press('Enter');
}

describe('F9 doubled or mashed (F4)', () => {
  it('F9 twice 150 ms apart, or again while the number shows: one unidentified emergency, and the window says how to register another', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.press('F9');
    await pause(150);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    // Again while the window shows, later than the bounce: still nobody more.
    await pause(1600);
    await page.keyboard.press('F9');
    const another = page.getByTestId('emergency-another');
    await expect.poll(() => another.getAttribute('data-again')).toBe('true');
    expect(await another.textContent()).toBe(
      'F9 tidak mendaftarkan pasien lagi: GD-001 baru saja didaftarkan. Korban lain tanpa identitas? Tutup jendela ini (Enter atau Esc), lalu tekan F9 lagi.',
    );
    await c.screenshot('f9-again-in-window');
    await pause(300);
    expect(emergencies(c).map((e) => e.queue)).toEqual(['GD-001']);
    expect(await page.getByTestId('emergency-queue').textContent()).toBe('GD-001');

    // A deliberate second victim, as the window says: Enter, then F9: registered at once.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-002');
    expect(emergencies(c).map((e) => e.queue)).toEqual(['GD-001', 'GD-002']);
  });

  it('two victims: the number read and closed with Enter, F9 at once registers the second, however soon after the first', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await pause(400); // the clerk reads the number
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-002');
    expect(emergencies(c).map((e) => e.queue)).toEqual(['GD-001', 'GD-002']);
  });

  it('a patient’s number shown, then F9 for an unidentified one: the window names both numbers, not only the last', async () => {
    const c = await open();
    const { page } = c;
    await searchSiti(c);
    await page.keyboard.press('F9');
    await page.getByTestId('emergency-choice').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await pause(1600);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-002');
    expect(await page.getByTestId('emergency-earlier').textContent()).toBe('Terdaftar: GD-001, GD-002.');
    expect(emergencies(c).map((e) => e.name)).toEqual([SITI.name, expect.stringMatching(/^TANPA IDENTITAS/)]);
  });

  it('keys mashed at 80 ms (F3, F2, F9, Enter, F9, F1, Esc, F4, F9, F9): one phantom at most', async () => {
    const c = await open();
    const { page } = c;
    await searchSiti(c);
    for (const key of ['F3', 'F2', 'F9', 'Enter', 'F9', 'F1', 'Escape', 'F4', 'F9', 'F9']) {
      await page.keyboard.press(key);
      await pause(80);
    }
    await pause(1000);
    const unidentified = emergencies(c).filter((e) => e.name.startsWith('TANPA IDENTITAS'));
    expect(unidentified.length).toBeLessThanOrEqual(1);
  });
});

/** The regular visits in the register, with their payer. */
function visits(c: Counter): { queue: string; payer: string }[] {
  return c.harness.core.db
    .prepare(`SELECT v.queue_prefix || '-' || printf('%03d', v.queue_no) AS queue, v.payer FROM visits v WHERE v.emergency = 0 ORDER BY v.id`)
    .all() as { queue: string; payer: string }[];
}

describe('a name typed in the unit step (F7)', () => {
  it('`ahmad 2` at 120 ms a key changes no payer nor unit and registers nobody; the step says so; a payer letter alone still acts; only Enter registers', async () => {
    const c = await open();
    const { page } = c;
    await searchSiti(c);
    await page.locator('#lookup-query').press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await expect.poll(() => c.page.evaluate('document.activeElement?.dataset.testid')).toBe('register-submit');
    const pressed = (payer: string) => page.locator(`[data-payer="${payer}"]`).getAttribute('aria-pressed');
    await expect.poll(() => pressed('jkn')).toBe('true');

    // The clerk thinks the search field has the focus and types the next patient's name.
    await page.keyboard.type('ahmad 2', { delay: 120 });
    await pause(500);
    expect(await pressed('jkn')).toBe('true');
    const unitPressed = (code: string) => page.locator(`[data-unit="${code}"]`).getAttribute('aria-pressed');
    expect(await unitPressed('UMUM')).toBe('true');
    expect(visits(c)).toEqual([]);
    expect(await page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('unit-typed').textContent()).toBe(
      'Ketikan tidak mengubah poli maupun penjamin (tetap Poli Umum, JKN): angka poli dan huruf penjamin bekerja bila ditekan sendiri. Belum terdaftar: Enter lalu Enter lagi untuk mendaftarkan, Esc batal.',
    );
    await c.screenshot('unit-step-typed-name');

    // `siti` then a space, slower than a typist: the space registers nobody.
    await pause(QUIET_MS + 100);
    await page.locator('[data-testid="register-submit"]').focus();
    await page.keyboard.type('siti ', { delay: 200 });
    await page.keyboard.press(' ');
    await pause(300);
    expect(visits(c)).toEqual([]);
    expect(await pressed('jkn')).toBe('true');

    // An RM typed there (its 1 and 2 are unit keys): no unit picked, the first digit's taken back.
    await pause(QUIET_MS + 100);
    await page.keyboard.type('000123', { delay: 150 });
    await pause(SETTLE_MS);
    expect(await unitPressed('UMUM')).toBe('true');
    await expect.poll(() => page.getByTestId('unit-typed').count()).toBe(1);

    // D alone (the keyboard quiet before it): Jamkesda at once, and Enter right after registers with it.
    await pause(QUIET_MS + 100);
    await page.keyboard.press('d');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    // The 2 typed after the name picked no unit: Poli Umum, as before the name.
    expect(visits(c)).toEqual([{ queue: 'U-001', payer: 'jamkesda' }]);
  });
});

describe('a KTP scanned into the F2 form while another name is typed (F9)', () => {
  it('the scan’s Enter stops at a question naming both, the focus on going back; nothing is registered with the other person’s NIK', async () => {
    const c = await open();
    const { page } = c;
    const form = page.getByTestId('new-patient-form');
    // A visitor without KTP being typed; the next patient's KTP scanned into the NIK field.
    await scanIntoForm(c, 'WATI');

    const clash = page.getByTestId('nik-clash');
    await clash.waitFor();
    expect(await page.locator('#nik-clash-title').textContent()).toBe('NIK ini terdaftar atas nama SITI AMINAH, bukan WATI.');
    expect(await clash.textContent()).toContain('PBI APBD KOTA SERANG');
    await expect.poll(() => page.evaluate('document.activeElement?.dataset.choice')).toBe('back');
    await c.screenshot('f2-scan-other-name');
    // A second Enter (the scanner's, or the clerk's at once) only goes back to the form.
    await page.keyboard.press('Enter');
    await form.waitFor();
    expect(await form.locator('input[name="name"]').inputValue()).toBe('WATI');
    expect(visits(c)).toEqual([]);

    // Sent again, then saved as the typed person without that NIK: no check, no JKN, no birth date from it.
    await form.locator('input[name="nik"]').press('Enter');
    await clash.waitFor();
    await page.locator('[data-choice="without-nik"]').click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('register-patient').textContent()).toContain('WATI');
    expect(await page.getByTestId('register-check').count()).toBe(0);
    expect(await page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    const wati = c.harness.core.db.prepare(`SELECT name, nik, dob FROM patients WHERE name = 'WATI'`).all();
    expect(wati).toEqual([{ name: 'WATI', nik: null, dob: null }]);

    // Siti's own scan finds her on the list, never WATI.
    const search = page.locator('#lookup-query');
    await page.keyboard.press('F1');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain(SITI.name);
  });

  it('the same person spelt otherwise (a title, case): no question, the list’s data as before', async () => {
    const c = await open();
    const { page } = c;
    await scanIntoForm(c, 'ny. siti aminah');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('nik-clash').count()).toBe(0);
    expect(await page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('a KTP scanned into a NIK field that holds something already (UI tester, finding 6)', () => {
  it('the scan replaces what was there, with the scanner\'s Enter or without it; it is never appended and cut at 20 characters', async () => {
    const c = await open();
    const { page } = c;
    const form = page.getByTestId('new-patient-form');
    const nik = form.locator('input[name="nik"]');
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate('document.activeElement.name')).toBe('nik');
    await page.keyboard.type('3673', { delay: 120 });
    // The clerk reaches for the scanner: a moment later, the card.
    await page.waitForTimeout(500);
    await page.keyboard.type(SITI.nik, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => nik.inputValue()).toBe(SITI.nik);
    // A scanner sending no Enter: the same, once its burst is over.
    await nik.focus();
    await page.keyboard.type('3673', { delay: 120 });
    await page.waitForTimeout(500);
    await page.keyboard.type(STRANGER_NIK, { delay: 5 });
    await expect.poll(() => nik.inputValue()).toBe(STRANGER_NIK);
    expect(visits(c)).toEqual([]);
  });
});
