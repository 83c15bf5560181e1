/**
 * Settings → Keamanan data → "Pulihkan dari cadangan…" through the harness (which hosts its core
 * as the app's main process hosts the core process): the administrator restores a backup and reads
 * the report; a wrong recovery key is refused in words and nothing moves; a clerk has no such action.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core';
import { fileFor } from '../helpers/files';
import { openCounter, TODAY, type Counter } from './support/counter';
import { APBD } from './support/lists';
import { scratch, useFixtures } from './support/ui';

const SIZE = { width: 1024, height: 768 };
/** A core clock that moves on a second at each reading: a registration after the backup is later than the backup's last. */
const moving = (): (() => Date) => {
  let tick = 0;
  return () => new Date(TODAY.getTime() + 1000 * tick++);
};
/** Encrypted with its key beside it, as the harness keeps one: the recovery key opens its backups. */
const admins = useFixtures((browser) => openCounter(browser, [APBD], SIZE, { keyBeside: true, core: { now: moving() } }));
const clerks = useFixtures((browser) => openCounter(browser, [APBD], SIZE, { keyBeside: true, core: { actor: { username: 'kasir', role: 'clerk' } } }));

async function register(core: Core, name: string): Promise<void> {
  const patient = await core.createPatient({ name, dob: '1980-01-01' });
  await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
}

const queueNames = async (core: Core): Promise<string[]> => (await core.dayQueue({})).map((row) => row.patient.name);

/** One registration, a backup and its recovery key on a "USB drive", then a registration after them. */
async function backedUp(c: Counter): Promise<{ backup: string; key: string }> {
  const core = c.harness.core;
  await register(core, 'Ani Lestari');
  const usb = await scratch();
  const backup = join(usb, 'loket-cadangan.db');
  const key = join(usb, 'loket-kunci-pemulihan.txt');
  await core.backupDatabase({ file: fileFor(core, backup, 'save-backup') });
  await core.exportRecoveryKey({ file: fileFor(core, key, 'save-key') });
  await register(core, 'Budi Santoso');
  return { backup, key };
}

/** The harness has no dialogs: the backup's and the key's paths go into the section's path fields. */
async function typePaths(c: Counter, backup: string, key: string): Promise<void> {
  const { page } = c;
  await page.getByTestId('restore-backup-path-input').fill(backup);
  await page.getByTestId('restore-backup-path-input').press('Enter');
  await page.getByTestId('restore-key-path-input').fill(key);
  await page.getByTestId('restore-key-path-input').press('Enter');
}

/** Settings → Keamanan data → "Pulihkan dari cadangan…", and the two files chosen. */
async function chooseFiles(c: Counter, backup: string, key: string): Promise<void> {
  const { page } = c;
  await page.keyboard.press('Alt+6');
  await page.getByTestId('data-security').waitFor();
  await page.getByTestId('security-restore').click();
  await typePaths(c, backup, key);
}

const asideFolders = (dbPath: string): string[] => readdirSync(dirname(dbPath)).filter((name) => name.startsWith('loket.db.sebelum-pemulihan-'));

