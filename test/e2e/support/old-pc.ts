import type { Counter } from './counter';

/**
 * An old PC: Chromium's CPU throttled ×6, and each look-up's answer `lookupMs` on its way, so
 * keys pressed right after a search surely come before its answer.
 */
export async function oldPc(c: Counter, lookupMs: number): Promise<void> {
  const cdp = await c.page.context().newCDPSession(c.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await c.page.route(
    (url) => url.pathname.endsWith('/lookup'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, lookupMs));
      await route.continue();
    },
  );
}
