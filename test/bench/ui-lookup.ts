/**
 * `npm run bench:ui`: from Enter in the search field to the verdict on screen, measured in the
 * page (keydown to the DOM mutation that shows the member), through the browser harness with
 * the real core and a list of BENCH_UI_MEMBERS members (default 1,000,000). JSON out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../../src/harness/harness';
import { launchChromium } from '../e2e/support/browser';
import { memberAt } from '../fixtures/generate-members';
import { writeCsvList } from '../fixtures/write-list-files';
import { percentile, round } from './stats';

const SEED = 11;
const members = Number(process.env.BENCH_UI_MEMBERS ?? 1_000_000);
const samples = Number(process.env.BENCH_UI_SAMPLES ?? 300);

/**
 * Runs in the page: presses Enter in the search field and resolves with the milliseconds until
 * the wanted member's row is in the DOM. A string, so that no bundler helper leaks into it.
 */
const ENTER_TO_VERDICT = `(wanted) => new Promise((resolve) => {
  const input = document.querySelector('#lookup-query');
  const shown = () => [...document.querySelectorAll('[data-testid="match-row"]')].some((row) => row.textContent.includes(wanted));
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    resolve(performance.now() - started);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
})`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-ui-'));
  const csv = join(dir, 'list.csv');
  const db = join(dir, 'loket.db');
  await writeCsvList(csv, { count: members, seed: SEED, layout: 'bpjs' });
  execFileSync(process.execPath, [join(__dirname, '../../bin/loket.js'), 'import', csv, '--list', 'BPJS', '--kind', 'bpjs', '--as-of', '2026-11-01', '--db', db]);
  rmSync(csv);
  const harness = await startHarness({ dbPath: db, rendererDir: join(__dirname, '../../out/renderer'), workerScript: null });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.waitForSelector('#lookup-query');
  const durations: number[] = [];
  for (let i = 0; i < samples + 20; i++) {
    const nik = memberAt(SEED, (i * 7919) % members).nik;
    await page.fill('#lookup-query', nik);
    const ms = (await page.evaluate(`(${ENTER_TO_VERDICT})(${JSON.stringify(nik)})`)) as number;
    if (i >= 20) durations.push(ms); // the first ones warm the caches, as the first patients of a morning do
    await page.keyboard.press('Escape');
  }
  await browser.close();
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({ members, samples: durations.length, enterToVerdictMs: { p50: round(percentile(durations, 50), 1), p95: round(percentile(durations, 95), 1), max: round(Math.max(...durations), 1) }, target: { p95: 50 } }, null, 2),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
