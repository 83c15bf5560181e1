/**
 * What the clerk's banner says for the status words of a messy Dinas list (listtester L1, L2,
 * L25): a misspelt negation ("NON AKTIP") is red, not green; a person the list holds twice, once
 * MENINGGAL and once AKTIF, is no plain green and the banner says the list contradicts itself (and
 * to check the KTP: a dead member's card in a living person's hand is an identity question); a
 * BPJS extract row whose TAT has passed says "Masa berlaku berakhir". Lists imported through the
 * real core, the built renderer in a real browser.
 */
import { describe, expect, it } from 'vitest';
import { csvList, type Counter, type ListFile } from './support/counter';
import { useCounters } from './support/ui';
import { BUDI, DEWI, HEADER, SITI } from './support/lists';

/** As of the e2e's today (2025-06-10). */
const MESSY: ListFile = {
  name: 'PBI APBD JUNI',
  kind: 'pbi-apbd',
  asOf: '2025-06-01',
  csv: csvList(HEADER, [
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', 'NON AKTIP', 'JL. KI MAS JONG NO. 5'],
    [DEWI.nik, DEWI.card, DEWI.name, '25-12-2001', 'P', 'AKTIF', 'KP. KEPANDEAN RT 002/005'],
    [DEWI.nik, DEWI.card, DEWI.name, '25-12-2001', 'P', 'MENINGGAL', 'KP. KEPANDEAN'],
  ]),
};
const EXTRACT: ListFile = {
  name: 'BPJS EKSTRAK',
  kind: 'bpjs',
  asOf: '2025-06-01',
  csv: csvList(['PSNOKA', 'NAMA', 'NIK', 'KDSTATUSPST', 'TMT', 'TAT'], [[BUDI.card, BUDI.name, BUDI.nik, '0', '2020-01-01', '2025-03-31']]),
};

const counters = useCounters();

async function lookUp(c: Counter, query: string): Promise<void> {
  const search = c.page.locator('#lookup-query');
  await search.fill(query);
  await search.press('Enter');
}

describe('status words at the counter', () => {
  it('NON AKTIP is not active (reactivation through Dinas Sosial); AKTIF beside MENINGGAL says the list contradicts itself and to check the KTP (not reactivation); a passed TAT is "masa berlaku berakhir"', async () => {
    const c = await counters.open([MESSY, EXTRACT]);
    const verdict = c.page.getByTestId('verdict');

    await lookUp(c, SITI.nik);
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    expect(await verdict.textContent()).toContain('Non-aktif');
    expect(await c.page.getByTestId('serve-hint').textContent()).toContain('Peserta PBI yang tidak aktif dapat diaktifkan kembali melalui Dinas Sosial.');

    await lookUp(c, DEWI.nik);
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    const contradiction = c.page.getByTestId('verdict-contradiction');
    await expect.poll(() => contradiction.textContent()).toContain('Daftar PBI APBD JUNI mencatat orang ini lebih dari sekali dengan status berbeda');
    expect(await verdict.textContent()).toContain('Meninggal');
    // A living patient the list records as dead: an identity question first, never reactivation.
    await expect.poll(() => c.page.getByTestId('serve-hint-deceased').textContent()).toContain('PBI APBD JUNI mencatat peserta ini meninggal. Cocokkan KTP');
    expect(await c.page.getByTestId('serve-hint').textContent()).not.toContain('diaktifkan kembali');
    await c.screenshot('contradiction');

    await lookUp(c, BUDI.nik);
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    await expect.poll(() => c.page.getByTestId('verdict-reason').textContent()).toBe('Masa berlaku berakhir 31-03-2025');
  });
});
