import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core';
import { useTempDir } from '../helpers/temp';
import { launchChromium } from './support/browser';
import { fileFor } from '../helpers/files';

const tempDir = useTempDir();
const OUT = join(__dirname, '../../test-results/slips');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils); .ci/run does.');
  }
});
afterAll(async () => {
  await browser?.close();
});

/** Prints a slip's HTML to PDF in Chromium as the desktop app's printToPDF does, and reads its text back. */
async function printToPdfText(html: string, name: string, paper: { width: string; height: string }): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, width: paper.width, height: paper.height, printBackground: true });
  await page.close();
  execFileSync('pdftoppm', ['-png', '-r', '120', '-singlefile', pdf, join(OUT, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

async function counterWithTwoPatients(): Promise<{ core: Core; jkn: number; umum: number }> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date('2026-11-23T02:00:00Z') });
  await core.saveSettings({ ...(await core.getSettings({})), facilityName: 'PUSKESMAS WALANTAKA', facilityAddress: 'Jl. Raya Walantaka No. 1, Kota Serang' });
  const siti = await core.createPatient({ name: 'Siti Aminah', nik: '3673015203850003', card: '0001336526592', dob: '1985-03-12', sex: 'P' });
  const budi = await core.createPatient({ name: 'Budi Santoso', nik: '3673010201780002', card: '0001336526610', dob: '1978-01-02', sex: 'L' });
  const jkn = await core.registerVisit({ patientId: siti.id, unit: 'UMUM', verdict: 'eligible' });
  const umum = await core.registerVisit({ patientId: budi.id, unit: 'UMUM', verdict: 'unknown', payer: 'umum' });
  return { core, jkn: jkn.id, umum: umum.id };
}

const FORBIDDEN = /\b(JKN|BPJS|PBI|Umum|UMUM PAYER|Penjamin|Kelas|KELAS|Segmen|APBD|APBN|Mandiri|menyusul)\b/;

