import { describe, expect, it } from 'vitest';
import { csvList, type Counter, type ListFile } from './support/counter';
import { useCounters } from './support/ui';

/**
 * A name with a birth date: a candidate born on another day is never one reflex Enter away
 * (searchtester S2, S6), and its "Tanggal lahir beda" badge stays inside its column at 1024x768 (S3).
 */
const HEADER = ['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS', 'ALAMAT'] as const;
const AHMAD = { nik: '3673012904790516', name: 'AHMAD HIDAYAT' };
const NURUL = { nik: '3673014103900003', name: 'NURUL' };
const LIST: ListFile = {
  name: 'PBI APBD KOTA SERANG',
  kind: 'pbi-apbd',
  asOf: '2025-06-01',
  csv: csvList(HEADER, [
    [AHMAD.nik, '', AHMAD.name, '29-04-1979', 'L', 'AKTIF', 'PERUM BUMI SERANG BARU BLOK A NO. 99 RT 012/RW 006 GANDASARI KARAWACI'],
    ['3673011508710002', '', 'RAHMAT HIDAYAT', '15-08-1971', 'L', 'AKTIF', 'KP. SAWAH LUHUR RT 001/004 KASEMEN'],
    [NURUL.nik, '', NURUL.name, '01-03-1990', 'P', 'AKTIF', 'JL. KI MAS JONG NO. 5 RT 002/003 KALIGANDU'],
  ]),
};

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([LIST], { width: 1024, height: 768 });

const visits = (c: Counter): { name: string; mrn: string; dob: string | null }[] =>
  c.harness.core.db.prepare('SELECT p.name, p.mrn, p.dob FROM visits v JOIN patients p ON p.id = v.patient_id ORDER BY v.id').all() as { name: string; mrn: string; dob: string | null }[];
const focusedTestId = (c: Counter): Promise<unknown> => c.page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')");

/** Name, Tab, date, Enter, then Enter `more` times as a hurried clerk does, each after the screen settled. */
async function typeAndEnter(c: Counter, name: string, date: string, more: number): Promise<void> {
  const { page } = c;
  await page.locator('#lookup-query').click();
  await page.keyboard.type(name, { delay: 20 });
  await page.keyboard.press('Tab');
  await page.keyboard.type(date, { delay: 20 });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('candidates');
  for (let i = 0; i < more; i++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
  }
}

