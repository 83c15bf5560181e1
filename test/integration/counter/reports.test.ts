import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { quantile } from '../../../src/core/reports/reports';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();

/** A morning at the counter: JKN and Umum patients mixed in one queue, one emergency, one cancellation. */
async function morning(): Promise<{ core: Core; dir: string }> {
  const dir = tempDir();
  let clock = new Date('2026-11-23T01:00:00Z'); // 08:00 WIB
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => clock, clerk: 'ani' });
  const at = (minutes: number): void => {
    clock = new Date(Date.parse('2026-11-23T01:00:00Z') + minutes * 60_000);
  };
  const arrivals: ['jkn' | 'umum', number][] = [['jkn', 0], ['umum', 2], ['jkn', 4], ['umum', 6], ['jkn', 8], ['umum', 10]];
  for (const [i, [payer, minute]] of arrivals.entries()) {
    at(minute);
    const patient = await core.createPatient({ name: `Pasien ${i + 1}` });
    await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: payer === 'jkn' ? 'eligible' : 'unknown', payer });
  }
  at(12);
  await core.registerEmergency({});
  at(13);
  const cancelled = await core.createPatient({ name: 'Pasien batal' });
  const v = await core.registerVisit({ patientId: cancelled.id, unit: 'UMUM', verdict: 'unknown', payer: 'umum' });
  at(15);
  await core.setVisitStatus({ visitId: v.id, status: 'cancelled' });
  // The doctor calls every 5 minutes from 08:20, in arrival order.
  for (let k = 0; k < 6; k++) {
    at(20 + 5 * k);
    await core.callNext({ unit: 'UMUM' });
  }
  return { core, dir };
}

