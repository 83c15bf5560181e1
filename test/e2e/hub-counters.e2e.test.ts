import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transportFor } from '../../src/core/sync/enroll';
import type { HarnessOptions } from '../../src/harness/harness';
import { readHubConfig } from '../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../src/hub/hub-main';
import { startTestPostgres, type TestPostgres } from '../helpers/embedded-pg';
import { hubFetch } from '../integration/hub/service-fetch';
import { armAtShow, atShow } from './support/at-show';
import { TODAY, openCounter, type Counter } from './support/counter';
import { layoutProblems } from './support/layout';
import { APBD, RIZKI, SITI, STRANGER_NIK } from './support/lists';
import { registerByNik, useFixtures } from './support/ui';

/**
 * Two counters and a real facility hub (PostgreSQL, HTTPS, the hub's own routes) in this process:
 * counter A is driven through its screens, B through the contract. Their cores' clocks start at
 * TODAY and move with real time (a round's lastSync changes, as at a real counter).
 */
interface Scene {
  hub: RunningHub;
  admin: string;
  a: Counter;
  b: Counter;
  /** A's page (what the fixture helper waits on and checks for errors). */
  page: Page;
  problems: string[];
  /** Stops the hub (once; close() does it too). */
  stopHub(): Promise<void>;
  close(): Promise<void>;
}

