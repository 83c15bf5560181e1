// Settings → BPJS and the bridge log, in a real browser against the BPJS simulator.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITI } from '../helpers/sample-list';
import { SIM_CREDENTIALS } from '../../src/simulators/bpjs-simulator';
import { useBpjsCounters } from './support/bpjs';
import { scratch } from './support/ui';

const counters = useBpjsCounters();

describe('Settings → BPJS', () => {
  it('saves the credentials typed in, never shows a secret again, and "Tes koneksi" says what is wrong', async () => {
    const c = await counters.open({ width: 1024, height: 768 });
    const { page, sim } = c;
    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-tab-bpjs').click();
    const form = page.getByTestId('bpjs-settings');
    await form.waitFor();
    await expect.poll(() => page.getByTestId('secret-store').getAttribute('data-store')).toBe('key-file');
    const field = (name: string) => form.locator(`[data-bpjs="${name}"]`);
    await field('use').selectOption('vclaim');
    await field('vclaim.baseUrl').fill(sim.vclaimUrl);
    await field('vclaim.consId').fill(SIM_CREDENTIALS.consId);
    await field('vclaim.secret').fill(SIM_CREDENTIALS.secret);
    await field('vclaim.userKey').fill(SIM_CREDENTIALS.userKey);
    expect(await field('vclaim.secret').getAttribute('type')).toBe('password');
    await c.screenshot('bpjs-c-settings-typed');
    await page.keyboard.press('Control+s');
    await page.getByTestId('bpjs-status').waitFor();

    // Saved: the secrets are gone from the screen, the placeholder says one is kept.
    for (const name of ['vclaim.secret', 'vclaim.userKey']) {
      await expect.poll(() => field(name).inputValue()).toBe('');
      await expect.poll(() => field(name).getAttribute('placeholder')).toBe('tersimpan — kosongkan agar tetap');
    }
    expect(await field('pcare.secret').getAttribute('placeholder')).not.toContain('tersimpan');
    expect(await page.content()).not.toContain(SIM_CREDENTIALS.secret);
    await expect.poll(() => page.getByTestId('connectivity').getAttribute('data-state')).toBe('online');

    // The test uses the saved secrets when the fields are empty.
    await page.getByTestId('bpjs-test-vclaim').click();
    const result = page.getByTestId('bpjs-test-result-vclaim');
    await expect.poll(() => result.getAttribute('class')).toContain('notice--ok');
    expect(await result.textContent()).toMatch(/^Terhubung ke BPJS VClaim/);
    expect(await result.getAttribute('role')).toBe('status');
    await c.screenshot('bpjs-c-settings-tested');

    // A wrong secret typed (not saved): refused, in plain words.
    await field('vclaim.secret').fill('salah');
    await page.getByTestId('bpjs-test-vclaim').click();
    await expect.poll(() => result.getAttribute('class')).toContain('notice--bad');
    expect(await result.textContent()).toMatch(/kredensial/);
    await c.screenshot('bpjs-c-settings-refused');
  });

  it('the bridge log lists the calls with masked numbers, and exports them', async () => {
    const c = await counters.open();
    const { page } = c;
    await c.configure();
    await expect.poll(() => page.getByTestId('connectivity').getAttribute('data-state')).toBe('online');
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-live')).toBe('answered');

    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-tab-bridge-log').click();
    const rows = page.getByTestId('bridge-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2); // the probe and the look-up
    const table = (await page.getByTestId('bridge-log-table').textContent()) ?? '';
    expect(table).not.toContain(SITI.nik);
    expect(table).toMatch(/\/Peserta\/nik\/3673•+0003\/tglSEP\/2026-11-23/);
    expect(table).toContain('Berhasil');
    await c.screenshot('bpjs-d-bridge-log');

    // No file dialog in the harness: a path field instead.
    const dir = await scratch();
    await page.locator('[data-export="bridge-csv"]').click();
    const path = page.getByTestId('bridge-log-path-input');
    await path.fill(join(dir, 'bridge.csv'));
    await path.press('Enter');
    await expect.poll(() => page.getByTestId('bridge-log-status').textContent()).toMatch(/baris disimpan ke bridge\.csv/);
    const csv = await readFile(join(dir, 'bridge.csv'), 'utf8');
    // In the UI language, with the facility's local time (no UTC instant).
    expect(csv).toMatch(/^\uFEFFWaktu;Layanan;Endpoint;Lama \(ms\);Hasil/);
    expect(csv).toMatch(/\r\n\d{4}-\d{2}-\d{2} \d{2}:\d{2};/);
    expect(csv).not.toMatch(/T\d{2}:\d{2}:\d{2}/);
    expect(csv).not.toContain(SITI.nik);
  });
});
