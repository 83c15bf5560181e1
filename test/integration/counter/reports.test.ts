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
  await core.setVisitStatus({ visitId: v.id, status: 'cancelled' });
  // The doctor calls every 5 minutes from 08:20, in arrival order.
  for (let k = 0; k < 6; k++) {
    at(20 + 5 * k);
    await core.callNext({ unit: 'UMUM' });
  }
  return { core, dir };
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
    expect(text).toContain('2026-11-23;U-001;Poli Umum;;000001;PASIEN 1;JKN;Dipanggil;2026-11-23 08:00;2026-11-23 08:20;;20;ani');
    const xlsx = join(dir, 'setara.xlsx');
    await core.exportReport({ report: 'equal-service', from: '2026-11-23', to: '2026-11-23', format: 'xlsx', file: fileFor(core, xlsx, 'save-xlsx') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Layanan setara')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Unit', 'Penjamin', 'Kunjungan', 'Median tunggu (menit)', 'Persentil 90 tunggu (menit)']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Poli Umum', 'Umum', 3, 29, 35]);
    core.close();
  });

  it('quantiles use the nearest rank', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([10, 1, 5], 0.5)).toBe(5);
  });
});