let pg: TestPostgres;
let databases = 0;
beforeAll(async () => {
  pg = await startTestPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

const ticking = (): (() => Date) => {
  const start = Date.now();
  return () => new Date(TODAY.getTime() + (Date.now() - start));
};

/** `aBehindMs`: how far A's computer clock is behind the hub's (what its link compares with the hub's answers). */
async function openScene(browser: Browser, options: { aBehindMs?: number } = {}): Promise<Scene> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loket-e2e-hub-'));
  const hub = await startHub({ pgUrl: await pg.createDatabase(`hub_ui_${++databases}`), dataDir, host: '127.0.0.1', port: 0, facility: 'RSUD Kota Serang' });
  let stopped = false;
  const stopHub = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await hub.stop();
  };
  const counters: Counter[] = [];
  try {
    const viewport = { width: 1366, height: 768 };
    const behind = options.aBehindMs;
    const aTransport: Partial<HarnessOptions> = behind
      ? {
          hubTransport: (credential, standing) => transportFor(credential, { outboxBacklog: standing.outboxBacklog, clock: () => Date.now() - behind }),
        }
      : {};
    // The hub's queue number may take longer than a clerk is kept waiting (400 ms) on this loaded
    // machine; these tests are about the hub's numbers, so the offline stand-in never answers for it.
    const hubNumber = { hubNumberTimeoutMs: 5000 };
    counters.push(await openCounter(browser, [APBD], viewport, { core: { now: ticking(), ...hubNumber, ...aTransport } }));
    counters.push(await openCounter(browser, [APBD], viewport, { core: { now: ticking(), ...hubNumber } }));
  } catch (error) {
    for (const c of counters) await c.close();
    await stopHub();
    throw error;
  }
  const [a, b] = counters as [Counter, Counter];
  return {
    hub,
    admin: `Admin ${readHubConfig(dataDir)!.adminKey}`,
    a,
    b,
    page: a.page,
    problems: a.problems.concat(b.problems),
    stopHub,
    async close() {
      await a.close();
      await b.close();
      await stopHub();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const fixtures = useFixtures(openScene);

/** A one-time enrollment code from the hub's admin route (what `loket hub counter add` prints). */
async function codeFor(scene: Scene, name: string): Promise<string> {
  const reply = await hubFetch(scene.hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: scene.admin, body: { name } });
  expect(reply.status).toBe(201);
  return (reply.json as { code: string }).code;
}

/** Settings → Hub fasilitas, by keyboard: Alt+6, then ← from the first tab wraps to the last tabs, ← until the hub's (however many tabs follow it). */
async function openHubSettings(page: Page): Promise<void> {
  await page.keyboard.press('Alt+6');
  await page.getByTestId('settings-tab-counter').focus();
  const focusedTab = (): Promise<string | null> => page.evaluate<string | null>(`document.activeElement && document.activeElement.getAttribute('data-testid')`);
  for (let i = 0; i < 6 && (await focusedTab()) !== 'settings-tab-hub'; i++) await page.keyboard.press('ArrowLeft');
  await page.getByTestId('hub-settings').waitFor();
}

/** Enrolls A through its Settings screen with a fresh code; the enrolled card shows. */
async function enrollThroughScreen(scene: Scene, name: string): Promise<void> {
  const { page } = scene.a;
  await openHubSettings(page);
  await page.getByTestId('hub-code').waitFor();
  await page.keyboard.insertText(await codeFor(scene, name));
  await page.keyboard.press('Enter');
  await page.getByTestId('hub-card').waitFor();
}

const focusedTestId = (page: Page): Promise<unknown> => page.evaluate(`document.activeElement && document.activeElement.getAttribute('data-testid')`);
const hubState = (page: Page): Promise<string | null> => page.getByTestId('hub-status').getAttribute('data-state');
/** The hub pill's words as seen (its long or its short form, whichever shows). */
const hubWords = (page: Page): Promise<string> => page.getByTestId('hub-status').innerText();

describe('counters sharing a facility hub', () => {
  it('A enrolls on its Settings screen (a used code refused in words under the field), B by the contract; the status bar says so', async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    // Not enrolled: nothing about a hub in the status bar.
    expect(await page.getByTestId('hub-status').count()).toBe(0);
    await openHubSettings(page);
    await expect.poll(() => page.getByTestId('hub-settings').getAttribute('data-enrolled')).toBe('no');
    await expect.poll(() => focusedTestId(page)).toBe('hub-code');

    // Enter with no code: said under the code field, nothing sent.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('hub-error-code').textContent()).toContain('Tempel dulu kode pendaftaran');

    // A code already used by B: the hub's refusal, in words, under the code field.
    const usedCode = await codeFor(scene, 'Loket B');
    const enrolledB = await scene.b.harness.core.enrollHub({ code: usedCode });
    expect(enrolledB).toMatchObject({ facility: 'RSUD Kota Serang', name: 'Loket B', offlinePrefix: 'K1' });
    await page.keyboard.insertText(usedCode);
    await page.keyboard.press('Enter');
    const refusal = page.getByTestId('hub-error-code');
    await expect.poll(() => refusal.getAttribute('data-error-code'), { timeout: 10_000 }).toBe('hub/code-used');
    expect(await refusal.textContent()).toBe('Kode pendaftaran ini sudah dipakai. Minta kode baru dari admin hub.');
    await scene.a.screenshot('hub-settings-refused-1366');

    // A fresh code: enrolled; the card says where and how A numbers alone.
    await page.getByTestId('hub-code').fill('');
    await page.getByTestId('hub-code').focus();
    await page.keyboard.insertText(await codeFor(scene, 'Loket A'));
    await armAtShow(page, '[data-testid="hub-card"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('hub-card').waitFor();
    // "Sinkronkan sekarang" has the focus as the card shows: the next Enter presses it.
    await expect.poll(() => atShow(page)).toMatchObject({ focus: 'hub-sync-now' });
    expect(await page.getByTestId('hub-enrolled-now').textContent()).toContain('RSUD Kota Serang');
    expect(await page.getByTestId('hub-facility').textContent()).toBe('RSUD Kota Serang');
    expect(await page.getByTestId('hub-name').textContent()).toBe('Loket A');
    expect(await page.getByTestId('hub-offline-prefix').textContent()).toContain('K2-U-004');
    expect(await page.getByTestId('hub-address').textContent()).toBe(scene.hub.urls[0]);
    await expect.poll(() => page.getByTestId('hub-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => page.getByTestId('hub-last-sync').textContent()).not.toBe('belum pernah');
    await expect.poll(() => focusedTestId(page)).toBe('hub-sync-now');

    // Sinkronkan sekarang: a round on demand, its result in words.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('hub-sync-result').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('hub-sync-result').textContent()).toMatch(/^Sinkron selesai: \d+ perubahan dikirim, \d+ diterima\.$/);

    // The status bar, beside the BPJS state.
    await expect.poll(() => hubState(page)).toBe('connected');
    expect((await hubWords(page)).replace(/\s+/g, ' ')).toBe('● Hub: tersambung');
    for (const size of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await scene.a.screenshot(`hub-settings-enrolled-${size.width}`);
      expect(await layoutProblems(page)).toEqual([]);
    }
  });

  it("B's patient shows on A's queue as soon as a round brings it (the hubLink event, with A's timers stopped)", async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    await scene.b.harness.core.enrollHub({ code: await codeFor(scene, 'Loket B') });
    await enrollThroughScreen(scene, 'Loket A');
    await expect.poll(() => hubState(page), { timeout: 15_000 }).toBe('connected');

    // From here A's page runs no timer at all: its queue's own 4 s reload cannot fire, only an event can reload it.
    await page.clock.install({ time: TODAY });
    await page.clock.pauseAt(new Date(TODAY.getTime() + 60_000));
    await page.keyboard.press('Alt+2');
    await page.locator('.queue__empty').waitFor();
    expect(await page.getByTestId('queue-row').count()).toBe(0);

    const patient = await scene.b.harness.core.createPatient({ name: 'RUDI HARTONO', nik: STRANGER_NIK });
    const visit = await scene.b.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
    // B was connected: the hub gave the number (no offline prefix).
    expect(visit.queue).toMatch(/^U-\d{3}$/);

    const row = page.locator(`[data-testid="queue-row"][data-queue="${visit.queue}"]`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain('RUDI HARTONO');
    await page.clock.resume();
    await scene.a.screenshot('hub-queue-from-b-1366');
  });

  it("A moves B's patient to Poli Gigi (G, then 2): the hub's next Gigi number; B shows the patient there; no number is given twice", async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    await scene.b.harness.core.enrollHub({ code: await codeFor(scene, 'Loket B') });
    await enrollThroughScreen(scene, 'Loket A');
    await expect.poll(() => hubState(page), { timeout: 15_000 }).toBe('connected');
    const core = scene.b.harness.core;
    const gigiFirst = await core.registerVisit({ patientId: (await core.createPatient({ name: 'DEDE GIGI' })).id, unit: 'GIGI', verdict: null, payer: 'umum' });
    const patient = await core.createPatient({ name: 'RUDI HARTONO', nik: STRANGER_NIK });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
    expect([gigiFirst.queue, visit.queue]).toEqual(['G-001', 'U-001']);
    await core.syncNow({});

    await page.keyboard.press('Alt+2');
    const row = page.locator('[data-testid="queue-row"][data-queue="U-001"]');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.click();
    await page.waitForTimeout(1100); // a letter acts when the keyboard rested (letter-keys.ts)
    await page.keyboard.press('g');
    await page.getByTestId('move-dialog').waitFor();
    await page.keyboard.press('2');
    // The hub numbered the move: G-002, not an offline K2-G number.
    await expect.poll(() => page.getByTestId('move-done').textContent(), { timeout: 10_000 }).toContain('U-001 (Poli Umum) → G-002 (Poli Gigi)');
    await page.keyboard.press('Escape');

    // B, after a round: RUDI in Poli Gigi as G-002, after DEDE (who came first), and nobody left in Poli Umum.
    await expect
      .poll(
        async () => {
          await core.syncNow({});
          return (await core.dayQueue({ unit: 'GIGI' })).map((e) => `${e.queue} ${e.patient.name}`);
        },
        { timeout: 15_000 },
      )
      .toEqual(['G-001 DEDE GIGI', 'G-002 RUDI HARTONO']);
    expect(await core.dayQueue({ unit: 'UMUM' })).toEqual([]);
    // Neither number comes again: B's next Umum patient is U-002, its next Gigi patient G-003.
    expect((await core.registerVisit({ patientId: (await core.createPatient({ name: 'EKO UMUM' })).id, unit: 'UMUM', verdict: null, payer: 'umum' })).queue).toBe('U-002');
    expect((await core.registerVisit({ patientId: (await core.createPatient({ name: 'FIFI GIGI' })).id, unit: 'GIGI', verdict: null, payer: 'umum' })).queue).toBe('G-003');
  });

  it("the same NIK at both counters: a merge notice on A's follow-ups screen, marked seen with the keyboard", async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    await scene.b.harness.core.enrollHub({ code: await codeFor(scene, 'Loket B') });
    await enrollThroughScreen(scene, 'Loket A');
    await expect.poll(() => hubState(page), { timeout: 15_000 }).toBe('connected');

    // B first (the older record survives), then A at once, before B's record can reach A by a
    // sync (A would then refuse the NIK as already registered): the hub merges them and tells
    // every counter.
    const atB = await scene.b.harness.core.createPatient({ name: SITI.name, nik: SITI.nik, dob: '1985-03-12', sex: 'P' });
    const atA = await scene.a.harness.core.createPatient({ name: SITI.name, nik: SITI.nik, dob: '1985-03-12', sex: 'P' });
    await scene.b.harness.core.syncNow({});
    expect(atA.mrn).not.toBe(atB.mrn);

    await page.keyboard.press('Alt+3');
    const notice = page.locator('[data-testid="hub-notice"][data-kind="patient-merged"]');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    // The record made first (B's) survives with its RM.
    const [survivor, merged] = [atB.mrn, atA.mrn];
    expect(await notice.locator('.hub-notice__text').textContent()).toContain(
      `Dua rekam medis digabung: RM ${merged} kini RM ${survivor} (${SITI.name}). RM ${merged} tetap bisa dicari.`,
    );
    for (const size of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await scene.a.screenshot(`hub-notices-${size.width}`);
      expect(await layoutProblems(page)).toEqual([]);
    }

    // Keyboard only: Tab until "Sudah dilihat" has the focus, then Enter.
    for (let i = 0; i < 20 && (await focusedTestId(page)) !== 'hub-notice-seen'; i++) await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('hub-notice-seen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('hub-notices').count()).toBe(0);
    expect(await scene.a.harness.core.hubNotices({})).toEqual([]);
    // The old number still finds the patient at A.
    expect((await scene.a.harness.core.findPatient({ mrn: merged }))?.mrn).toBe(survivor);
  });

  it("two counters that numbered alone before enrolling: both U-001 on A's queue, marked; a call says to use the name; the notice explains", async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    // Each worked alone this morning and printed its own U-001.
    const register = async (counter: Counter, name: string): Promise<string> => {
      const patient = await counter.harness.core.createPatient({ name });
      return (await counter.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' })).queue;
    };
    expect(await register(scene.a, 'ANI PAGI')).toBe('U-001');
    expect(await register(scene.b, 'BENI PULAU')).toBe('U-001');
    await scene.a.harness.core.enrollHub({ code: await codeFor(scene, 'Loket A') });
    await scene.b.harness.core.enrollHub({ code: await codeFor(scene, 'Loket B') });

    await page.keyboard.press('Alt+2');
    const same = page.locator('[data-testid="queue-row"][data-queue="U-001"]');
    await expect.poll(() => same.count(), { timeout: 20_000 }).toBe(2);
    // In arrival order (each core's clock started at TODAY when it opened): whichever came first.
    const names = await same.locator('.queue-row__name').allTextContents();
    expect([...names].sort()).toEqual(['ANI PAGI', 'BENI PULAU']);
    expect(await same.getByTestId('queue-same-number').allTextContents()).toEqual(['nomor ganda', 'nomor ganda']);
    expect(await same.first().getByTestId('queue-same-number').getAttribute('title')).toBe(
      'Nomor ini juga dipegang pasien lain hari ini (dicetak sebelum loketnya terhubung ke hub). Panggil pasien dengan nama.',
    );
    for (const size of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      await scene.a.screenshot(`hub-queue-same-number-${size.width}`);
      expect(await layoutProblems(page)).toEqual([]);
    }

    // Calling the first says the name is what tells them apart.
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toBe(`Dipanggil: U-001 ${names[0]}. Nomor ini dipegang dua pasien: panggil dengan nama.`);

    // The follow-ups screen has the hub's notice, in words.
    await page.keyboard.press('Alt+3');
    const notice = page.locator('[data-testid="hub-notice"][data-kind="same-queue-number"]');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.locator('.hub-notice__text').textContent()).toMatch(
      /^Nomor antrean U-001 \(Poli Umum, 10 Jun 2025\) dipegang dua pasien: (ANI PAGI dan BENI PULAU|BENI PULAU dan ANI PAGI)\. Kedua slip berlaku; di antrean bertanda "nomor ganda"\. Panggil mereka dengan nama\./,
    );
    await scene.a.screenshot('hub-notice-same-number-1024');
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('the hub stopped: A says "tak terjangkau" calmly and still registers, numbered with its offline prefix', async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    await enrollThroughScreen(scene, 'Loket A');
    await expect.poll(() => hubState(page), { timeout: 15_000 }).toBe('connected');
    const online = await registerByNik(scene.a, SITI.nik);
    expect(online).toMatch(/^U-\d{3}$/);

    // BPJS configured but out of reach too: the busiest status bar a counter can have (BPJS offline
    // with its reason, visits waiting for a re-check, and the hub), which must still fit at 1024.
    await scene.a.harness.core.saveBpjsSettings({
      use: 'vclaim',
      vclaim: { baseUrl: 'http://127.0.0.1:9/vclaim', consId: '12345', secret: 'rahasia', userKey: 'kunci' },
      pcare: { baseUrl: '', consId: '', secret: '', userKey: '', pcareUser: '', pcarePass: '', pcareApp: '095' },
      timeoutSeconds: 1,
      slowSeconds: 1,
      probeSeconds: 60,
    });
    await scene.stopHub();
    await expect.poll(() => hubState(page), { timeout: 20_000 }).toBe('unreachable');
    expect((await hubWords(page)).replace(/\s+/g, ' ')).toMatch(/^○ Hub tak terjangkau — loket bekerja sendiri/);

    const offline = await registerByNik(scene.a, RIZKI.nik);
    expect(offline).toMatch(/^K1-U-\d{3}$/);
    // What waits to be sent is counted in the bar.
    await expect.poll(async () => Number(await page.getByTestId('hub-status').getAttribute('data-backlog')), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('pending-rechecks').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('connectivity').getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
    const backlog = await page.getByTestId('hub-status').getAttribute('data-backlog');
    // Room at 1366: the whole sentence. At 1024 beside BPJS offline and the re-checks: the short words, the sentence in the tooltip.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(async () => (await hubWords(page)).replace(/\s+/g, ' ')).toBe(`○ Hub tak terjangkau — loket bekerja sendiri, ${backlog} menunggu dikirim`);
    await scene.a.screenshot('hub-status-unreachable-1366');
    expect(await layoutProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await hubWords(page)).replace(/\s+/g, ' ')).toBe(`○ Hub: luring (${backlog})`);
    await expect.poll(() => page.getByTestId('hub-status').getAttribute('title')).toBe(`Hub tak terjangkau — loket bekerja sendiri, ${backlog} menunggu dikirim`);
    await scene.a.screenshot('hub-status-unreachable-1024');
    expect(await layoutProblems(page)).toEqual([]);
    // The short words are whole, not cut.
    expect(await page.evaluate(`(() => { const s = document.querySelector('.hub-status__short'); return s.scrollWidth <= s.clientWidth + 1; })()`)).toBe(true);

    // Sinkronkan sekarang while the hub is down: said in words, and the counter carries on.
    await openHubSettings(page);
    await expect.poll(() => page.getByTestId('hub-state').textContent()).toBe('tak terjangkau (loket bekerja sendiri)');
    expect(Number(await page.getByTestId('hub-backlog').textContent())).toBeGreaterThan(0);
    await page.getByTestId('hub-sync-now').focus();
    await page.keyboard.press('Enter');
    const failure = page.locator('[data-testid="hub-settings"] [role="alert"]');
    await failure.waitFor();
    expect(await failure.getAttribute('data-error-code')).toBe('hub/unreachable');
    expect(await failure.textContent()).toContain('Loket tetap bekerja sendiri');
  });

  it('a revoked counter: the status bar says the hub refuses it, the reason in its tooltip', async () => {
    const scene = await fixtures.open();
    const { page } = scene.a;
    await scene.a.harness.core.enrollHub({ code: await codeFor(scene, 'Loket A') });
    await expect.poll(() => hubState(page), { timeout: 15_000 }).toBe('connected');
    const revoked = await hubFetch(scene.hub.urls[0]!, 'DELETE', '/v1/admin/counters/Loket%20A', { authorization: scene.admin });
    expect(revoked.status).toBe(200);
    await expect.poll(() => hubState(page), { timeout: 20_000 }).toBe('refused');
    expect((await hubWords(page)).replace(/\s+/g, ' ')).toBe('✕ Hub menolak loket ini — hubungi admin');
    expect(await page.getByTestId('hub-status').getAttribute('title')).toContain('pendaftarannya dicabut');
    await scene.a.screenshot('hub-status-refused-1366');
    // Registering still works, numbered alone.
    expect(await registerByNik(scene.a, SITI.nik)).toMatch(/^K1-U-\d{3}$/);
  });

  it("a counter whose clock is two hours behind the hub's: connected all the same, and the status bar and the hub card say the clock is off", async () => {
    const scene = await fixtures.open({ aBehindMs: 2 * 3_600_000 });
    const { page } = scene.a;
    await enrollThroughScreen(scene, 'Loket Jam Mundur');
    await expect.poll(() => hubState(page), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => page.getByTestId('hub-status').getAttribute('data-clock-minutes')).toBe('120');
    expect((await hubWords(page)).replace(/\s+/g, ' ')).toBe('● Hub: tersambung — jam komputer ini salah');
    expect(await page.getByTestId('hub-status').getAttribute('title')).toContain('Jam komputer ini 2 jam lebih lambat dari jam hub.');
    await expect.poll(() => page.getByTestId('hub-clock').textContent()).toBe(
      'Jam komputer ini 2 jam lebih lambat dari jam hub. Betulkan tanggal dan jam komputer ini (atau minta petugas IT): kunjungan dicatat dengan tanggal dan jam komputer ini.',
    );
    await scene.a.screenshot('hub-clock-behind-1366');
    expect(await layoutProblems(page)).toEqual([]);
  });
});
