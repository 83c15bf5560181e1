/**
 * Text pasted into the search field (F5): cells copied from a spreadsheet bring a Tab between
 * them, a column brings line breaks. The search reads them as spaces and says, in the words of
 * any other typing mistake, to search one number at a time; never the contract's "query:".
 */
import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, RIZKI, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

/** Ctrl+V of `text` into the search field, through the system clipboard. */
async function paste(c: Counter, text: string): Promise<void> {
  const { page } = c;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await page.locator('#lookup-query').focus();
  await page.keyboard.press('Control+V');
}

describe('text pasted into the search field', () => {
  it('two cells (a Tab between them): two numbers, search one; never "query:"', async () => {
    const c = await open();
    const { page } = c;
    await paste(c, `${SITI.nik}\t${RIZKI.nik}`);
    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(`${SITI.nik} ${RIZKI.nik}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('lookup').innerText()).toContain('Periksa nomor yang diketik');
    const text = await page.getByTestId('lookup').innerText();
    expect(text).toContain('Ada 2 nomor sekaligus');
    expect(text).not.toContain('query');
    expect(text).not.toContain('Pencarian gagal');
  });

  it('one cell with the line break Excel adds: the number alone, searched', async () => {
    const c = await open();
    const { page } = c;
    await paste(c, `${SITI.nik}\r\n`);
    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(SITI.nik);
    await expect.poll(() => page.getByTestId('lookup').innerText()).toContain(SITI.name);
  });
});
