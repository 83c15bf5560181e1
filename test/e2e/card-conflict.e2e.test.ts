import { describe, expect, it } from 'vitest';
import { csvList, type Counter, type ListFile } from './support/counter';
import { useCounters } from './support/ui';

/**
 * One card number on two lists for two different people (the newcomer tester's finding: two
 * sample lists with the same card numbers). Loket never picks between people: the banner says so,
 * the clerk picks the person, and the status and payer come only from that person's lists.
 */
const HEADER = ['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS', 'ALAMAT'] as const;
const CARD = '0002676444594';
const RUDI = { nik: '3604082810040821', name: 'RUDI FIRDAUS' };
const KOMALASARI = { nik: '3604026405671048', name: 'KOMALASARI NASUTION' };
/** One person on both lists (the same NIK and name): no conflict, as before. */
const SITI = { nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH' };

const APBD: ListFile = {
  name: 'PBI APBD KOTA SERANG',
  kind: 'pbi-apbd',
  asOf: '2025-06-01',
  csv: csvList(HEADER, [
    [RUDI.nik, CARD, RUDI.name, '28-10-2004', 'L', 'AKTIF', 'KP. SAWAH LUHUR RT 001/004 KASEMEN'],
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', 'AKTIF', 'JL. KI MAS JONG NO. 5'],
  ]),
};
const JAMKESDA: ListFile = {
  name: 'JAMKESDA KOTA SERANG',
  kind: 'jamkesda',
  asOf: '2025-06-01',
  csv: csvList(HEADER, [
    [KOMALASARI.nik, CARD, KOMALASARI.name, '24-05-1967', 'P', 'AKTIF', 'JL. TB SUWANDI NO. 12 CIRACAS'],
    [SITI.nik, '', 'Siti Aminah', '12-03-1985', 'P', 'AKTIF', ''],
  ]),
};

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD, JAMKESDA], { width: 1024, height: 768 });
const focusedAttr = (c: Counter, name: string): Promise<unknown> =>
  c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(name)})`);

describe('one card, two people', () => {
  it('(a) says so, lets the clerk pick the person, and takes the payer from that person’s list only', async () => {
    const c = await open();
    const { page } = c;
    await expect.poll(() => page.getByTestId('list-status').textContent()).toContain('2 daftar peserta');
    // Scanned: scanner speed, then Enter.
    await page.keyboard.type(CARD, { delay: 0 });
    await page.keyboard.press('Enter');

    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-conflict')).toBe('lookup/card-conflict');
    expect(await verdict.getAttribute('data-verdict')).toBe('candidates');
    expect(await verdict.textContent()).toContain('Kartu ini tercatat untuk 2 orang berbeda: pilih pasiennya.');
    expect(await verdict.textContent()).not.toContain('Terdaftar aktif');
    const rows = page.getByTestId('match-row');
    await expect.poll(() => rows.count()).toBe(2);
    const both = (await rows.allTextContents()).join('|');
    expect(both).toContain(RUDI.name);
    expect(both).toContain(KOMALASARI.name);
    expect(await page.locator('[data-testid="match-row"][data-picked="true"]').count()).toBe(0);
    // Nobody is on screen yet: F9 would register an unidentified emergency, never one of them.
    const f9 = (await page.getByTestId('emergency-button').textContent()) ?? '';
    expect(f9).not.toContain(RUDI.name);
    expect(f9).not.toContain(KOMALASARI.name);
    await c.screenshot('card-conflict-1024');

    // Enter again registers nobody: it goes to the people to pick from.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedAttr(c, 'data-pick')).not.toBeNull();
    expect(await page.getByTestId('register-panel').count()).toBe(0);

    // The clerk compares with the patient's card and papers, and picks her.
    await page.getByRole('button', { name: `Pilih ${KOMALASARI.name}` }).click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    const picked = (await verdict.textContent()) ?? '';
    expect(picked).toContain(`Dipilih petugas: ${KOMALASARI.name}`);
    expect(picked).toContain(JAMKESDA.name);
    expect(picked).not.toContain(APBD.name); // Rudi's list decides nothing for her
    await expect.poll(() => page.getByTestId('verdict-eligible-detail').textContent()).toBe('Peserta Jamkesda / PBI daerah aktif');
    await expect.poll(() => page.getByTestId('emergency-button').textContent()).toContain(KOMALASARI.name);
    await c.screenshot('card-conflict-picked-1024');

    // Enter registers her: the payer from her Jamkesda list, not JKN from Rudi's PBI APBD row.
    await expect.poll(() => focusedAttr(c, 'data-testid')).toBe('register-start');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('register-panel');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain(KOMALASARI.name);
    await expect.poll(() => page.locator('[data-payer="jamkesda"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('false');
    await c.screenshot('card-conflict-unit-1024');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    const register = await c.harness.core.visitRegister({ from: '2025-06-10' });
    expect(register.map((v) => [v.queue, v.payer])).toEqual([['U-001', 'jamkesda']]);

    // Her card again: her record names the person now; the verdict is hers, and the other holder is named.
    await page.keyboard.type(CARD, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.getByTestId('verdict-conflict-note').textContent()).toContain(RUDI.name);
    expect(await verdict.textContent()).not.toContain(APBD.name);
    await c.screenshot('card-conflict-record-note-1024');
  });

  it('(b) one person on two lists is one answer, as before', async () => {
    const c = await open();
    const { page } = c;
    await page.locator('#lookup-query').fill(SITI.nik);
    await page.locator('#lookup-query').press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(await verdict.getAttribute('data-conflict')).toBeNull();
    expect(await verdict.textContent()).toContain(APBD.name);
    expect(await verdict.textContent()).toContain(JAMKESDA.name);
    await page.locator('#lookup-query').press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    // Active on PBI APBD (JKN) and Jamkesda: JKN, as the payer rule says.
    await expect.poll(() => page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('(c) says it in English too', async () => {
    const c = await open();
    const { page } = c;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.locator('#lookup-query').fill(CARD);
    await page.locator('#lookup-query').press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-conflict')).toBe('lookup/card-conflict');
    expect(await verdict.textContent()).toContain('This card is on record for 2 different people: choose the patient.');
    expect(await verdict.textContent()).toContain('The status and the payer come only from the lists of the person picked.');
    await c.screenshot('card-conflict-en-1024');
  });
});
