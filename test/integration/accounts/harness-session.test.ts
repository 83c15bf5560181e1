import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHarness, type HarnessOptions } from '../../../src/harness/harness';
import { useTempDir } from '../../helpers/temp';
import { QUICK_HASH } from './accounts-fixture';

const tempDir = useTempDir();

/** A harness on a fresh database; `rpc` calls it as the page's bridge does (same origin, JSON). */
async function harnessWith(options: Partial<HarnessOptions>) {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<html><head></head><body>loket</body></html>');
  const harness = await startHarness({ dbPath: join(dir, 'loket.db'), workerScript: null, rendererDir: renderer, bpjsBackground: false, secretHashCost: QUICK_HASH, ...options });
  const rpc = async (method: string, input: unknown = {}): Promise<unknown> => {
    const response = await fetch(`${harness.url}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return response.json();
  };
  return { harness, rpc };
}

describe('the harness session', () => {
  it('by default a preset administrator is signed in for good: the existing tests go straight to the counter', async () => {
    const { harness, rpc } = await harnessWith({});
    try {
      expect(await rpc('sessionState')).toMatchObject({ ok: true, value: { phase: 'signed-in', account: { username: 'admin', role: 'admin' } } });
      expect(await rpc('listLists')).toEqual({ ok: true, value: [] });
      expect(await rpc('saveSettings', await rpc('getSettings').then((r) => (r as { value: unknown }).value))).toMatchObject({ ok: true });
      // An auto-lock of the page changes nothing for the preset.
      expect(await rpc('lockSession')).toMatchObject({ ok: true, value: { phase: 'signed-in' } });
    } finally {
      await harness.close();
    }
  });

  it("'none' is the real first start: nothing but the ways in until the first administrator exists", async () => {
    const { harness, rpc } = await harnessWith({ session: 'none' });
    try {
      expect(await rpc('sessionState')).toMatchObject({ ok: true, value: { phase: 'setup' } });
      expect(await rpc('listLists')).toEqual({ ok: false, error: { code: 'session/required' } });
      expect(await rpc('setupAdmin', { username: 'ani', displayName: 'Ani', password: 'kata-sandi-ani' })).toMatchObject({ ok: true, value: { phase: 'signed-in' } });
      expect(await rpc('listLists')).toEqual({ ok: true, value: [] });
    } finally {
      await harness.close();
    }
  });
});
