import { describe, expect, it } from 'vitest';
import { openCounter, type Counter } from './support/counter';
import { APBD, BUDI, SITI } from './support/lists';
import { recordingPrinter } from './support/session';
import { registerByNik, useCounters, useFixtures } from './support/ui';

const { open } = useCounters();
/** Payer words must never be on the slip ("Poli Umum" is a unit's name and is taken out first). */
const PAYER_WORDS = /\b(JKN|BPJS|PBI|Umum|Penjamin|menyusul|Kelas)\b/i;

describe('the slip after registration', () => {
  it('shows the same payer-free slip for a JKN and an Umum patient; printing in the browser says up front that it is the desktop app\'s, with no PDF path field', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const slipText = () => page.locator('[data-testid="slip-preview"] .slip').textContent();
    // The automatic print after registering is a call of its own (the harness bridge posts to
    // /rpc/printSlip): only once it is answered (and the screen had a moment to show what it
    // caused) can "it stays quiet" be checked.
    const autoPrintAnswered = async (answer: Promise<unknown>): Promise<void> => {
      await answer;
      await page.waitForTimeout(300);
    };
    const nextPrint = () => page.waitForResponse((r) => r.url().endsWith('/rpc/printSlip'));

    let printed = nextPrint();
    expect(await registerByNik(c, SITI.nik)).toBe('U-001');
    await expect.poll(slipText).toContain('U-001');
    const jkn = (await slipText()) ?? '';
    expect(jkn).toContain(SITI.name);
    expect(jkn).toContain('3673••••••••0003');
    expect(jkn.replace(/Poli Umum/g, '')).not.toMatch(PAYER_WORDS);
    // The automatic print after registering stays quiet where printing does not exist.
    await autoPrintAnswered(printed);
    expect(await page.getByTestId('slip-status').count()).toBe(0);
    await c.screenshot('slip-a-after-registration');

    // Ctrl+P from the search field prints (here: the calm "desktop only" message).
    await page.locator('#lookup-query').focus();
    await page.keyboard.press('Control+p');
    const status = page.getByTestId('slip-status');
    await expect.poll(() => status.textContent()).toContain('hanya tersedia di aplikasi desktop');
    expect(await status.getAttribute('class')).toContain('notice--info');

    printed = nextPrint();
    expect(await registerByNik(c, BUDI.nik, 'u')).toBe('U-002');
    await expect.poll(slipText).toContain('U-002');
    const umum = (await slipText()) ?? '';
    expect(umum).toContain(BUDI.name);
    expect(umum.replace(/Poli Umum/g, '')).not.toMatch(PAYER_WORDS);
    await autoPrintAnswered(printed);
    expect(await page.getByTestId('slip-status').count()).toBe(0);

    // The harness cannot print or make a PDF: the slip area says so up front, beside the preview,
    // and offers no print button and no path field that could only be refused.
    const desktopOnly = page.getByTestId('slip-desktop-only');
    expect(await desktopOnly.textContent()).toBe('Cetak slip dan Simpan PDF ada di aplikasi desktop. Di sini hanya pratinjau slip.');
    expect(await page.getByTestId('slip-pdf').count()).toBe(0);
    expect(await page.getByTestId('slip-print').count()).toBe(0);
    expect(await page.getByTestId('slip-reprint').count()).toBe(0);
    expect(await page.getByTestId('slip-pdf-path').count()).toBe(0);
    await c.screenshot('slip-b-desktop-only');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => desktopOnly.textContent()).toBe('Printing and Save PDF are in the desktop app. Here the slip is a preview only.');
  });

  it('an emergency shows its slip in the dialog; the queue offers a reprint per row', async () => {
    const c = await open([APBD]);
    const { page } = c;
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await expect.poll(() => page.locator('[data-testid="emergency-dialog"] [data-testid="slip-preview"] .slip').textContent()).toContain('GD-001');
    await expect.poll(() => page.locator('[data-testid="slip-preview"] .slip').textContent()).toContain('GAWAT DARURAT');
    await c.screenshot('slip-c-emergency');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);

    await page.keyboard.press('Alt+2');
    await page.locator('[data-unit="IGD"]').click();
    await page.locator('[data-testid="queue-row"] [data-action="reprint"]').first().click();
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toContain('hanya tersedia');
    await c.screenshot('slip-d-queue-reprint');
  });
});

describe('the slip panel in the desktop app (a printer), 1024x768 (UI tester, findings 5 and 8)', () => {
  const { printer, printed } = recordingPrinter();
  const withPrinter = useFixtures((browser) => openCounter(browser, [APBD], { width: 1024, height: 768 }, { core: { printer } }));
  const badge = (c: Counter) => c.page.locator('[data-testid="slip-print"] kbd').textContent();
  const hint = (c: Counter) => c.page.getByTestId('slip-keys').textContent();

  it('says the keys that print from where the focus is (no P in the search field), and its status line follows the language', async () => {
    printed.length = 0;
    const c = await withPrinter.open();
    const { page } = c;
    // Scan, Enter, Enter: registered, printed, the focus back in the search field for the next patient.
    await page.keyboard.type(SITI.nik, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('register-start').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    await expect.poll(() => page.getByTestId('slip-status').textContent()).toBe('Slip dicetak ke printer bawaan.');
    expect(printed).toHaveLength(1);
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('lookup-query');

    // P there types a letter: neither the badge nor the line offers it.
    await expect.poll(() => badge(c)).toBe('F4');
    expect(await hint(c)).toBe('F4 atau Ctrl+P: cetak slip');
    await c.screenshot('slip-keys-in-search-field');
    await page.keyboard.press('F4');
    await expect.poll(() => printed.length).toBe(2);
    // On a button P prints, and both say so.
    await page.getByTestId('slip-reprint').focus();
    await expect.poll(() => badge(c)).toBe('P');
    expect(await hint(c)).toBe('P, F4 atau Ctrl+P: cetak slip');
    await page.keyboard.press('p');
    await expect.poll(() => printed.length).toBe(3);

    // A switch to English re-words the status line (it said Indonesian before) and the keys.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('slip-status').textContent()).toBe('Slip printed on the default printer.');
    expect(await hint(c)).toBe('P, F4 or Ctrl+P: print slip');
    await page.locator('#lookup-query').focus();
    await expect.poll(() => hint(c)).toBe('F4 or Ctrl+P: print slip');
  });
});
