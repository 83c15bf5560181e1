import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/core';
import { fileFor } from '../helpers/files';
import { openCounter } from './support/counter';
import { APBD } from './support/lists';
import { scratch, useCounters, useFixtures } from './support/ui';

const { open } = useCounters();
/** A database keyed as the harness and the loket command key one: its key unsealed beside it. */
const keyedCounters = useFixtures((browser) => openCounter(browser, [APBD], { width: 1366, height: 768 }, { keyBeside: true }));

/** A plain database as an older Loket left it, its one list edition cut short on disk (a disk error, a half-copied folder). */
async function plainWithDamagedEdition(dbPath: string): Promise<void> {
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false });
  const csv = join(dirname(dbPath), 'apbd.csv');
  writeFileSync(csv, APBD.csv, 'utf8');
  await core.importList({ file: fileFor(core, csv), list: APBD.name, kind: APBD.kind, asOf: APBD.asOf });
  core.close();
  const edition = join(`${dbPath}.lists`, 'e1.db');
  const bytes = readFileSync(edition);
  writeFileSync(edition, bytes.subarray(0, Math.floor(bytes.length / 2)));
}
const convertedCounters = useFixtures((browser) => openCounter(browser, [], { width: 1366, height: 768 }, { keyBeside: true, prepare: plainWithDamagedEdition }));

describe('Settings → Keamanan data', () => {
  it('says where the key is kept with the core\'s warning in words, and writes a backup through the path field', async () => {
    const c = await open([APBD]);
    const { page } = c;
    await page.keyboard.press('Alt+6');
    const section = page.getByTestId('data-security');
    await section.waitFor();
    // The e2e harness opens its database without a key: the section says so, in words, not as a code.
    await expect.poll(() => page.getByTestId('security-store').getAttribute('data-store')).toBe('none');
    await expect.poll(() => page.getByTestId('security-warning').textContent()).toBe('Basis data ini tidak terenkripsi.');
    await expect.poll(() => page.getByTestId('security-recovery-key').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('security-rekey').isDisabled()).toBe(true);

    const dir = await scratch();
    await page.getByTestId('security-backup').click();
    const path = page.getByTestId('security-path-input');
    await path.fill(join(dir, 'cadangan.db'));
    await path.press('Enter');
    await expect.poll(() => page.getByTestId('security-status').textContent()).toMatch(/Cadangan ditulis ke cadangan\.db \(1 berkas daftar/);
    expect(existsSync(join(dir, 'cadangan.db'))).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await c.screenshot('data-security');
    await page.screenshot({ path: '/tmp/keys-data-security.png' });
    expect(c.problems).toEqual([]);
  });

  it('refuses a backup over the database in use and to a missing folder in words, and the audit screen words every backup', async () => {
    const c = await open([APBD]);
    const { page } = c;
    await page.keyboard.press('Alt+6');
    await page.getByTestId('data-security').waitFor();
    const backupTo = async (target: string, says: RegExp): Promise<void> => {
      await page.getByTestId('security-backup').click();
      const path = page.getByTestId('security-path-input');
      await path.fill(target);
      await path.press('Enter');
      await expect.poll(() => page.getByTestId('security-status').textContent()).toMatch(says);
    };
    // The harness's own database, as a clerk might pick it in a save dialog: refused, nothing lost.
    const dbPath = c.harness.core.db.name;
    await backupTo(dbPath, /^Tidak berhasil: Tempat simpan ini adalah berkas data Loket sendiri .*pilih tempat lain/);
    const dir = await scratch();
    const missing = join(dir, 'flashdisk');
    await backupTo(join(missing, 'cadangan.db'), new RegExp(`^Tidak berhasil: Folder ${missing} tidak ada\\. Pilih folder yang ada \\(mis\\. flashdisk yang terpasang\\)`));
    await backupTo(join(dir, 'cadangan.db'), /Cadangan ditulis ke cadangan\.db \(1 berkas daftar/);
    expect(existsSync(join(`${dbPath}.lists`))).toBe(true);

    await page.keyboard.press('Alt+7');
    await page.getByTestId('audit-table').waitFor();
    const details = await page.locator('[data-testid="audit-row"][data-action="export"] .audit-detail').allTextContents();
    expect(details).toEqual([
      'cadangan basis data disimpan',
      // In the trail's own words: no "Folder … tidak ada" gap, no advice to the clerk (protecttester P2).
      'Cadangan basis data gagal: folder tujuan tidak ada',
      'Cadangan basis data gagal: tempatnya berkas data Loket sendiri',
    ]);
    await c.screenshot('audit-backups');
    expect(c.problems).toEqual([]);
  });

  it('says the unsealed key beside the data once, in red with what it means', async () => {
    const c = await keyedCounters.open();
    const { page } = c;
    await page.keyboard.press('Alt+6');
    const section = page.getByTestId('data-security');
    await section.waitFor();
    await page.getByTestId('security-warning').waitFor();
    expect(await page.getByTestId('security-warning').textContent()).toBe(
      'Kunci basis data disimpan tanpa segel di samping data: ini hanya melindungi dari penyalinan basis data saja. Simpan kunci pemulihan di tempat lain.',
    );
    const text = (await section.textContent()) ?? '';
    expect(text.split('Kunci basis data disimpan tanpa segel di samping data').length - 1).toBe(1);
    await expect.poll(() => page.getByTestId('security-recovery-key').isDisabled()).toBe(false);
    await page.getByTestId('security-warning').scrollIntoViewIfNeeded();
    await c.screenshot('data-security-key-beside');
  });

  it('a plain database with a damaged list edition is encrypted at start all the same, and the section names the file set aside and what to do', async () => {
    const c = await convertedCounters.open();
    const { page } = c;
    await page.keyboard.press('Alt+6');
    await page.getByTestId('data-security').waitFor();
    // Encrypted now: the key kept beside the data is the only warning, the set-aside file a notice of its own.
    await expect.poll(() => page.getByTestId('security-warning').textContent()).toMatch(/^Kunci basis data disimpan tanpa segel di samping data/);
    const lists = `${c.harness.core.db.name}.lists`;
    const aside = readdirSync(lists).filter((name) => name.startsWith('e1.db.tidak-terbaca-'));
    expect(aside).toHaveLength(1);
    await expect
      .poll(() => page.getByTestId('security-notice').textContent())
      .toBe(
        `Berkas daftar "${APBD.name}" tidak dapat dibaca, jadi tidak dapat dienkripsi: Loket menyisihkannya (tidak dihapus) sebagai ${join(lists, aside[0]!)} dan mengenkripsi basis data serta daftar lainnya. Berkas itu masih TIDAK terenkripsi. Bila daftar itu masih dipakai, impor ulang berkas daftarnya; lalu hapus berkas yang disisihkan itu (atau simpan di tempat aman bila TI perlu memeriksanya).`,
      );
    expect(await page.getByTestId('data-security').textContent()).toContain('Basis data lama baru saja dienkripsi saat Loket dimulai.');
    await expect.poll(() => page.getByTestId('security-backup').isDisabled()).toBe(false);
    await page.getByTestId('security-notice').scrollIntoViewIfNeeded();
    await c.screenshot('data-security-edition-set-aside');
  });
});