/** Exports a report of the range to XLSX and reads its sheet back with the library Excel files are checked with. */
async function exportedSheet(core: Core, file: string, report: 'register' | 'equal-service' | 'recap', from: string, to: string, sheetName: string, lang?: 'id' | 'en'): Promise<ExcelJS.Worksheet> {
  await core.exportReport({ report, from, to, format: 'xlsx', file: fileFor(core, file, 'save-xlsx'), ...(lang ? { lang } : {}) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet(sheetName)!;
}

describe('reports', () => {
  it('the register lists every visit with its times and payer', async () => {
    const { core } = await morning();
    const rows = await core.visitRegister({ from: '2026-11-23' });
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ queue: 'U-001', payer: 'jkn', status: 'called', waitMinutes: 20, registeredBy: 'ani' });
    expect(rows.find((r) => r.emergency)).toMatchObject({ queue: 'GD-001', unit: 'IGD', payer: 'pending', waitMinutes: null });
    core.close();
  });

  it('the daily recap counts by unit, payer and local hour', async () => {
    const { core } = await morning();
    expect(await core.dailyRecap({ date: '2026-11-23' })).toEqual({
      date: '2026-11-23',
      total: 7,
      byUnit: { UMUM: 6, IGD: 1 },
      byPayer: { jkn: 3, jamkesda: 0, umum: 3, 'jasa-raharja': 0, 'bpjs-tk': 0, insurance: 0, pending: 1 },
      byHour: { '08': 7 },
      emergencies: 1,
      cancelled: 1,
      newVisits: 7,
      returningVisits: 0,
    });
    core.close();
  });

  it('the equal-service report shows median and p90 waits by payer per unit, emergencies left out', async () => {
    const { core } = await morning();
    const report = await core.equalServiceReport({ from: '2026-11-23', to: '2026-11-23' });
    // Waits: JKN arrived 0,4,8 -> called 20,30,40 (20,26,32); Umum arrived 2,6,10 -> called 25,35,45 (23,29,35).
    expect(report.lines).toEqual([
      { unit: 'UMUM', payer: 'jkn', visits: 3, medianWaitMinutes: 26, p90WaitMinutes: 32 },
      { unit: 'UMUM', payer: 'umum', visits: 3, medianWaitMinutes: 29, p90WaitMinutes: 35 },
    ]);
    core.close();
  });

  it('exports to CSV (BOM, ;) and XLSX that Excel opens', async () => {
    const { core, dir } = await morning();
    const csv = join(dir, 'register.csv');
    expect(await core.exportReport({ report: 'register', from: '2026-11-23', to: '2026-11-23', format: 'csv', file: fileFor(core, csv, 'save-csv') })).toEqual({ name: 'register.csv', rows: 8 });
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\ufeffTanggal;No. antrean;Unit')).toBe(true);
    // Unit name, status word and the facility's local time (WIB), not UTC.
    expect(text).toContain('2026-11-23;U-001;Poli Umum;;000001;PASIEN 1;Baru;JKN;Dipanggil;2026-11-23 08:00;2026-11-23 08:20;;;20;ani');
    const sheet = await exportedSheet(core, join(dir, 'setara.xlsx'), 'equal-service', '2026-11-23', '2026-11-23', 'Layanan setara');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Unit', 'Penjamin', 'Kunjungan', 'Median tunggu (menit)', 'Persentil 90 tunggu (menit)']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Poli Umum', 'Umum', 3, 29, 35]);
    core.close();
  });

  it("a cancelled visit keeps its cancel time and its wait until the cancel, as the queue shows it: screen rows and both exports", async () => {
    const { core, dir } = await morning();
    const rows = await core.visitRegister({ from: '2026-11-23' });
    const cancelled = rows.find((r) => r.status === 'cancelled')!;
    expect(cancelled).toMatchObject({ cancelledAt: '2026-11-23T01:15:00.000Z', waitMinutes: 2, calledAt: null, firstVisit: null });
    const queued = (await core.dayQueue({ unit: 'UMUM' })).find((e) => e.visitId === cancelled.visitId)!;
    expect(queued.waitingMinutes).toBe(cancelled.waitMinutes);
    const csv = join(dir, 'register.csv');
    await core.exportReport({ report: 'register', from: '2026-11-23', to: '2026-11-23', format: 'csv', file: fileFor(core, csv, 'save-csv') });
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffTanggal;No. antrean;Unit;Gawat darurat;No. RM;Nama;Kunjungan baru/lama;Penjamin;Status;Daftar;Dipanggil;Selesai;Dibatalkan;Tunggu (menit);Petugas');
    expect(text).toContain(';PASIEN BATAL;;Umum;Batal;2026-11-23 08:13;;;2026-11-23 08:15;2;ani');
    const sheet = await exportedSheet(core, join(dir, 'register.xlsx'), 'register', '2026-11-23', '2026-11-23', 'Register', 'en');
    const header = sheet.getRow(1).values as unknown[];
    const line = (sheet.getRow(rows.indexOf(cancelled) + 2).values as unknown[]);
    expect(line[header.indexOf('Status')]).toBe('Cancelled');
    expect(line[header.indexOf('Cancelled at')]).toBe('2026-11-23 08:15');
    expect(line[header.indexOf('Wait (minutes)')]).toBe(2);
    core.close();
  });

  it('counts new and returning visits ("kunjungan baru / lama"): the first visit of a record here by service date, cancelled visits not counting', async () => {
    const dir = tempDir();
    let clock = new Date('2026-11-22T01:00:00Z');
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => clock, clerk: 'ani' });
    const on = (iso: string): void => {
      clock = new Date(iso);
    };
    const visit = (patientId: number, unit = 'UMUM') => core.registerVisit({ patientId, unit, verdict: null, payer: 'umum' });
    const returning = await core.createPatient({ name: 'Datang Lagi' });
    const firstCancelled = await core.createPatient({ name: 'Batal Dulu' });
    const twoUnits = await core.createPatient({ name: 'Dua Poli' });
    // 22 Nov: one visit served, one cancelled (not a visit: the patient's first comes the next day).
    await visit(returning.id);
    await core.setVisitStatus({ visitId: (await visit(firstCancelled.id)).id, status: 'cancelled' });
    // 23 Nov: the first comes back (lama), the second's first visit (baru), a new patient at two units (baru, then lama).
    on('2026-11-23T01:00:00Z');
    await visit(returning.id);
    await visit(firstCancelled.id);
    await visit(twoUnits.id);
    on('2026-11-23T01:30:00Z');
    await visit(twoUnits.id, 'GIGI');
    const day = await core.visitRegister({ from: '2026-11-23' });
    expect(day.map((r) => [r.name, r.unit, r.firstVisit])).toEqual([
      ['DATANG LAGI', 'UMUM', false],
      ['BATAL DULU', 'UMUM', true],
      ['DUA POLI', 'UMUM', true],
      ['DUA POLI', 'GIGI', false],
    ]);
    expect(await core.recap({ from: '2026-11-23', to: '2026-11-23' })).toMatchObject({ total: 4, newVisits: 2, returningVisits: 2 });
    // Over both days: the cancelled visit is neither, the other five split 3 new, 2 returning.
    expect(await core.recap({ from: '2026-11-22', to: '2026-11-23' })).toMatchObject({ total: 5, cancelled: 1, newVisits: 3, returningVisits: 2 });
    const recapCsv = join(dir, 'rekap.csv');
    await core.exportReport({ report: 'recap', from: '2026-11-22', to: '2026-11-23', format: 'csv', file: fileFor(core, recapCsv, 'save-csv') });
    const recapText = readFileSync(recapCsv, 'utf8');
    expect(recapText).toContain('Kunjungan baru;;3');
    expect(recapText).toContain('Kunjungan lama;;2');
    const sheet = await exportedSheet(core, join(dir, 'register.xlsx'), 'register', '2026-11-22', '2026-11-23', 'Register');
    const column = (sheet.getRow(1).values as unknown[]).indexOf('Kunjungan baru/lama');
    const kinds = [2, 3, 4, 5, 6, 7].map((n) => [sheet.getRow(n).getCell(6).value, sheet.getRow(n).getCell(column).value ?? '']);
    expect(kinds).toEqual([['DATANG LAGI', 'Baru'], ['BATAL DULU', ''], ['DATANG LAGI', 'Lama'], ['BATAL DULU', 'Baru'], ['DUA POLI', 'Baru'], ['DUA POLI', 'Lama']]);
    core.close();
  });

  it('quantiles use the nearest rank', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([10, 1, 5], 0.5)).toBe(5);
  });
});
