import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_MS } from '../../src/renderer/src/features/lookup/type-ahead';
import { SCREENSHOT_DIR, type Counter } from './support/counter';
import { layoutProblems } from './support/layout';
import { APBD } from './support/lists';
import { useCounters } from './support/ui';

// A facility that moved from paper records: the first RM number after the paper ones (Pengaturan),
// and the old RM ("RM lama") on a record, entered, corrected and found by the search, at 1024x768.
const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });
const viewShot = (c: Counter, name: string): Promise<Buffer> => c.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
const focusedAttr = (c: Counter, name: string): Promise<unknown> => c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(name)})`);

describe('a facility moving from paper records', () => {
  it('Pengaturan: the first RM number, previewed in the format, saved; new records start there', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.press('Alt+6');
    const start = page.locator('[data-setting="mrnStart"]');
    await start.waitFor();
    expect(await start.inputValue()).toBe('1');
    await start.fill('0');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-field-error="mrnStart"]').textContent()).toContain('Nomor urut RM pertama');
    await start.fill('200000');
    await expect.poll(() => page.getByTestId('mrn-start-preview').textContent()).toBe('200000');
    await page.locator('[data-setting="mrnFormat"]').fill('RM-{seq:6}');
    await expect.poll(() => page.getByTestId('mrn-start-preview').textContent()).toBe('RM-200000');
    await page.locator('[data-setting="mrnFormat"]').fill('{seq:6}');
    await page.keyboard.press('Control+s');
    await page.getByTestId('settings-status').waitFor();
    await expect.poll(() => page.locator('[data-field-error="mrnStart"]').count()).toBe(0);
    await start.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await viewShot(c, 'paper-a-settings-1024');
    expect(await layoutProblems(page)).toEqual([]);
    expect((await c.harness.core.getSettings({})).mrnStart).toBe(200000);

    // The next new patient, registered at the screen: RM 200000.
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('F2');
    await page.getByTestId('new-patient-form').waitFor();
    await page.keyboard.type('PASIEN PERTAMA');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    expect(c.harness.core.db.prepare('SELECT mrn FROM patients').all()).toEqual([{ mrn: '200000' }]);

    // Lowered afterwards: the hint says the number that will really be given (200001), not 000100.
    await page.keyboard.press('Alt+6');
    await start.waitFor();
    await start.fill('100');
    await expect.poll(() => page.getByTestId('mrn-start-preview').textContent()).toBe('200001');
    // Wider than the format's 6 digits: refused in words, never saved (a start is never taken back).
    await start.fill('99999999');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('[data-field-error="mrnStart"]').textContent()).toContain('lebih dari 6 digit');
    expect((await c.harness.core.getSettings({})).mrnStart).toBe(200000);
  });

  it('an old card "No. RM 000013" that is also a Loket RM: both shown, each marked; the clerk picks; "RM lama 31" after F3', async () => {
    const c = await open();
    const { page } = c;
    for (let i = 1; i <= 12; i++) await c.harness.core.createPatient({ name: `PASIEN ${i}` });
    const fatimah = await c.harness.core.createPatient({ name: 'Fatimah Yusuf', dob: '1985-02-03' });
    expect(fatimah.mrn).toBe('000013');

    // AMINAH's first visit since Loket: a new record, with the number of her paper card.
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await page.keyboard.type('AMINAH');
    await form.locator('input[name="oldMrn"]').fill('No. RM 000013');
    await viewShot(c, 'paper-b-new-patient-1024');
    expect(await layoutProblems(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    const aminah = c.harness.core.db.prepare("SELECT id, mrn, old_mrn AS oldMrn FROM patients WHERE name = 'AMINAH'").get() as { id: number; mrn: string; oldMrn: string };
    expect(aminah).toMatchObject({ mrn: '000014', oldMrn: '000013' });

    // Next visit: she shows the old card. "13" is FATIMAH's RM and AMINAH's old RM: nobody is picked for the clerk.
    const search = page.locator('#lookup-query');
    await search.fill('No. RM 000013');
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('problem');
    expect(await verdict.textContent()).toContain('Nomor ini cocok dengan 2 pasien');
    expect(await page.getByTestId('own-patient').count()).toBe(0);
    await expect.poll(() => page.getByTestId('own-matches').textContent()).toContain('Nomor 000013: No. RM satu pasien dan RM lama pasien lain');
    const items = page.getByTestId('own-match');
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => items.nth(0).textContent()).toContain('FATIMAH YUSUF');
    expect(await items.nth(0).getByTestId('number-match').textContent()).toBe('Cocok No. RM 000013');
    expect(await items.nth(1).textContent()).toContain('AMINAH');
    expect(await items.nth(1).getByTestId('number-match').textContent()).toBe('Cocok RM lama 000013');
    await viewShot(c, 'paper-c-two-ways-1024');
    expect(await layoutProblems(page)).toEqual([]);

    // A reflex Enter (a scanner's suffix, then the clerk's) picks nobody: the note says to ask for the card.
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('dob-hold-note').textContent()).toContain('Nomor 000013 cocok dengan No. RM satu pasien dan RM lama pasien lain');
    expect(await focusedAttr(c, 'id')).toBe('lookup-query');
    await search.press('Enter');
    expect(await focusedAttr(c, 'id')).toBe('lookup-query');
    expect(await page.getByTestId('own-patient').count()).toBe(0);
    expect(await page.getByTestId('register-panel').count()).toBe(0);
    await viewShot(c, 'paper-c2-two-ways-hold-1024');
    expect(await layoutProblems(page)).toEqual([]);
    // ↓ to the choices (FATIMAH, then AMINAH), Enter: her record, found by the old RM.
    await search.press('ArrowDown');
    await expect.poll(() => focusedAttr(c, 'aria-label')).toContain('FATIMAH YUSUF');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAttr(c, 'aria-label')).toContain('AMINAH');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').textContent()).toContain('RM 000014');
    expect(await page.getByTestId('own-patient').textContent()).toContain('AMINAH');
    // The line keeps which match it was.
    expect(await page.getByTestId('found-by-old-mrn').textContent()).toBe('Ditemukan lewat RM lama 000013');

    // F3: the old RM is corrected (the card said 000031, the clerk misread it).
    await page.keyboard.press('F3');
    const edit = page.getByTestId('patient-edit-form');
    await edit.waitFor();
    const field = edit.locator('input[name="oldMrn"]');
    expect(await field.inputValue()).toBe('000013');
    await field.fill('000031');
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('edit-notice').textContent()).toBe('Data pasien RM 000014 diubah: RM lama.');

    // "RM lama 31": AMINAH alone, and the line says how she was found.
    await search.fill('RM lama 31');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').textContent()).toContain('RM 000014');
    expect(await page.getByTestId('found-by-old-mrn').textContent()).toBe('Ditemukan lewat RM lama 000031');
    await viewShot(c, 'paper-d-found-by-old-mrn-1024');
    expect(await layoutProblems(page)).toEqual([]);
    // "13" is now FATIMAH's alone.
    await search.fill('13');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').textContent()).toContain('FATIMAH YUSUF');
  });

  it('an old card "A/0014" nobody has: said so, never a new patient named "A/0014"; F2 puts it in RM lama', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill('A/0014');
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('problem');
    expect(await verdict.textContent()).toContain('Tidak ada pasien dengan No. RM atau RM lama A/0014');
    await viewShot(c, 'paper-e-old-card-unknown-1024');
    expect(await layoutProblems(page)).toEqual([]);
    // The reflex Enters register nobody.
    await search.press('Enter');
    await search.press('Enter');
    expect(await page.getByTestId('new-patient-form').count()).toBe(0);
    expect(await page.getByTestId('register-panel').count()).toBe(0);
    // Each Enter searched again: F2 waits for the last answer (a key pressed while a search asked
    // for is on its way is held, and F2 is dropped with a note once the answer shows: type-ahead.ts).
    await page.waitForTimeout(CLAIM_MS + 100);
    await page.locator('[data-testid="lookup"][data-busy="false"]').waitFor();
    // F2: the number goes into RM lama, the name stays for the clerk to type.
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    expect(await form.locator('input[name="oldMrn"]').inputValue()).toBe('A/0014');
    expect(await form.locator('input[name="name"]').inputValue()).toBe('');
    expect(c.harness.core.db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 0 });
  });

  it('an old RM two patients hold: headed by that old RM, never by a holder\'s Loket RM', async () => {
    const c = await open();
    const { page } = c;
    await c.harness.core.createPatient({ name: 'Budi Santoso', oldMrn: '000003' });
    await c.harness.core.createPatient({ name: 'Rina Marlina', oldMrn: '000003' });
    const search = page.locator('#lookup-query');
    await search.fill('RM lama 000003');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-match').count()).toBe(2);
    const list = await page.getByTestId('own-matches').textContent();
    expect(list).toContain('Pasien dengan RM lama 000003');
    expect(list).not.toContain('Pasien dengan No. RM');
  });

  it('F3: an old RM another patient already holds is saved with a word naming the holder', async () => {
    const c = await open();
    const { page } = c;
    await c.harness.core.createPatient({ name: 'Budi Santoso' });
    const rina = await c.harness.core.createPatient({ name: 'Rina Marlina', oldMrn: '000003' });
    const search = page.locator('#lookup-query');
    await search.fill('000001');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').textContent()).toContain('BUDI SANTOSO');
    await page.keyboard.press('F3');
    const field = page.getByTestId('patient-edit-form').locator('input[name="oldMrn"]');
    await field.fill('000003');
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('old-mrn-also-on').textContent()).toContain(`RM lama 000003 juga tercatat pada RINA MARLINA (RM ${rina.mrn})`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('emergency identification: a number two patients answer marks which matched how', async () => {
    const c = await open();
    const { page } = c;
    for (let i = 1; i <= 2; i++) await c.harness.core.createPatient({ name: `PASIEN ${i}` });
    const dewi = await c.harness.core.createPatient({ name: 'Dewi Lestari' });
    expect(dewi.mrn).toBe('000003');
    await c.harness.core.createPatient({ name: 'Rina Marlina', oldMrn: '000003' });
    await c.harness.core.registerEmergency({});
    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    await identify.locator('[data-action="identify"]').click();
    const query = page.locator('input[name="identity-query"]');
    await query.fill('000003');
    await query.press('Enter');
    const choices = page.locator('[data-testid="identity-choice"][data-kind="own"]');
    await expect.poll(() => choices.count()).toBe(2);
    expect(await choices.nth(0).textContent()).toContain('DEWI LESTARI');
    expect(await choices.nth(0).getByTestId('number-match').textContent()).toBe('Cocok No. RM 000003');
    expect(await choices.nth(1).textContent()).toContain('RINA MARLINA');
    expect(await choices.nth(1).getByTestId('number-match').textContent()).toBe('Cocok RM lama 000003');
    await viewShot(c, 'paper-f-emergency-two-ways-1024');
    expect(await layoutProblems(page)).toEqual([]);
  });
});
