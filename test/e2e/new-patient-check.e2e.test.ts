/**
 * F2 (a new patient) with a NIK typed in the form: the NIK is looked up as the search field would,
 * before the unit step, so the payer comes from a real check and the list's card and address go
 * into the new record. Without a NIK the payer is never said to come from a check.
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, SITI, STRANGER_NIK } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

async function fillNewPatient(c: Counter, name: string, nik: string | null): Promise<void> {
  const { page } = c;
  await page.keyboard.press('F2');
  const form = page.getByTestId('new-patient-form');
  await form.waitFor();
  await form.locator('input[name="name"]').fill(name);
  if (nik) await form.locator('input[name="nik"]').fill(nik);
  await form.locator('input[name="name"]').press('Enter');
  await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
}
const derivedNote = (c: Counter, payer: string): Promise<string | null> => c.page.locator(`[data-payer="${payer}"] .choice__note`).textContent();

describe('F2 with a NIK: checked before the unit step', () => {
  it('an active list member typed by hand: the check is shown, JKN derived from it, the card and address taken from the list', async () => {
    const c = await open();
    const { page } = c;
    await fillNewPatient(c, 'siti aminah', SITI.nik);
    const check = page.getByTestId('register-check');
    await check.waitFor();
    expect(await check.getAttribute('data-verdict')).toBe('eligible');
    expect(await check.textContent()).toBe(`Hasil cek 3673••••••••0003: Terdaftar aktif (${APBD.name}, atas nama ${SITI.name})`);
    await expect.poll(() => page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => derivedNote(c, 'jkn')).toBe('Otomatis dari hasil cek');
    await c.screenshot('new-patient-check-member');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');

    const row = (await c.harness.core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).find((r) => r.queue === 'U-001');
    expect(row?.payer).toBe('jkn');
    const record = await c.harness.core.findPatient({ nik: SITI.nik });
    expect(record).toMatchObject({ name: 'SITI AMINAH', card: SITI.card, address: 'JL. KI MAS JONG NO. 5 RT 002/003 KALIGANDU' });
    // No "Kepesertaan belum dicek" task: the payer is settled.
    expect((await c.harness.core.openFollowUps({})).filter((f) => f.visit.queue === 'U-001')).toEqual([]);
  });

  it('a name without a letter ("1", the unit key typed by habit) is refused under the name field; nothing is written', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await form.locator('input[name="name"]').fill('1');
    await form.locator('input[name="nik"]').fill(STRANGER_NIK);
    await form.locator('input[name="name"]').press('Enter');
    await expect.poll(() => form.getByTestId('name-error').textContent()).toBe('Nama harus memuat huruf (bukan hanya angka atau tanda).');
    expect(await page.getByTestId('register-panel').getAttribute('data-step')).toBe('form');
    expect(await c.harness.core.findPatient({ nik: STRANGER_NIK })).toBeNull();
  });

  it('Enter on the sex field continues the form, as on every other field', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await form.locator('input[name="name"]').fill('WIWIK LAKSMI');
    await form.locator('select[name="sex"]').focus();
    await page.keyboard.press('p');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
  });

  it('a NIK on no list: the check says not found, and the payer task says so too (not "belum dicek")', async () => {
    const c = await open();
    const { page } = c;
    await fillNewPatient(c, 'WIWIK SALAH DAFTAR', STRANGER_NIK);
    await expect.poll(() => page.getByTestId('register-check').getAttribute('data-verdict')).toBe('unknown');
    await expect.poll(() => page.locator('[data-payer="pending"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => derivedNote(c, 'pending')).toBe('Otomatis dari hasil cek');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    const tasks = (await c.harness.core.openFollowUps({})).filter((f) => f.visit.queue === 'U-001');
    expect(tasks.map((f) => [f.kind, f.reason])).toEqual([['settle-payer', 'not-found']]);
  });

  it('without a NIK nothing is checked, and the payer is never said to come from a check', async () => {
    const c = await open();
    const { page } = c;
    await fillNewPatient(c, 'BAYI NY. SITI', null);
    expect(await page.getByTestId('register-check').count()).toBe(0);
    await expect.poll(() => page.locator('[data-payer="pending"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => derivedNote(c, 'pending')).toBe('Belum dicek');
    expect(await page.getByTestId('register-panel').textContent()).not.toContain('Otomatis dari hasil cek');
  });
});

describe('F2 without a number, with the name and birth date of one list member', () => {
  async function typeWithoutNumber(c: Counter, name: string, dob: string): Promise<void> {
    const { page } = c;
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await form.locator('input[name="name"]').fill(name);
    await form.locator('input[name="dob"]').fill(dob);
    await form.locator('input[name="name"]').press('Enter');
    await page.getByTestId('list-namesake').waitFor();
  }

  it('asks whether it is that person; Enter (yes) takes the list\'s numbers: checked, JKN, the record holds the NIK and card', async () => {
    const c = await open();
    const { page } = c;
    await typeWithoutNumber(c, 'Siti Aminah', '12031985');
    const question = page.getByTestId('list-namesake');
    expect(await question.locator('h2').textContent()).toBe(`Di daftar ${APBD.name} ada SITI AMINAH, lahir 12 Mar 1985. Orang yang sama?`);
    expect(await question.textContent()).toContain('NIK 3673••••••••0003');
    await c.screenshot('new-patient-namesake');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-check').getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    expect(await c.harness.core.findPatient({ nik: SITI.nik })).toMatchObject({ name: 'SITI AMINAH', card: SITI.card, dob: '1985-03-12' });
  });

  it('"Bukan" registers the patient as typed: no number, nothing checked; another birth date asks nothing', async () => {
    const c = await open();
    const { page } = c;
    await typeWithoutNumber(c, 'SITI AMINAH', '12031985');
    await page.locator('[data-testid="list-namesake"] [data-choice="not-same"]').click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('register-check').count()).toBe(0);
    await expect.poll(() => derivedNote(c, 'pending')).toBe('Belum dicek');
    await page.keyboard.press('Escape');

    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await form.locator('input[name="name"]').fill('SITI AMINAH');
    await form.locator('input[name="dob"]').fill('13031985');
    await form.locator('input[name="name"]').press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('list-namesake').count()).toBe(0);
    expect(await c.harness.core.findPatient({ nik: SITI.nik })).toBeNull();
  });
});
