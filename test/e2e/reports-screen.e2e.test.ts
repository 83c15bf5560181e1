import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APBD, BUDI, SITI } from './support/lists';
import { registerByNik, scratch, useCounters } from './support/ui';

const { open } = useCounters();

describe('the reports screen', () => {
  it('shows both payers in the register, one equal-service line per payer, and exports CSV', async () => {
    const c = await open([APBD]);
    const { page } = c;
    expect(await registerByNik(c, SITI.nik)).toBe('A-001'); // JKN from the verdict
    expect(await registerByNik(c, BUDI.nik, 'u')).toBe('A-002'); // Umum, chosen
    await page.keyboard.press('Alt+2');
    await page.getByTestId('queue-table').waitFor();
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toContain('A-001');
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toContain('A-002');

    await page.keyboard.press('Alt+5');
    await page.getByTestId('register-table').waitFor();
    expect(await page.getByTestId('report-date').inputValue()).toBe('2025-06-10');
    const payers = await page.getByTestId('register-payer').allTextContents();
    expect(payers).toEqual(['JKN', 'Umum']);
    expect(await page.locator('[data-testid="equal-row"]').count()).toBe(2);
    expect(await page.locator('[data-testid="equal-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-payer')).sort())).toEqual(['jkn', 'umum']);
    expect(await page.getByTestId('equal-note').textContent()).toContain('Penjamin tidak boleh mengubah lama tunggu');
    expect(await page.getByTestId('recap-total').textContent()).toBe('2');
    await c.screenshot('reports-a-day');

    await page.locator('[data-export="register-csv"]').click();
    const out = join(await scratch(), 'register.csv');
    const input = page.getByTestId('report-path-input');
    await input.fill(out);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('report-status').textContent()).toContain(out);
    const csv = await readFile(out, 'utf8');
    expect(csv).toContain('A-001');
    expect(csv).toContain('A-002');

    // Another day: nothing yet.
    await page.getByTestId('report-date').fill('2025-06-09');
    await expect.poll(() => page.getByTestId('register-table').count()).toBe(0);
    await c.screenshot('reports-b-empty-day');
  });
});
