/**
 * The banner a clerk sees when the core process stops and restarts (the desktop app's main
 * process sends `coreStatus`; here the harness's core emits it the same way).
 */
import { describe, expect, it } from 'vitest';
import { APBD } from './support/lists';
import { useCounters } from './support/ui';

const { open } = useCounters();

describe('the core process restarting', () => {
  it('says so across the top while it restarts, then that it runs again; a core that cannot run says what to do', async () => {
    const c = await open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const banner = page.getByTestId('core-status');
    expect(await banner.count()).toBe(0);
    c.harness.core.events.emit('coreStatus', { state: 'restarting', restarts: 1, reason: 'exit code null' });
    await expect.poll(() => banner.textContent()).toMatch(/memulai ulang layanan intinya.*tetap aman/);
    // The emergency button stays in view and clickable above the banner.
    const f9 = page.getByRole('button', { name: /gawat darurat/i }).first();
    const [bannerBox, f9Box] = [await banner.boundingBox(), await f9.boundingBox()];
    expect(bannerBox && f9Box && f9Box.y + f9Box.height <= bannerBox.y).toBe(true);
    await c.screenshot('core-status-restarting');
    c.harness.core.events.emit('coreStatus', { state: 'running', restarts: 1 });
    await expect.poll(() => banner.textContent()).toMatch(/berjalan lagi.*periksa antrean/);
    c.harness.core.events.emit('coreStatus', { state: 'failed', restarts: 6, reason: 'exit code 133' });
    await expect.poll(() => banner.textContent()).toMatch(/tidak dapat berjalan \(exit code 133\).*hubungi petugas IT/);
    await c.screenshot('core-status-failed');
  });
});
