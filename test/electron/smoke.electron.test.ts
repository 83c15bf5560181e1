import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleList } from '../fixtures/sample-list-file';
import { useTempDir } from '../helpers/temp';

/**
 * The desktop app for real: Playwright launches the built Electron app (out/main/index.js), an
 * IT officer imports the sample list, a clerk looks a member up, registers the visit and saves the
 * slip as a PDF. Native dialogs are answered by replacing Electron's dialog functions inside the
 * main process. Needs the Electron runtime (npm start downloads it) and the Electron build of the
 * SQLite driver (build/electron-native, also made by npm start): run with npm run test:electron.
 */
const ROOT = join(__dirname, '..', '..');
const tempDir = useTempDir();

function electronBinary(): string {
  const dir = dirname(createRequire(__filename).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    throw new Error('The Electron runtime is not installed: run npm start once (it downloads it), then npm run test:electron.');
  }
  return join(dir, 'dist', readFileSync(pathFile, 'utf8'));
}

let app: ElectronApplication;
let page: Page;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('Build first: npm run build');
  dir = tempDir();
  app = await electron.launch({
    executablePath: electronBinary(),
    args: [join(ROOT, 'out', 'main', 'index.js'), ...(process.env['CI'] ? ['--no-sandbox'] : [])],
    env: { ...process.env, LOKET_DB: join(dir, 'loket.db'), LOKET_UPDATE_URL: 'https://updates.invalid/loket' },
  });
  page = await app.firstWindow();
  await page.waitForSelector('#lookup-query');
});

afterAll(async () => {
  await app?.close();
});

/** The next file dialog (open or save) answers with `path`, as if the person had chosen it. */
async function answerNextDialog(path: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
  }, path);
}

describe('the desktop app', () => {
  it('loads the renderer from app://loket with the strict CSP', async () => {
    expect(page.url()).toBe('app://loket/index.html');
    const csp = await page.evaluate(async () => (await fetch('app://loket/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("object-src 'none'");
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    // The harness's typed-path registration does not exist in the desktop app: files come from its dialogs only.
    expect(await page.evaluate(() => typeof (globalThis as { loketHarness?: unknown }).loketHarness)).toBe('undefined');
  });

  it('imports a list, looks a member up, registers and saves the slip as a PDF', async () => {
    const sample = await writeSampleList(join(dir, 'sample.xlsx'), { rows: 200, seed: 7 });
    const member = sample.examples[0]!;

    await page.keyboard.press('Alt+4');
    await answerNextDialog(sample.path);
    await page.getByTestId('list-choose-file').click();
    await page.getByTestId('list-preview').waitFor();
    await page.getByTestId('list-name').fill('PBI APBD');
    await page.getByTestId('list-kind').selectOption('pbi-apbd');
    await page.getByTestId('list-asof').fill('01112026');
    await page.getByTestId('list-import-run').click();
    await page.getByTestId('import-result').waitFor();

    await page.keyboard.press('Alt+1');
    await page.locator('#lookup-query').fill(member.nik);
    await page.keyboard.press('Enter');
    await page.getByTestId('register-start').waitFor();
    expect(await page.locator('.lookup').textContent()).toContain(member.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('register-submit').waitFor();
    await page.keyboard.press('Enter');
    const queue = await page.getByTestId('ticket-queue').textContent();
    expect(queue).toMatch(/\d{3}/);

    const pdf = join(dir, 'slip.pdf');
    await answerNextDialog(pdf);
    await page.getByTestId('slip-pdf').click();
    await expect.poll(() => existsSync(pdf), { timeout: 20_000 }).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(queue!.trim());
  });
});
