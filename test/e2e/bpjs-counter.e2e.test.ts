// BPJS at the counter, in a real browser: the local answer at once and the live one after it,
// the status bar, and the re-check of visits registered while BPJS was away.
import { describe, expect, it } from 'vitest';
import { DJOKO, SITI } from '../helpers/sample-list';
import { useBpjsCounters } from './support/bpjs';
import { registerByNik } from './support/ui';

const counters = useBpjsCounters();

describe('BPJS at the counter', () => {
  it('shows the local answer at once, then the live one: the newer BPJS answer decides, and the banner says both differ', async () => {
    const c = await counters.open({ width: 1024, height: 768 });
    const { page, sim } = c;
    const status = page.getByTestId('connectivity');
    await expect.poll(() => status.getAttribute('data-state')).toBe('not-configured');
    expect(await status.textContent()).toContain('BPJS: belum diatur');
    await c.configure();
    await expect.poll(() => status.getAttribute('data-state')).toBe('online');
    expect(await status.textContent()).toContain('BPJS VClaim: daring');

    sim.setFault({ kind: 'slow', delayMs: 1000 });
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    // The list's answer, while BPJS is still being asked.
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    const live = page.getByTestId('live-status');
    await expect.poll(() => live.getAttribute('data-live')).toBe('asking');
    expect(await live.textContent()).toContain('Menanyakan BPJS…');
    await c.screenshot('bpjs-a-local-first');

    // BPJS's answer: not active (premi), newer than the list of 1 Nov.
    await expect.poll(() => live.getAttribute('data-live'), { timeout: 5000 }).toBe('answered');
    expect(await live.textContent()).toMatch(/^Jawaban BPJS VClaim pukul 10\.00 \(1,\d dtk\)$/);
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    await expect.poll(() => page.getByTestId('verdict-reason').textContent()).toContain('premi');
    const liveRow = page.locator('[data-testid="match-row"][data-source="bpjs-live"]');
    await expect.poll(() => liveRow.locator('[data-testid="live-source"]').textContent()).toBe('BPJS (langsung) · VClaim · 23 Nov 10.00');
    await expect.poll(() => page.locator('[data-testid="match-row"][data-source="pbi-apbd"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('verdict-disagree').textContent()).toBe(
      'Daftar lokal (PBI APBD, 01 Nov 2026) dan BPJS (23 Nov 10.00) berbeda; yang lebih baru, BPJS, menentukan.',
    );
    await c.screenshot('bpjs-a-live-answer');

    // Registered on the live answer: no re-check waits for it.
    sim.setFault(null);
    await page.getByTestId('register-start').click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.locator('[data-payer="pending"]').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('ticket-queue').waitFor();
    expect(await page.getByTestId('pending-rechecks').count()).toBe(0);
  });

  it('offline: the status bar says so, a visit registered on the lists waits for a re-check, which runs by itself when BPJS is back', async () => {
    const c = await counters.open();
    const { page, sim, clock } = c;
    sim.setFault({ kind: 'down' });
    await c.configure();
    const status = page.getByTestId('connectivity');
    await expect.poll(() => status.getAttribute('data-state')).toBe('offline');
    expect(await status.textContent()).toContain('BPJS VClaim: luring sejak 10.00 — jawaban dari daftar lokal');

    // Djoko: not active in the list; BPJS cannot be asked.
    const queue = await registerByNik(c, DJOKO.nik);
    await expect.poll(() => page.getByTestId('pending-rechecks').textContent()).toBe('1 kunjungan menunggu cek ulang BPJS');
    await c.screenshot('bpjs-b-offline-registered');

    await page.keyboard.press('Alt+3');
    const recheck = page.locator(`[data-testid="followup"][data-kind="recheck-eligibility"][data-queue="${queue}"]`);
    await recheck.waitFor();
    expect(await recheck.textContent()).toContain('Cek ulang ke BPJS saat daring');
    // Asked by hand while BPJS is still away: nothing is lost.
    await page.getByTestId('recheck-now').click();
    await expect.poll(() => page.getByTestId('recheck-summary').textContent()).toMatch(/masih menunggu 1\. BPJS tidak menjawab/);
    await c.screenshot('bpjs-b-followups-waiting');

    // BPJS is back (after the breaker's cool-down): the probe finds it, the re-check runs by itself.
    clock.t += 61_000;
    sim.setFault(null);
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 5000 }).toBe('online');
    await recheck.waitFor({ state: 'detached', timeout: 5000 });
    await expect.poll(() => page.getByTestId('pending-rechecks').count()).toBe(0);
    const row = page.getByTestId('recheck-row').filter({ hasText: DJOKO.name });
    await row.waitFor();
    expect(await row.getAttribute('data-before')).toBe('not-eligible');
    expect(await row.getAttribute('data-after')).toBe('eligible');
    expect(await row.textContent()).toContain('Tidak aktif → Aktif');
    expect(await row.textContent()).toContain('Penjamin menjadi JKN');
    expect(await row.textContent()).toContain(queue);
    await c.screenshot('bpjs-b-reconciled');
  });

  it('the ticket says "Penjamin menyusul" only for an open payer, not for a JKN visit waiting for its re-check; a record without NIK or card waits for none', async () => {
    const c = await counters.open();
    const { page, sim } = c;
    await c.configure();
    const status = page.getByTestId('connectivity');
    await expect.poll(() => status.getAttribute('data-state')).toBe('online');

    // An own record made from a name and a birth date (F2, no NIK or card), registered by its RM while BPJS is online.
    const wartini = await c.harness.core.createPatient({ name: 'WARTINI', dob: '1980-02-01' });
    await registerByNik(c, wartini.mrn);
    await expect.poll(() => page.getByTestId('ticket-pending').textContent()).toBe('Penjamin menyusul: tugas tindak lanjut dibuat.');
    // Nothing to ask BPJS: no visit "waits for a re-check" that no run could ever close.
    await page.waitForTimeout(1000);
    expect(await page.getByTestId('pending-rechecks').count()).toBe(0);

    // BPJS away: SITI is active on the list, JKN, and her visit waits for a re-check. Her payer is settled.
    sim.setFault({ kind: 'down' });
    await registerByNik(c, SITI.nik);
    await expect.poll(() => page.getByTestId('pending-rechecks').textContent()).toBe('1 kunjungan menunggu cek ulang BPJS');
    expect((await c.harness.core.visitRegister({ from: '2026-11-23' })).map((r) => [r.name, r.payer])).toEqual([
      ['WARTINI', 'pending'],
      [SITI.name, 'jkn'],
    ]);
    expect(await page.getByTestId('ticket').textContent()).not.toContain('Penjamin menyusul');
    expect(await page.getByTestId('ticket-pending').count()).toBe(0);
    await c.screenshot('bpjs-c-jkn-ticket');
  });
});
