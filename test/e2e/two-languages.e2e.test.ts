import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { useCounters } from './support/ui';
import { APBD, APBN_OLD, BUDI } from './support/lists';

const counters = useCounters();

/** Two harness tabs on one core: one clerk reads Indonesian, the other English. */
describe('two windows in two languages', () => {
  it('each words the same problem and BPJS status in its own language; a switch in one never changes the other, and re-words what is shown', async () => {
    const c = await counters.open([APBD, APBN_OLD]);
    const id = c.page;
    // A second window (its own storage, so its own language) on the same harness and core.
    const otherContext = await id.context().browser()!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    try {
      const en = await otherContext.newPage();
      const errors: string[] = [];
      en.on('pageerror', (error) => errors.push(error.message));
      await en.goto(c.harness.url);
      await en.getByTestId('list-status').waitFor();
      await en.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => en.locator('label[for="lookup-query"]').textContent()).toBe('NIK, card number, or patient name');

      const search = async (page: Page, query: string): Promise<void> => {
        await page.locator('#lookup-query').fill(query);
        await page.locator('#lookup-query').press('Enter');
        await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('problem');
      };
      const problemOf = (page: Page) => page.locator('.verdict__detail').textContent();
      // Both at once, the same 15 digits.
      await Promise.all([search(id, '367301520385000'), search(en, '367301520385000')]);
      expect(await problemOf(id)).toMatch(/^Nomor 15 digit tidak dikenali/);
      expect(await problemOf(en)).toMatch(/^A 15-digit number is not recognised/);
      await c.screenshot('two-languages-id');
      await en.screenshot({ path: '/tmp/messages-two-en.png' });
      await id.screenshot({ path: '/tmp/messages-two-id.png' });

      // A new search in the Indonesian window after the English one switched: still Indonesian.
      await search(id, '3673015203');
      // The verdict was a problem already: wait for this search's words, not the last one's.
      await expect.poll(() => problemOf(id)).toMatch(/^Nomor 10 digit tidak dikenali/);
      expect(await id.locator('html').getAttribute('lang')).toBe('id');

      // Switching a window re-words what it already shows, without asking the core again.
      await id.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => problemOf(id)).toMatch(/^A 10-digit number is not recognised/);
      await en.getByRole('button', { name: 'ID', exact: true }).click();
      await expect.poll(() => problemOf(en)).toMatch(/^Nomor 15 digit tidak dikenali/);

      // The status bar's BPJS line, pushed to both windows as one event: each words it itself.
      const empty = { baseUrl: '', consId: '' };
      await c.harness.core.saveBpjsSettings({ use: 'pcare', vclaim: empty, pcare: empty, timeoutSeconds: 3, slowSeconds: 2, probeSeconds: 60 });
      const statusOf = (page: Page) => page.getByTestId('connectivity-message').textContent();
      await expect.poll(() => statusOf(id)).toMatch(/^The BPJS PCare settings are incomplete: base URL, cons-id, secret, user key, PCare username, PCare password\./);
      await expect.poll(() => statusOf(en)).toMatch(/^Isian BPJS PCare belum lengkap: alamat \(base URL\), cons-id, secret, user key, pengguna PCare, kata sandi PCare\./);
      await id.getByRole('button', { name: 'ID', exact: true }).click();
      await expect.poll(() => statusOf(id)).toMatch(/^Isian BPJS PCare belum lengkap/);
      await expect.poll(() => statusOf(en)).toMatch(/^Isian BPJS PCare belum lengkap/);
      await en.getByRole('button', { name: 'EN', exact: true }).click();
      await expect.poll(() => statusOf(en)).toMatch(/^The BPJS PCare settings are incomplete/);
      expect(await statusOf(id)).toMatch(/^Isian BPJS PCare belum lengkap/);
      await en.screenshot({ path: '/tmp/messages-two-en-status.png' });

      // A list's reason for "not active" is a code the core hands over: each window words it.
      const lookUp = async (page: Page, query: string): Promise<void> => {
        await page.locator('#lookup-query').fill(query);
        await page.locator('#lookup-query').press('Enter');
        await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('not-eligible');
      };
      await Promise.all([lookUp(id, BUDI.nik), lookUp(en, BUDI.nik)]);
      expect(await en.getByTestId('verdict-reason').textContent()).toBe('Not active: premium arrears');
      await expect.poll(() => en.locator('.match__status .match__sub').first().textContent()).toBe('Not active: premium arrears');
      expect(await id.getByTestId('verdict-reason').textContent()).toBe('Non-aktif karena premi (tunggakan)');

      // With a patient on screen the header's list summary stays readable at 1366 and 1024 px, in
      // both languages: no line of it cut short (the emergency button names the patient too).
      for (const [page, lang] of [[id, 'id'], [en, 'en']] as const) {
        for (const width of [1366, 1024]) {
          await page.setViewportSize({ width, height: 768 });
          const cut = await page.getByTestId('list-status').evaluate((el) => [el, ...el.children].filter((part) => part.scrollWidth > part.clientWidth + 1).map((part) => part.textContent));
          expect(cut, `${lang} ${width}`).toEqual([]);
          expect(await page.getByTestId('emergency-button').textContent()).toContain(BUDI.name);
          await page.screenshot({ path: `/tmp/header-${lang}-${width}.png` });
        }
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      await c.screenshot('two-languages-header');
      expect(errors).toEqual([]);
    } finally {
      await otherContext.close();
    }
  });
});
