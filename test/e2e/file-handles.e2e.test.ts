import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoketHarnessApi } from '../../src/shared/harness-api';
import { csvList } from './support/counter';
import { APBD, SITI } from './support/lists';
import { scratch, useCounters } from './support/ui';

const { open } = useCounters();

describe('files chosen by handle, never by path', () => {
  it('the typed path becomes a handle in the harness: the screen shows the name; the page cannot send a path itself', async () => {
    const c = await open([APBD]);
    const { page } = c;
    const dir = await scratch();
    const file = join(dir, 'jamkesda.csv');
    await writeFile(file, csvList(['NIK', 'NAMA', 'STATUS'], [[SITI.nik, SITI.name, 'AKTIF']]), 'utf8');

    await page.keyboard.press('Alt+4');
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-file-path-input').fill(file);
    await page.getByTestId('list-file-path-input').press('Enter');
    await page.getByTestId('list-preview').waitFor();
    expect(await page.getByTestId('list-file').textContent()).toBe('jamkesda.csv');
    await c.screenshot('file-handles-a-chosen');

    const answers = await page.evaluate(async (path) => {
      // The test files type-check without the DOM library: the page's globals are described here.
      type Call = (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      const page = globalThis as unknown as { loket: Record<string, Call | undefined>; loketHarness: LoketHarnessApi };
      const loket = page.loket;
      const harness = page.loketHarness;
      const save = await harness.registerTypedPath({ path: `${path}.out`, purpose: 'save-csv' });
      return {
        rawPath: await loket.inspectListFile!({ path }),
        pathAsHandle: await loket.inspectListFile!({ file: path }),
        exportToPath: await loket.exportReport!({ report: 'register', from: '2025-06-10', to: '2025-06-10', format: 'csv', path }),
        // A place chosen to save a CSV is no list to read.
        saveAsList: save.ok ? await loket.inspectListFile!({ file: save.value.handle }) : save,
        registerOverContract: await loket.registerFile?.({ path, purpose: 'open-list' }),
        registerOverRpc: await fetch('/rpc/registerTypedPath', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, purpose: 'open-list' }) }).then((r) => r.json()),
      };
    }, file);
    expect(answers.rawPath).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(answers.pathAsHandle).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(answers.exportToPath).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(answers.saveAsList).toMatchObject({ ok: false, error: { code: 'file/wrong-purpose' } });
    expect(answers.registerOverContract).toBeUndefined();
    expect(answers.registerOverRpc).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(c.problems).toEqual([]);
  });
});
