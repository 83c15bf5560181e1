import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { startHarness, type Harness, type HarnessOptions } from '../../../src/harness/harness';
import type { ListKind } from '../../../src/shared/lists';
import { fileFor } from '../../helpers/files';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** "Today" at the facility for every e2e test, so list ages (and the stale badge) are fixed. */
export const TODAY = new Date('2025-06-10T03:00:00Z');

export interface ListFile {
  /** List name as the clerk sees it. */
  name: string;
  kind: ListKind;
  asOf: string;
  /** CSV text, written as-is. */
  csv: string;
}

export interface Counter {
  harness: Harness;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (a CSP violation shows up here). */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface CounterOptions {
  /** More of the core's configuration (its clock, the BPJS probe interval). */
  core?: Partial<HarnessOptions>;
  /** The browser's fixed time; default TODAY. */
  browserNow?: Date;
  /** The browser's locale; default id-ID. en-US is where a date picker reads mm/dd/yyyy. */
  locale?: string;
  /**
   * 'fixed' (default): the time stands still at browserNow. 'installed': it starts there and runs,
   * and the test may move it on with page.clock.fastForward (the idle lock without a real wait).
   */
  clock?: 'fixed' | 'installed';
  /** The browser's (the PC's) time zone; default Asia/Jakarta, the facility's. */
  timezoneId?: string;
  /** Encrypted, its key in plain form beside it (`<db>.key`), as the harness and the loket command keep it; default: no key. */
  keyBeside?: boolean;
  /** Run before the harness starts, with the database's path: a database as an older Loket left it. */
  prepare?: (dbPath: string) => Promise<void>;
}

/**
 * A fresh counter: a temporary database, the given lists imported through the real core, the
 * harness serving the built renderer, and a browser page on it at the clerk's screen size.
 */
export async function openCounter(
  browser: Browser,
  lists: ListFile[],
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
  options: CounterOptions = {},
): Promise<Counter> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-e2e-'));
  const dbPath = join(dir, 'loket.db');
  await options.prepare?.(dbPath);
  const harness = await startHarness({
    dbPath,
    rendererDir: RENDERER_DIR,
    workerScript: null,
    timeZone: 'Asia/Jakarta',
    now: () => TODAY,
    ...(options.keyBeside ? keyConfigOf(resolveFileKey({ dbPath, mayCreate: true, env: {} })) : {}),
    ...options.core,
  });
  try {
    for (const [i, list] of lists.entries()) {
      const path = join(dir, `list-${i}.csv`);
      await writeFile(path, list.csv, 'utf8');
      await harness.core.importList({ file: fileFor(harness.core, path), list: list.name, kind: list.kind, asOf: list.asOf });
    }
  } catch (error) {
    await harness.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const context = await browser.newContext({ viewport, locale: options.locale ?? 'id-ID', timezoneId: options.timezoneId ?? 'Asia/Jakarta' });
  // The browser's clock agrees with the core's "today" (ages, the birth date's upper bound).
  if (options.clock === 'installed') await context.clock.install({ time: options.browserNow ?? TODAY });
  else await context.clock.setFixedTime(options.browserNow ?? TODAY);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(harness.url);
  return {
    harness,
    context,
    page,
    problems,
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      await harness.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A CSV list in the shape Dinsos sends (see DOMAIN.md section 5). */
export function csvList(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
