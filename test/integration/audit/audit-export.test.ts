import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { actionText, actorText, detailText } from '../../../src/shared/audit-detail';
import { auditWording } from '../../../src/shared/audit-wording';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

/** The rows of an exported CSV (header row off), read as a spreadsheet would. */
function csvRows(path: string): string[][] {
  return (parse(readFileSync(path, 'utf8'), { delimiter: ';', bom: true, relax_column_count: true }) as string[][]).slice(1);
}

describe('the audit export', () => {
  it('masks a card typed without its leading zeros, in the query column and the detail', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const list = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
    await callOk(core, 'importList', { file: list, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const typed = SITI.card.replace(/^0+/, ''); // 1336526592: 10 digits, a card all the same
    await callOk(core, 'lookup', { query: typed });
    const out = join(dir, 'audit.csv');
    const file = core.registerFile(out, 'save-csv').handle;
    await callOk(core, 'exportAudit', { from: '2026-11-30', to: '2026-11-30', format: 'csv', file });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(typed);
    expect(text).not.toContain(SITI.nik);
    const lookup = csvRows(out).find((r) => r[5]?.includes('6592'));
    expect(lookup?.[5]).toBe('•••••••••6592');
    core.close();
  });

  it('masks a NIK typed a digit short or a digit long, in the CSV and the XLSX (protecttester P6)', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const list = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
    await callOk(core, 'importList', { file: list, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const short = SITI.nik.slice(0, -1); // 15 digits: the last one missed
    const long = `${SITI.nik}5`; // 17 digits: a key pressed twice
    await callOk(core, 'lookup', { query: short });
    await callOk(core, 'lookup', { query: `${long.slice(0, 4)} ${long.slice(4, 8)}-${long.slice(8)}` });
    const csv = join(dir, 'audit.csv');
    await callOk(core, 'exportAudit', { from: '2026-11-30', to: '2026-11-30', format: 'csv', file: core.registerFile(csv, 'save-csv').handle });
    const xlsx = join(dir, 'audit.xlsx');
    await callOk(core, 'exportAudit', { from: '2026-11-30', to: '2026-11-30', format: 'xlsx', file: core.registerFile(xlsx, 'save-xlsx').handle });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const text of [readFileSync(csv, 'utf8'), cells.join('\n')]) {
      // No 9 digits of the NIK in a row anywhere, whatever stands between them.
      expect(text.replace(/[\s.-]/g, '')).not.toMatch(new RegExp(SITI.nik.slice(2, 11)));
      expect(text).toContain('3673•••••••5000');
      expect(text).toContain('3673•••••••••0035');
    }
    core.close();
  });

  it('words a refused first-admin setup as an attempt, not "Administrator pertama dibuat gagal" (protecttester P2)', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    await callOk(core, 'saveAccount', { username: 'ratna', displayName: 'Ratna', role: 'admin', password: 'admin-rahasia-1', create: true });
    expect((await dispatch(core, 'setupAdmin', { username: 'evil', displayName: 'EVIL', password: 'evilpass1' })).ok).toBe(false);
    const out = join(dir, 'audit.csv');
    await callOk(core, 'exportAudit', { from: '2000-01-01', to: '2099-12-31', format: 'csv', file: core.registerFile(out, 'save-csv').handle });
    const details = csvRows(out).map((r) => r[6]);
    expect(details).toContain('Percobaan membuat administrator pertama (evil) ditolak: sudah ada administrator');
    expect(details.join('\n')).not.toMatch(/…|dibuat gagal/);
    core.close();
  });

  it.each(['id', 'en'] as const)('writes the action, the clerk and the detail in the caller\'s language (%s), as the screen words them', async (lang) => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const list = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
    await callOk(core, 'importList', { file: list, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    await callOk(core, 'lookup', { query: 'Siti Aminah' });
    const patient = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const visit = await callOk(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: 'eligible', payer: 'jkn' });
    await callOk(core, 'setPayer', { visitId: visit.id, payer: 'umum' });
    await callOk(core, 'setVisitStatus', { visitId: visit.id, status: 'cancelled' });
    const settings = await callOk(core, 'getSettings', {});
    await callOk(core, 'saveSettings', { ...settings, staleAfterDays: settings.staleAfterDays + 1 });
    // A refusal with nobody signed in: a core without a preset actor, signed out.
    const { core: signedOut } = auditCore(dir, 'ani', undefined, { actor: undefined });
    expect((await dispatch(signedOut, 'exportMembers', { list: 'PBI APBD', format: 'csv', file: 'x' })).ok).toBe(false);
    signedOut.close();

    const out = join(dir, `audit-${lang}.csv`);
    const file = core.registerFile(out, 'save-csv').handle;
    // Dispatch stamps its refusal with the real clock, the rest with the core's: a range around both.
    await callOk(core, 'exportAudit', { from: '2000-01-01', to: '2099-12-31', format: 'csv', file, lang });
    const rows = csvRows(out);
    const text = readFileSync(out, 'utf8');
    // No codes, no stored JSON, no placeholder actor: words only.
    expect(text).not.toMatch(/[{}]|"method"|visitId|no-session|;(lookup|register|payer-change|visit-status|settings|export|import);/);
    // Each row reads as the screen reads the same entry (AuditScreen uses the same shared wording).
    const entries = (await callOk(core, 'auditEntries', { limit: 500 })).entries.reverse();
    const exported = entries.filter((e) => e.detail.method !== 'exportAudit');
    const screen = auditWording(lang, DEFAULT_SETTINGS.units);
    expect(rows.map((r) => [r[2], r[3], r[6]])).toEqual(exported.map((e) => [actorText(e.actor, screen), actionText(e.action, screen), detailText(e, screen)]));
    const byAction = (action: string): string[] | undefined => rows.find((r) => r[3] === actionText(action, screen));
    if (lang === 'id') {
      expect(byAction('visit-status')?.[6]).toBe(`antrean ${visit.queue} di Poli Umum: Menunggu → Batal`);
      expect(byAction('payer-change')?.[6]).toBe('penjamin diubah petugas: JKN → Umum');
      expect(rows.find((r) => r[3] === 'Ekspor')?.[2]).toBe('(tidak ada yang masuk)');
    } else {
      expect(byAction('visit-status')?.[6]).toBe(`queue ${visit.queue} at Poli Umum: Waiting → Cancelled`);
      expect(rows.find((r) => r[3] === 'Export')?.[6]).toMatch(/^Member export refused: /);
    }
    core.close();
  });
});