describe('a name with a birth date: candidates born on another day', () => {
  it('S2: nobody has the date typed: Enter again and again registers nobody; an explicit pick says the dates differ and asks once', async () => {
    const c = await open();
    const { page } = c;
    await typeAndEnter(c, 'RACHMAD HIDAYAT', '11111965', 5);
    // No visit, no record, no unit step, no pick: the screen says why Enter did not go on.
    expect(visits(c)).toEqual([]);
    expect(c.harness.core.db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 0 });
    expect(await page.getByTestId('register-panel').count()).toBe(0);
    expect(await page.locator('[data-testid="match-row"][data-picked="true"]').count()).toBe(0);
    const rows = page.getByTestId('match-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="match-row"] [data-testid="dob-differs"]').count()).toBe(await rows.count());
    expect(await page.locator('.search__note--query').textContent()).not.toContain('Enter lagi');
    await expect.poll(() => page.getByTestId('dob-hold-note').textContent()).toContain('11 Nov 1965');
    await c.screenshot('search-pick-s2-held');

    // ↓ then Enter: the clerk picks the first candidate on purpose. The dates are said side by side
    // and the focus is on "Bukan": a reflex Enter goes back, registers nothing.
    const top = { name: await rows.first().locator('.match__name strong').textContent(), dob: (await rows.first().locator('.match__dob').textContent())!.replace('Tanggal lahir beda', '') };
    expect(top.dob).toMatch(/^\d\d \w{3} \d{4}$/);
    await page.locator('#lookup-query').press('ArrowDown');
    await page.keyboard.press('Enter');
    const question = page.getByTestId('dob-confirm');
    await expect.poll(() => question.textContent()).toContain(`${top.name} lahir ${top.dob}, yang dicari lahir 11 Nov 1965`);
    expect(await question.textContent()).toContain('11 Nov 1965');
    expect(await page.getByTestId('register-start').count()).toBe(0);
    await expect.poll(() => focusedTestId(c)).toBe('dob-confirm-back');
    await c.screenshot('search-pick-s2-question');
    await page.keyboard.press('Enter');
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="match-row"][data-picked="true"]').count()).toBe(0);
    expect(visits(c)).toEqual([]);

    // Picked again, and confirmed (Tab to "Ya, orang yang sama"): registered, the dates said once more in the unit step.
    await page.locator('#lookup-query').press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(c)).toBe('dob-confirm-back');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(c)).toBe('dob-confirm-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('dob-differs-line').textContent()).toContain(top.dob);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    expect(visits(c).map((v) => v.name)).toEqual([top.name]);
  });

  it('S6: NURUL born 01-03-1990 on the list, an own NURUL born 1952: Enter ×4 registers her, never on the 1952 record', async () => {
    const c = await open();
    const old = await c.harness.core.createPatient({ name: 'Nurul', dob: '1952-04-22', address: 'KP. BARU' });

    await typeAndEnter(c, 'NURUL', '01031990', 4);
    await expect.poll(() => visits(c).length).toBe(1);
    await c.screenshot('search-pick-s6-enter4');
    const after = visits(c);
    // The visit is the list member's (a new record, her birth date), never on the RM of the 1952 NURUL.
    expect(after).toHaveLength(1);
    expect(after[0]!.mrn).not.toBe(old.mrn);
    expect(after[0]).toMatchObject({ name: NURUL.name, dob: '1990-03-01' });
  });

  it('S6: the own record born on another day is marked and listed below the list member born on the date typed', async () => {
    const c = await open();
    const { page } = c;
    await c.harness.core.createPatient({ name: 'Nurul', dob: '1952-04-22', address: 'KP. BARU' });
    await typeAndEnter(c, 'NURUL', '01031990', 0);
    const own = page.getByTestId('own-match');
    await expect.poll(() => own.count()).toBe(1);
    await expect.poll(() => own.getByTestId('dob-differs').textContent()).toBe('Tanggal lahir beda');
    const ownAfterTable = await page.evaluate(
      "Boolean(document.querySelector('table.matches').compareDocumentPosition(document.querySelector('[data-testid=own-matches]')) & Node.DOCUMENT_POSITION_FOLLOWING)",
    );
    expect(ownAfterTable).toBe(true);
    await c.screenshot('search-pick-s6-order');
    // ↓ from the search field: the list member first; ↓ again: the own record below.
    await page.locator('#lookup-query').press('ArrowDown');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')")).toBe(`Pilih ${NURUL.name}`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-own-pick')")).toBe(true);
  });

  it('S6: only the own record, born on another day: Enter does not take it; picked, the typed date is still said and asked', async () => {
    const c = await open();
    const { page } = c;
    const old = await c.harness.core.createPatient({ name: 'Abdullah', dob: '2010-04-25' });
    await page.locator('#lookup-query').click();
    await page.keyboard.type('ABDULLAH', { delay: 20 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('11121991', { delay: 20 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-match').count()).toBe(1);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
    }
    expect(visits(c)).toEqual([]);
    expect(await page.getByTestId('register-panel').count()).toBe(0);

    // Picked on purpose: looked up by its record number, and the date the clerk typed is still on screen.
    await page.locator('#lookup-query').press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').textContent()).toContain(old.mrn);
    const question = page.getByTestId('dob-confirm');
    await expect.poll(() => question.textContent()).toContain('25 Apr 2010');
    expect(await question.textContent()).toContain('11 Des 1991');
    await expect.poll(() => focusedTestId(c)).toBe('dob-confirm-back');
    // Enter in the search field (it holds the record number now) does not register either.
    await page.locator('#lookup-query').press('Enter');
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(visits(c)).toEqual([]);
    // "Bukan": back to the name search with its date.
    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe('ABDULLAH');
    await expect.poll(() => page.getByTestId('own-match').count()).toBe(1);

    // Picked again, then F2 (not the same person): the new-patient form starts with the name and date searched.
    await page.locator('#lookup-query').press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(c)).toBe('dob-confirm-back');
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    expect(await form.locator('input[name="name"]').inputValue()).toBe('ABDULLAH');
    expect(await form.locator('input[name="dob"]').inputValue()).toBe('11-12-1991');
    expect(visits(c)).toEqual([]);
  });

  it('S3: at 1024x768 the "Tanggal lahir beda" badge stays inside the birth-date column', async () => {
    const c = await open();
    const { page } = c;
    await typeAndEnter(c, 'RACHMAD HIDAYAT', '11111965', 0);
    const badges = async (): Promise<{ inCell: boolean; clearOfAddress: boolean }[]> =>
      (await page.evaluate(`(() => [...document.querySelectorAll('[data-testid=match-row]')].map((row) => {
        const badge = row.querySelector('[data-testid=dob-differs]').getBoundingClientRect();
        const cell = row.querySelector('.match__dob').getBoundingClientRect();
        const address = row.querySelector('.match__address').getBoundingClientRect();
        return { inCell: badge.left >= cell.left - 0.5 && badge.right <= cell.right + 0.5, clearOfAddress: badge.right <= address.left + 0.5 };
      }))()`)) as { inCell: boolean; clearOfAddress: boolean }[];
    const ok = { inCell: true, clearOfAddress: true };
    expect(await badges()).not.toHaveLength(0);
    for (const b of await badges()) expect(b).toEqual(ok);
    // Picked (its button wider, "Dipilih"): still apart.
    await page.getByRole('button', { name: `Pilih ${AHMAD.name}` }).click();
    await expect.poll(() => page.locator('[data-testid="match-row"][data-picked="true"]').count()).toBe(1);
    await c.screenshot('search-pick-s3-1024');
    for (const b of await badges()) expect(b).toEqual(ok);
  });
});
