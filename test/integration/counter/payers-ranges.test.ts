import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { PAYERS } from '../../../src/shared/counter';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();

/** Three days at the counter; each day one visit per payer, at 08:xx WIB, in UMUM and GIGI. */
async function threeDays(): Promise<{ core: Core; dir: string; setDay: (iso: string) => void }> {
  const dir = tempDir();
  let clock = new Date('2026-11-21T01:00:00Z');
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => clock, clerk: 'ani' });
  for (const day of ['2026-11-21', '2026-11-22', '2026-11-23']) {
    for (const [i, payer] of PAYERS.entries()) {
      clock = new Date(`${day}T01:${String(i * 5).padStart(2, '0')}:00Z`);
      const patient = await core.createPatient({ name: `Pasien ${day} ${payer}` });
      await core.registerVisit({ patientId: patient.id, unit: i % 2 === 0 ? 'UMUM' : 'GIGI', verdict: 'unknown', payer });
    }
    clock = new Date(`${day}T02:00:00Z`);
    await core.callNext({ unit: 'UMUM' });
  }
  return { core, dir, setDay: (iso) => (clock = new Date(iso)) };
}

describe('every payer', () => {
  it('registers with each payer and keeps it in the register', async () => {
    const { core } = await threeDays();
    const rows = await core.visitRegister({ from: '2026-11-23' });
    expect(rows.map((r) => r.payer)).toEqual([...PAYERS]);
    // Only a pending payer opens a follow-up: every other payer is settled at the counter.
    const open = await core.openFollowUps({});
    expect(open.filter((f) => f.visit.serviceDate === '2026-11-23').map((f) => f.visit.payer)).toEqual(['pending']);
    core.close();
  });

  it('the recap over a range counts every payer, unit, day and hour', async () => {
    const { core } = await threeDays();
    const recap = await core.recap({ from: '2026-11-21', to: '2026-11-22' });
    expect(recap).toEqual({
      from: '2026-11-21',
      to: '2026-11-22',
      total: 14,
      byUnit: { UMUM: 8, GIGI: 6 },
      byPayer: Object.fromEntries(PAYERS.map((p) => [p, 2])),
      byDay: { '2026-11-21': 7, '2026-11-22': 7 },
      byHour: { '08': 14 },
      emergencies: 0,
      cancelled: 0,
      newVisits: 14,
      returningVisits: 0,
    });
    expect((await core.recap({ from: '2026-11-23' })).total).toBe(7);
    expect((await core.dailyRecap({ date: '2026-11-23' })).byPayer).toEqual(Object.fromEntries(PAYERS.map((p) => [p, 1])));
    core.close();
  });

  it('the equal-service report over a range has a line per payer that was called', async () => {
    const { core } = await threeDays();
    const report = await core.equalServiceReport({ from: '2026-11-21', to: '2026-11-23' });
    // UMUM calls its first arrival each day: the JKN patient, 60 minutes after 08:00.
    expect(report.lines).toEqual([{ unit: 'UMUM', payer: 'jkn', visits: 3, medianWaitMinutes: 60, p90WaitMinutes: 60 }]);
    core.close();
  });

  it('exports the register, the recap and the equal-service report of a range with every payer named, in the language asked', async () => {
    const { core, dir } = await threeDays();
    const csv = join(dir, 'register-en.csv');
    expect(await core.exportReport({ report: 'register', from: '2026-11-21', to: '2026-11-23', format: 'csv', file: fileFor(core, csv, 'save-csv'), lang: 'en' })).toEqual({ name: 'register-en.csv', rows: 21 });
    const text = readFileSync(csv, 'utf8');
    for (const word of ['Self-pay', 'Jasa Raharja (traffic accident)', 'BPJS Employment (work accident)', 'Other insurance', 'Payer pending', 'Jamkesda / regional PBI']) expect(text).toContain(word);
    expect(text).toContain('2026-11-21;U-001;Poli Umum;;');
    expect(text).toMatch(/;Called;2026-11-21 08:00;2026-11-21 09:00;;;60;ani/);

    const xlsx = join(dir, 'rekap.xlsx');
    expect(await core.exportReport({ report: 'recap', from: '2026-11-21', to: '2026-11-23', format: 'xlsx', file: fileFor(core, xlsx, 'save-xlsx'), lang: 'id' })).toMatchObject({ rows: 3 + 2 + 2 + PAYERS.length + 3 + 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Rekap')!;
    const lines = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(lines[0]).toEqual(['Kelompok', 'Rincian', 'Kunjungan']);
    expect(lines).toContainEqual(['Jumlah kunjungan', '2026-11-21 – 2026-11-23', 21]);
    expect(lines).toContainEqual(['Per penjamin', 'BPJS Ketenagakerjaan', 3]);
    expect(lines).toContainEqual(['Per tanggal', '2026-11-22', 7]);
    expect(lines).toContainEqual(['Per jam', '08:00–09:00', 21]);
    core.close();
  });
});
