import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { openCounter, type Counter } from './support/counter';
import { headerLines, layoutProblems } from './support/layout';
import { APBD, APBN_OLD, RIZKI, SITI } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

/** A busy morning: visits in the queue, open follow-ups (payer and identity), an emergency. */
async function busyDay(c: Counter): Promise<void> {
  const core = c.harness.core;
  for (const name of ['ENTIN ROHMAH', 'ASEP SUNANDAR', 'DEDEH KURNIASIH', 'UJANG SUHERMAN', 'IMAS MASRUROH', 'CUCU CAHYATI', 'YAYAT HIDAYAT', 'NENG SITI']) {
    const p = await core.createPatient({ name });
    await core.registerVisit({ patientId: p.id, unit: 'UMUM', verdict: 'unknown', payer: name.startsWith('N') || name.startsWith('E') ? 'pending' : 'umum' });
  }
  await core.registerEmergency({});
  await core.registerEmergency({});
}

/** Each screen at this size: no button out of sight or clipped, and a one-line header; failures are collected. */
async function checkScreen(c: Counter, screen: string, size: { width: number; height: number }, found: string[]): Promise<void> {
  await c.page.screenshot({ path: `/tmp/followups-layout-${screen}-${size.width}.png` });
  for (const p of await layoutProblems(c.page)) found.push(`${screen}: ${p.button} ${p.why} ${JSON.stringify(p.box)}`);
  const lines = await headerLines(c.page);
  if (lines.headerSpread > 12 || lines.header > 72) found.push(`${screen}: header not one line ${JSON.stringify(lines)}`);
  if (lines.navSpread > 2 || lines.nav > 56) found.push(`${screen}: screen tabs not one line ${JSON.stringify(lines)}`);
  // A screen's title on one line (the follow-ups' stood on three at 1024 px, squeezed by its keys line).
  const titles = (await c.page.evaluate(`[...document.querySelectorAll('main h1, .app-main h1, h1')].filter((h) => h.offsetParent !== null).map((h) => {
    const range = document.createRange();
    range.selectNodeContents(h);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return { text: h.textContent, lines: tops.size };
  })`)) as { text: string; lines: number }[];
  for (const title of titles) if (title.lines > 1) found.push(`${screen}: title "${title.text}" on ${title.lines} lines`);
}

/** The unit step's "PASIEN name" line between the sticky header and the status bar. */
const patientNameInView = (c: Counter): Promise<boolean> =>
  c.page.evaluate(`(() => {
    const name = document.querySelector('[data-testid="register-patient"]').getBoundingClientRect();
    const header = document.querySelector('.app-header-wrap').getBoundingClientRect().bottom;
    const bar = document.querySelector('.status-bar').getBoundingClientRect().top;
    return name.top >= header && name.bottom <= bar;
  })()`);

/** The focused element whole between the sticky header and the status bar. */
const focusedInView = (c: Counter): Promise<boolean> =>
  c.page.evaluate(`(() => {
    const box = document.activeElement.getBoundingClientRect();
    const header = document.querySelector('.app-header-wrap').getBoundingClientRect().bottom;
    const bar = document.querySelector('.status-bar').getBoundingClientRect().top;
    return box.top >= header && box.bottom <= bar;
  })()`);

describe('the unit step in a short window (UI tester 11)', () => {
  it('shows whom it registers: the patient\'s name in view with Daftar, not scrolled under the header', async () => {
    const c = await counters.open([APBD, APBN_OLD], { width: 1024, height: 560 });
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await expect.poll(() => patientNameInView(c)).toBe(true);
    expect(await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")')).toBe('register-submit');
    await c.screenshot('unit-step-short-window');

    // A name typed there: the note on it pushes Daftar down, and both stay above the status bar.
    await page.keyboard.type('ahmad', { delay: 120 });
    await page.getByTestId('unit-typed').waitFor();
    await expect.poll(() => page.evaluate(`(() => {
      const bar = document.querySelector('.status-bar').getBoundingClientRect().top;
      return document.querySelector('[data-testid="register-submit"]').getBoundingClientRect().bottom <= bar
        && document.querySelector('[data-testid="unit-typed"]').getBoundingClientRect().bottom <= bar;
    })()`)).toBe(true);
  });
});

describe('the ticket of a patient with a long name, 1024x768 (UI tester, finding 4)', () => {
  it('keeps the queue number on one line; the name wraps beside it', async () => {
    const c = await counters.open([], { width: 1024, height: 768 });
    const { page } = c;
    const p = await c.harness.core.createPatient({ name: 'Raden Ajeng Siti Nurhasanah Kusumawardhani Binti Abdurrahman' });
    const search = page.locator('#lookup-query');
    await search.fill(p.mrn);
    await search.press('Enter');
    await page.getByTestId('register-start').waitFor();
    await page.getByTestId('register-start').click();
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    await page.getByTestId('register-submit').press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    await c.screenshot('ticket-long-name-1024');
    const lines = (await page.evaluate(`(() => {
      const lines = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      return { number: lines(document.querySelector('[data-testid="ticket-queue"]')), name: lines(document.querySelector('.ticket__patient')) };
    })()`)) as { number: number; name: number };
    expect(lines.number).toBe(1);
    expect(lines.name).toBeGreaterThan(1);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });
});

describe('the search field when the focus comes back to it (UI tester, finding 7)', () => {
  it('after a registration (scan, Enter, Enter) and after Esc on the unit step, at 1024x768 and 1366x768: in view, the window at its top', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const scan = async (nik: string): Promise<void> => {
      await page.keyboard.type(nik, { delay: 5 });
      await page.keyboard.press('Enter');
      await page.getByTestId('register-start').waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    };
    const searchInView = async (): Promise<void> => {
      await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('lookup-query');
      await expect.poll(() => focusedInView(c)).toBe(true);
      expect(await page.evaluate('window.scrollY')).toBe(0);
    };
    await scan(SITI.nik);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    await searchInView();
    await scan(RIZKI.nik);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    await searchInView();
    await page.setViewportSize({ width: 1366, height: 768 });
    await scan(RIZKI.nik);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-002');
    await searchInView();
  });
});

