import type { Browser, Request } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openCounter, type Counter } from './support/counter';
import { APBD, APBN_OLD, RIZKI } from './support/lists';
import { useFixtures } from './support/ui';

// en-US is the locale where <input type=date> reads mm/dd/yyyy: 28081990 became 8 February.
const counters = useFixtures((browser: Browser) => openCounter(browser, [APBD, APBN_OLD], { width: 1024, height: 768 }, { locale: 'en-US' }));

/** The JSON body of the next call of a contract method (the harness bridge posts to /rpc/<method>). */
function nextCall(c: Counter, method: string): Promise<Request> {
  return c.page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/rpc/${method}`));
}

/** The unit step's Daftar button has the focus: only then does Enter register (the focus moves there once the step shows). */
async function registerButtonFocused(c: Counter): Promise<void> {
  await expect.poll(() => c.page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")')).toBe('register-submit');
}

async function openNewPatientForm(c: Counter) {
  await c.page.keyboard.press('F2');
  const form = c.page.getByTestId('new-patient-form');
  await form.waitFor();
  return form;
}

describe('dates typed day first, whatever the browser locale', () => {
  it('(a) the new-patient form saves 28081990 as 28 August 1990; ArrowDown/ArrowUp change nothing', async () => {
    const c = await counters.open();
    const { page } = c;
    expect(await page.evaluate('navigator.language')).toBe('en-US');
    const form = await openNewPatientForm(c);
    await page.keyboard.type('Bayi Ny. Rina');
    const dob = form.locator('input[name="dob"]');
    expect(await dob.getAttribute('type')).toBe('text');
    await dob.click();
    await dob.pressSequentially('28081990', { delay: 20 });
    const note = form.getByTestId('dob-note');
    await expect.poll(() => note.textContent()).toBe('28 Agustus 1990');

    await dob.press('ArrowDown');
    await dob.press('ArrowDown');
    await dob.press('ArrowUp');
    expect(await dob.inputValue()).toBe('28081990');
    expect(await note.textContent()).toBe('28 Agustus 1990');
    await c.screenshot('dates-a-new-patient-dob');

    await dob.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    // The record is made with its visit, when the clerk registers.
    await registerButtonFocused(c);
    const created = nextCall(c, 'registerNewPatient');
    await page.keyboard.press('Enter');
    expect((await created).postDataJSON()).toMatchObject({ identity: { name: 'BAYI NY. RINA', dob: '1990-08-28' } });
  });

  it('(b) the form refuses a date that does not exist or a future birth date, in words, and saves once corrected', async () => {
    const c = await counters.open();
    const { page } = c;
    const form = await openNewPatientForm(c);
    await page.keyboard.type('Pasien Tanggal');
    const dob = form.locator('input[name="dob"]');
    const note = form.getByTestId('dob-note');
    await dob.fill('31-02-1985');
    await expect.poll(() => note.textContent()).toBe('31-02-1985: tanggal ini tidak ada');
    await dob.press('Enter');
    await expect.poll(() => dob.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('register-panel').getAttribute('data-step')).toBe('form');

    await dob.fill('11062025'); // the browser's today is 10 June 2025
    await expect.poll(() => note.textContent()).toContain('tidak mungkin di masa depan');
    await c.screenshot('dates-b-future-birth');
    await dob.fill('12 Mar 85');
    await expect.poll(() => note.textContent()).toBe('12 Maret 1985');
    await dob.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await registerButtonFocused(c);
    const created = nextCall(c, 'registerNewPatient');
    await page.keyboard.press('Enter');
    expect((await created).postDataJSON()).toMatchObject({ identity: { dob: '1985-03-12' } });
  });

  it('(c) the NIK fills birth date and sex, a typed date is kept and warned against the NIK; an impossible NIK is flagged, still saved', async () => {
    const c = await counters.open();
    const { page } = c;
    const form = await openNewPatientForm(c);
    await page.keyboard.type('Rina Wati');
    const nik = form.locator('input[name="nik"]');
    const dob = form.locator('input[name="dob"]');
    const sex = form.locator('select[name="sex"]');
    // A woman born 28-08-1990: day 28 + 40.
    await nik.fill('3673016808900007');
    await expect.poll(() => dob.inputValue()).toBe('28-08-1990');
    await expect.poll(() => sex.inputValue()).toBe('P');
    await expect.poll(() => form.getByTestId('dob-note').textContent()).toBe('28 Agustus 1990');

    // The clerk's own date is never overwritten by the NIK, and the contradiction is said.
    await dob.fill('27081990');
    await expect.poll(() => form.getByTestId('dob-note').textContent()).toBe('27 Agustus 1990 · tidak sesuai NIK: 28-08-1990');
    await nik.fill('3673016808900008');
    expect(await dob.inputValue()).toBe('27081990');
    await c.screenshot('dates-c-nik-contradiction');

    // Region 99 and day 72 (32 + 40) cannot exist: flagged, never refused.
    await nik.fill('9973017203850003');
    const warnings = form.getByTestId('nik-warning');
    await expect.poll(() => warnings.count()).toBe(2);
    expect(await warnings.first().textContent()).toContain('Kode wilayah 99 tidak ada');
    await c.screenshot('dates-c-impossible-nik');
    const created = nextCall(c, 'findPatient');
    await nik.press('Enter');
    expect((await created).postDataJSON()).toEqual({ nik: '9973017203850003' });
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
  });

  it('(d) the search bar searches 28081990 as 28 August 1990, and ArrowDown in its date field changes nothing', async () => {
    const c = await counters.open();
    const { page } = c;
    const dob = page.locator('#lookup-dob');
    expect(await dob.getAttribute('type')).toBe('text');
    await dob.click();
    await dob.pressSequentially('28081990', { delay: 20 });
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toBe('28 Agustus 1990');
    await dob.press('ArrowDown');
    await dob.press('ArrowUp');
    expect(await dob.inputValue()).toBe('28081990');
    expect(await page.getByTestId('dob-note').textContent()).toBe('28 Agustus 1990');

    const search = page.locator('#lookup-query');
    await search.fill('Muhammad Rizki');
    const lookup = nextCall(c, 'lookup');
    await search.press('Enter');
    expect((await lookup).postDataJSON()).toEqual({ query: 'Muhammad Rizki', dob: '1990-08-28' });
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).not.toBeNull();
    await c.screenshot('dates-d-search-dob');
    // The date in words follows the UI language.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toBe('28 August 1990');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toBe('28 Agustus 1990');

    // Day first also for the list member's own date; a date that does not exist searches without one.
    await dob.fill('17/5/90');
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toBe('17 Mei 1990');
    const again = nextCall(c, 'lookup');
    await dob.press('Enter');
    expect((await again).postDataJSON()).toEqual({ query: 'Muhammad Rizki', dob: RIZKI.dob });
    await dob.fill('30-02-1990');
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toBe('30-02-1990: tanggal ini tidak ada');
    const without = nextCall(c, 'lookup');
    await dob.press('Enter');
    expect((await without).postDataJSON()).toEqual({ query: 'Muhammad Rizki' });

    // Esc in the date field clears it, and the whole screen.
    await dob.press('Escape');
    await expect.poll(() => dob.inputValue()).toBe('');
    await expect.poll(() => search.inputValue()).toBe('');
  });
});
