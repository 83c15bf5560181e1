import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { useCounters } from './support/ui';
import { APBD } from './support/lists';

const counters = useCounters();

// SUTINAH was registered without NIK, born "01-07-1950" (the year-only convention); her new KTP says 12-03-1950.
const KTP = '3673015203500001';

/** A KTP or card on no list scanned, Enter to the new-patient form, the name typed, Enter: the duplicate question's text. */
async function scanAndName(c: Counter, number: string, name: string): Promise<string> {
  const { page } = c;
  const search = page.locator('#lookup-query');
  await search.fill(number);
  await search.press('Enter');
  await expect.poll(() => page.getByTestId('register-start').count()).toBe(1);
  await search.press('Enter');
  const form = page.getByTestId('new-patient-form');
  await form.waitFor();
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="name"]').press('Enter');
  const dups = page.getByTestId('duplicates');
  await dups.waitFor();
  return (await dups.textContent()) ?? '';
}

describe('a patient registered without NIK comes back with a KTP (searchtester S4)', () => {
  it('the duplicate check finds her under the convention date, and "Pakai data ini" puts the NIK on her record, so the next scan finds it', async () => {
    const c = await counters.open([APBD]);
    const { page } = c;
    const record = await c.harness.core.createPatient({ name: 'SUTINAH', dob: '1950-07-01', sex: 'P' });
    const question = await scanAndName(c, KTP, 'SUTINAH');
    expect(question).toContain(record.mrn);
    expect(question).toContain('disimpan pada data yang dipakai');
    await c.screenshot('duplicate-keeps-nik');
    await page.keyboard.press('Enter'); // "Pakai data ini" has the focus
    const panel = page.getByTestId('register-panel');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('register-patient').textContent()).toContain(record.mrn);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');

    // The record now carries the KTP's NIK: the next scan finds her, no new-patient offer.
    expect((await c.harness.core.findPatient({ nik: KTP }))?.mrn).toBe(record.mrn);
    await page.keyboard.press('Escape');
    const search = page.locator('#lookup-query');
    await search.fill(KTP);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').getAttribute('data-mrn')).toBe(record.mrn);
  });

  it('only a JKN card, the patient registered earlier by NIK: the form without a date still asks, and "Pakai data ini" puts the card on the record (searchtester S5)', async () => {
    const c = await counters.open([APBD]);
    const { page } = c;
    const record = await c.harness.core.createPatient({ name: 'WAHYU PRATAMA', nik: '3673011505900003', dob: '1990-05-15', sex: 'L' });
    const card = '0001234567897'; // on no list
    expect(await scanAndName(c, card, 'WAHYU PRATAMA')).toContain(record.mrn);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('register-patient').textContent()).toContain(record.mrn);
    expect((await c.harness.core.findPatient({ card }))?.mrn).toBe(record.mrn);
  });
});