describe('the identity step of a follow-up, many choices, 1024x768 (UI tester 10)', () => {
  it('↓ through the choices: each focused "Pakai" whole above the status bar', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    const core = c.harness.core;
    for (const second of ['AMINAH', 'AISYAH', 'FATIMAH', 'HAJAR', 'KHADIJAH', 'MARYAM', 'NURHALIZA', 'RAHAYU', 'SALAMAH', 'ZUBAIDAH', 'ROHIMAH', 'JUBAEDAH']) {
      await core.createPatient({ name: `SITI ${second}`, dob: '1980-01-01', sex: 'P' });
    }
    await core.registerEmergency({});
    await page.keyboard.press('Alt+3');
    await page.locator('[data-testid="followup"][data-kind="identify-patient"] [data-action="identify"]').first().click();
    const query = page.locator('input[name="identity-query"]');
    await query.fill('SITI');
    await query.press('Enter');
    await expect.poll(() => page.getByTestId('identity-choice').count()).toBeGreaterThan(8);
    const picks = await page.getByTestId('identity-choice').count();
    await query.focus();
    const out: number[] = [];
    for (let i = 0; i < picks; i++) {
      await page.keyboard.press('ArrowDown');
      if (!(await focusedInView(c))) out.push(i + 1);
    }
    await c.screenshot('followups-identity-many');
    expect(out).toEqual([]);
  });
});

describe('the follow-ups in a short window', () => {
  it('↓ through every task at 1024x768: the current one whole above the status bar, its payer buttons with it', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    await busyDay(c);
    await page.keyboard.press('Alt+3');
    await page.getByTestId('followup').first().waitFor();
    const tasks = await page.getByTestId('followup').count();
    expect(tasks).toBeGreaterThan(4);
    const out: number[] = [];
    for (let i = 1; i < tasks; i++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('followup');
      await page.waitForTimeout(150); // the scroll into view settles
      if (!(await focusedInView(c))) out.push(i + 1);
      // A payer task shows its buttons on the current card only.
      const kind = await page.evaluate("document.activeElement.getAttribute('data-kind')");
      if (kind === 'settle-payer' && (await page.locator('[data-testid="followup"][aria-current="true"] [data-action="umum"]').count()) !== 1) out.push(-(i + 1));
    }
    await c.screenshot('followups-last-task');
    expect(out).toEqual([]);
  });

  it('a press on a task dragged off it before release: that task is current, the one the keys act on', async () => {
    const c = await counters.open([APBD], { width: 1024, height: 768 });
    const { page } = c;
    await busyDay(c);
    await page.keyboard.press('Alt+3');
    const second = page.getByTestId('followup').nth(1);
    await second.waitFor();
    const box = (await second.boundingBox())!;
    await page.mouse.move(box.x + 12, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 12, box.y - 60, { steps: 4 }); // onto the task above
    await page.mouse.up();
    await expect.poll(() => second.getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[data-testid="followup"][aria-current="true"]').count()).toBe(1);
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-current')")).toBe('true');
  });
});