describe('Settings → Keamanan data → Pulihkan dari cadangan', () => {
  it('the administrator restores a backup: a plain confirmation, then the report, and the counter holds the backup again', async () => {
    const c = await admins.open();
    const { page } = c;
    const dbPath = c.harness.core.db.name;
    const before = c.harness.core;
    const { backup, key } = await backedUp(c);
    expect(await queueNames(before)).toEqual(['ANI LESTARI', 'BUDI SANTOSO']);

    await chooseFiles(c, backup, key);
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      'Basis data sekarang diganti dengan cadangan loket-cadangan.db (dibuka dengan kunci loket-kunci-pemulihan.txt). Basis data sekarang tidak dihapus: berkasnya dipindahkan ke folder bertanggal di sampingnya. Loket berhenti sebentar selama pemulihan',
    );
    // A reflex Enter must not restore: the focus starts on "Batal".
    expect(await confirm.getAttribute('data-focus')).toBe('cancel');
    await c.screenshot('restore-confirm');
    await page.getByTestId('confirm-yes').click();

    const report = page.getByTestId('restore-report');
    await report.waitFor();
    expect(await page.getByTestId('restore-report-counts').textContent()).toBe('1 pasien, 1 kunjungan.');
    expect(await page.getByTestId('restore-report-backup').textContent()).toMatch(/^Cadangan loket-cadangan\.db, dibuat .+; pendaftaran terakhir di dalamnya: .+\.$/);
    expect(await page.getByTestId('restore-report-list').textContent()).toMatch(new RegExp(`^Daftar ${APBD.name}: edisi 1 per`));
    const aside = asideFolders(dbPath);
    expect(aside).toHaveLength(1);
    expect(await page.getByTestId('restore-report-aside').textContent()).toBe(`Basis data lama dipindahkan (tidak dihapus) ke folder ${join(dirname(dbPath), aside[0]!)}.`);
    // The one registration made after the backup is named: that folder is its only copy.
    expect(await page.getByTestId('restore-report-holds').textContent()).toMatch(/^PERHATIAN: basis data lama memuat 1 pendaftaran .*jangan hapus folder itu/);
    expect(await page.getByTestId('restore-report-next').textContent()).toBe('Semua petugas masuk lagi: akun dan sesi kini dari basis data yang dipulihkan.');
    await c.screenshot('restore-report');
    await page.screenshot({ path: '/tmp/restore-report.png' });

    // A new core serves the restored database; the old files are in the folder, whole.
    const after = c.harness.core;
    expect(after).not.toBe(before);
    expect(await queueNames(after)).toEqual(['ANI LESTARI']);
    expect(readdirSync(join(dirname(dbPath), aside[0]!))).toEqual(expect.arrayContaining(['loket.db', 'loket.db.key', 'loket.db.lists']));
    const trail = await after.auditEntries({ limit: 50, action: 'restore' });
    expect(trail.entries).toHaveLength(1);
    expect(trail.entries[0]!.actor).toBe('admin');

    // Closing the report reloads the window on the restored database.
    await page.getByTestId('restore-report-close').click();
    await page.getByTestId('list-status').waitFor();
    await expect.poll(() => page.getByTestId('restore-report').count()).toBe(0);
    await page.keyboard.press('Alt+2');
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('ANI LESTARI');
    expect((await page.locator('main').textContent()) ?? '').not.toContain('BUDI SANTOSO');
  });

  it('a wrong recovery key is refused in words with what to do; nothing moves and the counter works on', async () => {
    const c = await admins.open();
    const { page } = c;
    const dbPath = c.harness.core.db.name;
    const { backup } = await backedUp(c);
    const wrong = join(await scratch(), 'kunci-lain.txt');
    writeFileSync(wrong, `raw:${'ab'.repeat(32)}\n`);

    await chooseFiles(c, backup, wrong);
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-yes').click();
    await expect
      .poll(() => page.getByTestId('restore-refused').textContent())
      .toBe(
        'Pemulihan tidak dijalankan: Kunci pemulihan itu tidak membuka cadangan ini. Pilih kunci pemulihan yang disimpan saat cadangan itu dibuat (kunci dari sebelum atau sesudah ganti kunci tidak cocok). Basis data sekarang tidak diubah.',
      );
    // Not a refusal --force may override: no second button.
    expect(await page.getByTestId('restore-force').count()).toBe(0);
    await page.getByTestId('restore-refused').scrollIntoViewIfNeeded();
    await c.screenshot('restore-wrong-key');
    expect(asideFolders(dbPath)).toEqual([]);
    expect(existsSync(`${dbPath}.restoring`)).toBe(false);
    expect(await queueNames(c.harness.core)).toEqual(['ANI LESTARI', 'BUDI SANTOSO']);
  });

  it('a backup from before the enrolment: refused in words, restored only through "Pulihkan juga…", a second confirmation and the files chosen again; the report says to enrol again', async () => {
    const c = await admins.open();
    const { page } = c;
    const dbPath = c.harness.core.db.name;
    const { backup, key } = await backedUp(c);
    // Enrolled at a facility hub since the backup. The enrolment itself (hub-counters.e2e) is beside
    // the point here: what the restore reads of it is this flag.
    c.harness.core.db.prepare('UPDATE sync_state SET enrolled = 1 WHERE id = 1').run();

    await chooseFiles(c, backup, key);
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-yes').click();
    await expect
      .poll(() => page.getByTestId('restore-refused').textContent())
      .toMatch(/^Pemulihan tidak dijalankan: Cadangan ini dibuat sebelum loket ini terdaftar di hub fasilitas: .*Basis data sekarang tidak diubah\.Pulihkan juga…$/);
    expect(asideFolders(dbPath)).toEqual([]);
    expect(await queueNames(c.harness.core)).toEqual(['ANI LESTARI', 'BUDI SANTOSO']);

    // "Pulihkan juga…": a second question, Batal focused; Batal goes back to the refusal.
    await page.getByTestId('restore-force').click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Pulihkan juga, walau ada peringatan?');
    expect(await confirm.getAttribute('data-focus')).toBe('cancel');
    await c.screenshot('restore-force-confirm');
    await page.keyboard.press('Escape');
    await page.getByTestId('restore-force').waitFor();
    // Again, and yes: the backup and its key are chosen once more, and the last confirmation says it is forced.
    await page.getByTestId('restore-force').click();
    await page.getByTestId('confirm-yes').click();
    await typePaths(c, backup, key);
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Pemulihan ini dipaksa: peringatan tadi diabaikan.');
    await page.getByTestId('confirm-yes').click();

    await page.getByTestId('restore-report').waitFor();
    expect(await page.getByTestId('restore-report-hub').textContent()).toBe(
      'PERHATIAN: basis data yang dipulihkan tidak terdaftar di hub fasilitas: daftarkan loket ini lagi (cabut di hub, kode baru) sebelum mendaftarkan pasien.',
    );
    await c.screenshot('restore-forced-report');
    const after = c.harness.core;
    expect(await queueNames(after)).toEqual(['ANI LESTARI']);
    expect(asideFolders(dbPath)).toHaveLength(1);
    const trail = await after.auditEntries({ limit: 50, action: 'restore' });
    expect(trail.entries).toEqual([expect.objectContaining({ actor: 'admin', detail: expect.objectContaining({ forced: true }) })]);
  });

  it('a clerk has no Settings, so no restore', async () => {
    const c = await clerks.open();
    const { page } = c;
    await page.locator('.app-nav').waitFor();
    expect(await page.locator('.app-nav [data-screen]').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-screen')))).not.toContain('settings');
    await page.keyboard.press('Alt+6');
    expect(await page.getByTestId('security-restore').count()).toBe(0);
    // Asked through the bridge all the same, the core refuses before anything stops.
    const answer = await page.evaluate("window.loket.restoreBackup({ backup: 'a'.repeat(22), keyFile: 'b'.repeat(22) })");
    expect(answer).toEqual({ ok: false, error: { code: 'session/forbidden' } });
    await c.screenshot('restore-clerk-no-settings');
  });
});
