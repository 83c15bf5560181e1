import { describe, expect, it } from 'vitest';
import { csvList, type Counter, type ListFile } from './support/counter';
import { useCounters } from './support/ui';

/**
 * A returning patient typed by the surname or a middle word alone (the word index over the
 * records' names, counter migration 027): the records here whose name holds that word are listed,
 * and one is picked by the keyboard as any other.
 */
const LIST: ListFile = {
  name: 'PBI APBD KOTA SERANG',
  kind: 'pbi-apbd',
  asOf: '2025-06-01',
  csv: csvList(['NIK', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS'], [['3673012904790516', 'AHMAD HIDAYAT', '29-04-1979', 'L', 'AKTIF']]),
};

const counters = useCounters();

describe('a returning patient typed by a word of the name', () => {
  it('"rohmah" lists the two records whose name holds it (surname, middle word), not the others; ↓, Enter, Enter register the first', async () => {
    const c: Counter = await counters.open([LIST], { width: 1024, height: 768 });
    const { page } = c;
    await c.harness.core.createPatient({ name: 'Entin Rohmah', dob: '1980-05-05', address: 'KP. BARU RT 001/002' });
    await c.harness.core.createPatient({ name: 'Siti Rohmah Sari', dob: '1975-01-20', address: 'JL. KI MAS JONG NO. 5' });
    await c.harness.core.createPatient({ name: 'Asep Sunandar', dob: '1969-07-07' });
    await page.locator('#lookup-query').click();
    await page.keyboard.type('rohmah', { delay: 20 });
    await page.keyboard.press('Enter');
    const own = page.getByTestId('own-match');
    await expect.poll(() => own.count()).toBe(2);
    const names = await own.allTextContents();
    expect(names.some((t) => t.includes('ENTIN ROHMAH'))).toBe(true);
    expect(names.some((t) => t.includes('SITI ROHMAH SARI'))).toBe(true);
    expect(names.join(' ')).not.toContain('ASEP');
    await c.screenshot('returning-by-surname');
    await page.locator('#lookup-query').press('ArrowDown');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-own-pick')")).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('register-start');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    // The first record listed is the one taken.
    const first = (names[0] ?? '').includes('ENTIN') ? 'ENTIN ROHMAH' : 'SITI ROHMAH SARI';
    expect(await page.getByTestId('register-patient').textContent()).toContain(first);
  });
});