describe('layout at the counter screen sizes', () => {
  for (const size of SIZES) {
    it(`${size.width}x${size.height}: every button in view and above the status bar, the header on one line, on every screen`, async () => {
      const c = await counters.open([APBD, APBN_OLD], size);
      const { page } = c;
      const found: string[] = [];
      await busyDay(c);

      // Search with the register steps open (the emergency button then names the patient).
      const search = page.locator('#lookup-query');
      await search.fill(SITI.nik);
      await search.press('Enter');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
      // Depending on timing, the answered query's Enter may already have opened the steps.
      await page.locator('[data-testid="register-start"], [data-testid="register-panel"]').first().waitFor();
      if ((await page.getByTestId('register-panel').count()) === 0) await page.getByTestId('register-start').click();
      await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
      if (!(await patientNameInView(c))) found.push('search-register: the patient\'s name is out of view');
      await checkScreen(c, 'search-register', size, found);
      await page.keyboard.press('Escape');
      // The new-patient step (F2), the longest form of the search screen.
      await page.keyboard.press('F2');
      await page.getByTestId('new-patient-form').waitFor();
      await checkScreen(c, 'search-new-patient', size, found);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Alt+2');
      await page.getByTestId('queue-row').first().waitFor();
      await checkScreen(c, 'queue', size, found);
      // A waiting row's actions on one line: a row one line high, more of the queue in sight.
      const actionRows = (await page.evaluate(`(() => {
        const cell = document.querySelector('[data-testid="queue-row"][data-status="waiting"] .queue-row__actions');
        return new Set([...cell.querySelectorAll('.button')].map((b) => Math.round(b.getBoundingClientRect().top))).size;
      })()`)) as number;
      if (actionRows > 1) found.push(`queue: a waiting row's actions on ${actionRows} lines`);

      await page.keyboard.press('Alt+3');
      await page.getByTestId('followup').first().waitFor();
      await checkScreen(c, 'followups', size, found);
      // BPJS is not set up here: no empty "Hasil cek ulang BPJS" section under the tasks.
      if ((await page.getByTestId('reconciliation').count()) > 0) found.push('followups: the empty BPJS re-check section shows without BPJS');
      await page.locator('[data-testid="followup"][data-kind="identify-patient"] [data-action="identify"]').first().click();
      await page.getByTestId('identity-step').waitFor();
      await page.locator('input[name="identity-query"]').fill(SITI.name);
      await page.locator('input[name="identity-query"]').press('Enter');
      await page.getByTestId('identity-choice').first().waitFor();
      await checkScreen(c, 'followups-identity', size, found);
      await page.keyboard.press('Escape');

      for (const [key, screen, testId] of [
        ['Alt+4', 'lists', 'lists-screen'],
        ['Alt+5', 'reports', 'reports-screen'],
        ['Alt+6', 'settings', 'settings-screen'],
        ['Alt+7', 'audit', 'audit-screen'],
      ] as const) {
        await page.keyboard.press(key);
        await page.getByTestId(testId).waitFor();
        await page.waitForTimeout(300); // tables fill in after their first load
        await checkScreen(c, screen, size, found);
      }
      expect(found).toEqual([]);
    });
  }
});

describe('the header of a new counter (no member lists yet) with the clerk signed in (reporttester F5)', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    const problems = counter?.problems ?? [];
    await counter?.close();
    await counter?.page.context().browser()?.close();
    counter = undefined;
    expect(problems).toEqual([]);
  });

  it('says there is no list in words that fit, wrapped, at 1024 and 1366 px in both languages; the whole sentence is its title', async () => {
    const browser = await launchChromium();
    counter = await openCounter(browser, [], { width: 1024, height: 768 }, { core: { session: 'none' }, clock: 'installed' });
    const { page } = counter;
    // The first administrator, so the header carries the clerk's name and buttons, as at a real counter.
    await page.getByTestId('setup-screen').waitFor();
    for (const [field, value] of [['displayName', 'Ratna Dewi'], ['username', 'ratna'], ['password', 'admin-rahasia-1'], ['confirm', 'admin-rahasia-1'], ['pin', '135790']]) {
      await page.locator(`[data-testid="setup-screen"] [data-account-field="${field}"]`).fill(value!);
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 20_000 }).toContain('Ratna Dewi');
    const warning = page.locator('[data-testid="list-status"][data-lists="none"]');
    const found: string[] = [];
    for (const [lang, short, sentence] of [
      ['ID', 'Belum ada daftar peserta', 'Belum ada daftar peserta di komputer ini. Impor daftar terlebih dahulu.'],
      ['EN', 'No member lists yet', 'No member lists on this computer yet. Import a list first.'],
    ] as const) {
      await page.getByRole('button', { name: lang, exact: true }).click();
      await expect.poll(() => warning.textContent()).toBe(short);
      expect(await warning.getAttribute('title')).toBe(sentence);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `/tmp/layout-no-lists-${lang}-${size.width}.png` });
        await checkScreen(counter, `no-lists-${lang}`, size, found);
        // Two lines at most, as the list summary it stands for.
        const lines = await warning.evaluate(`(() => { const e = document.querySelector('[data-lists="none"]'); const s = getComputedStyle(e); return Math.round((e.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.lineHeight)); })()`);
        if (Number(lines) > 2) found.push(`no-lists-${lang} ${size.width}: the warning takes ${String(lines)} lines`);
      }
    }
    expect(found).toEqual([]);
  });
});
