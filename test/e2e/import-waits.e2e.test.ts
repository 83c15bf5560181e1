/**
 * A second import while another runs (here: one the `loket` command would hold) waits its turn
 * on the lists screen and says whose import it waits for; it runs when that one ends.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireImportLock } from '../../src/core/lists/import-lock';
import { csvList } from './support/counter';
import { APBD, BUDI, SITI } from './support/lists';
import { scratch, useCounters } from './support/ui';

const { open } = useCounters();

describe('an import while another runs', () => {
  it('waits, saying for whom, then imports', async () => {
    const c = await open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const file = join(await scratch(), 'jamkesda.csv');
    await writeFile(file, csvList(['NIK', 'NAMA'], [[SITI.nik, SITI.name], [BUDI.nik, BUDI.name]]), 'utf8');
    const held = await acquireImportLock({ dbPath: c.harness.core.db.name, list: 'BPJS KOTA SERANG' });
    try {
      await page.keyboard.press('Alt+4');
      await page.getByTestId('list-choose-file').click();
      const path = page.getByTestId('list-file-path-input');
      await path.fill(file);
      await path.press('Enter');
      await page.getByTestId('list-preview').waitFor();
      await page.getByTestId('list-name').fill('JAMKESDA');
      await page.getByTestId('list-import-run').click();
      await expect.poll(() => page.getByTestId('list-waiting').textContent()).toBe('Menunggu impor BPJS KOTA SERANG selesai dulu…');
      await c.screenshot('import-waits');
      expect(await page.getByTestId('import-result').count()).toBe(0);
    } finally {
      held.release();
    }
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => page.getByTestId('list-waiting').count()).toBe(0);
  });
});