describe('the intake slip', () => {
  it('looks the same for a JKN and an Umum patient: no class, segment or payer; masked identifiers', async () => {
    const { core, jkn, umum } = await counterWithTwoPatients();
    const jknSlip = await core.slipHtml({ visitId: jkn, paper: '80mm' });
    const umumSlip = await core.slipHtml({ visitId: umum, paper: '80mm' });
    const jknText = await printToPdfText(jknSlip.html, 'slip-80mm-jkn', { width: '80mm', height: '140mm' });
    const umumText = await printToPdfText(umumSlip.html, 'slip-80mm-umum', { width: '80mm', height: '140mm' });
    for (const text of [jknText, umumText]) {
      expect(text).toContain('PUSKESMAS WALANTAKA');
      expect(text).toContain('Nomor antrean');
      expect(text).toContain('Poli Umum');
      expect(text).toContain('23-11-2026 09:00');
      // "Poli Umum" is the unit's name; the payer "Umum" must not appear anywhere else.
      expect(text.replace('Poli Umum', '')).not.toMatch(FORBIDDEN);
    }
    expect(jknText).toMatch(/U-001/);
    expect(jknText).toContain('3673••••••••0003');
    expect(jknText).toContain('•••••••••6592');
    expect(jknText).not.toContain('3673015203850003');
    expect(umumText).toMatch(/U-002/);
    // Same layout: the two slips differ only in their patient's own data.
    const skeleton = (html: string): string => html.replace(/<svg[\s\S]*<\/svg>/, '').replace(/>[^<]*</g, '><');
    expect(skeleton(umumSlip.html)).toBe(skeleton(jknSlip.html));
    core.close();
  });

  it('an emergency slip says so, and prints on 58 mm and A6 too', async () => {
    const { core } = await counterWithTwoPatients();
    const emergency = await core.registerEmergency({});
    const text58 = await printToPdfText((await core.slipHtml({ visitId: emergency.id, paper: '58mm' })).html, 'slip-58mm-emergency', { width: '58mm', height: '120mm' });
    expect(text58).toContain('GAWAT DARURAT');
    expect(text58).toContain('GD-001');
    expect(text58).toContain('TANPA IDENTITAS');
    const textA6 = await printToPdfText((await core.slipHtml({ visitId: emergency.id, paper: 'A6' })).html, 'slip-a6-emergency', { width: '105mm', height: '148mm' });
    expect(textA6).toContain('GD-001');
    core.close();
  });

  it('on roll paper the page is as long as the slip: all of it on one page, a long address makes it longer', async () => {
    const { core, jkn } = await counterWithTwoPatients();
    const pageOf = async (name: string): Promise<{ pages: number; heightMm: number; text: string }> => {
      const page = await browser.newPage();
      await page.setContent((await core.slipHtml({ visitId: jkn, paper: '58mm' })).html);
      const pdf = join(OUT, `${name}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.close();
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      const heightPt = Number(/Page size:\s+[\d.]+ x ([\d.]+) pts/.exec(info)?.[1]);
      execFileSync('pdftoppm', ['-png', '-r', '120', '-singlefile', pdf, join(OUT, name)]);
      return { pages, heightMm: (heightPt * 25.4) / 72, text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }) };
    };
    const short = await pageOf('slip-58mm-short');
    const settings = await core.getSettings({});
    await core.saveSettings({
      ...settings,
      facilityName: 'RUMAH SAKIT UMUM DAERAH DR. DRAJAT PRAWIRANEGARA KABUPATEN SERANG',
      facilityAddress: 'Jl. Rumah Sakit No. 1, Kelurahan Cimuncang, Kecamatan Serang, Kota Serang, Provinsi Banten 42111, Telepon (0254) 200528',
    });
    const long = await pageOf('slip-58mm-long-address');
    for (const slip of [short, long]) {
      expect(slip.pages).toBe(1);
      expect(slip.text).toContain('Simpan slip ini');
    }
    expect(long.heightMm).toBeGreaterThan(short.heightMm + 10);
    expect(short.heightMm).toBeLessThan(120); // shorter than the old fixed 58 mm page
    core.close();
  });

  it('on 58 and 80 mm the masked NIK, card and record number each stay on one line, also with a long name and in English', async () => {
    const { core } = await counterWithTwoPatients();
    const long = await core.createPatient({
      name: "RADEN AJENG SITI NUR'AINI WAWAN MUHAMMAD WAHYUDI MAWARDI WIWIK WAHYUNINGSIH MUHAMMAD MULYAWAN",
      nik: '3671026304430075',
      card: '0001336526592',
    });
    const visit = await core.registerVisit({ patientId: long.id, unit: 'KIA', verdict: 'unknown' });
    for (const paper of ['58mm', '80mm'] as const) {
      for (const lang of ['id', 'en'] as const) {
        const name = `slip-${paper}-${lang}-identifiers`;
        const page = await browser.newPage();
        await page.setContent((await core.slipHtml({ visitId: visit.id, paper, lang })).html);
        const pdf = join(OUT, `${name}.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        await page.close();
        execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdf, join(OUT, name)]);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(pages, `${name}: one page`).toBe(1);
        // Each identifier whole, on the line of its label: a nurse reads the last digits.
        expect(text, name).toMatch(/NIK\s+3671••••••••0075\s*$/m);
        expect(text, name).toMatch(new RegExp(`${lang === 'id' ? 'No\\. kartu' : 'Card no\\.'}\\s+•••••••••6592\\s*$`, 'm'));
        expect(text, name).toMatch(new RegExp(`${lang === 'id' ? 'No\\. RM' : 'MRN'}\\s+${long.mrn}\\s*$`, 'm'));
        expect(text, name).toContain('MULYAWAN');
      }
    }
    core.close();
  });

  it('printing outside the desktop app says so; with a printer every print is logged', async () => {
    const { core, jkn } = await counterWithTwoPatients();
    await expect(core.printSlip({ visitId: jkn })).rejects.toMatchObject({ key: 'print/unavailable' });
    core.close();
    const dir = tempDir();
    const printed: string[] = [];
    const lengths: (number | null)[] = [];
    const withPrinter = createCore({
      dbPath: join(dir, 'loket.db'),
      workerScript: null,
      clerk: 'ani',
      printer: {
        print: async (html, options) => {
          printed.push(html);
          lengths.push(options.lengthMm);
        },
        toPdf: async () => Buffer.from('%PDF-1.4 fake'),
      },
    });
    const p = await withPrinter.createPatient({ name: 'Dewi' });
    const v = await withPrinter.registerVisit({ patientId: p.id, unit: 'GIGI', verdict: 'unknown' });
    await withPrinter.printSlip({ visitId: v.id });
    await withPrinter.printSlip({ visitId: v.id });
    const pdfPath = join(dir, 'slip.pdf');
    expect(await withPrinter.exportSlipPdf({ visitId: v.id, file: fileFor(withPrinter, pdfPath, 'save-pdf') })).toEqual({ name: 'slip.pdf' });
    expect(printed).toHaveLength(2);
    // The printer is told how long the slip is: it cuts where the content ends.
    expect(lengths[0]).toBeGreaterThanOrEqual(60);
    expect(lengths[0]).toBeLessThan(200);
    expect(withPrinter.db.prepare('SELECT kind, clerk, paper FROM print_log ORDER BY id').all()).toEqual([
      { kind: 'print', clerk: 'ani', paper: '80mm' },
      { kind: 'reprint', clerk: 'ani', paper: '80mm' },
      { kind: 'pdf', clerk: 'ani', paper: '80mm' },
    ]);
    withPrinter.close();
  });
});
