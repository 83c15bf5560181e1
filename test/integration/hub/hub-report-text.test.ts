/**
 * `loket hub report` in text shows the breakdown its --json holds (hub tester 10, item 4): it
 * printed the totals and bare "UMUM: 2" lines, while --json has the visits by unit, payer, date
 * and hour and the waiting times by unit and payer. Now both tables, with the words of the
 * exports and the printable page, and every number of the JSON in them. A real hub on a real
 * PostgreSQL, a counter's core enrolled there, the built CLI.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import type { FacilityDays } from '../../../src/hub/register/reports';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { PAYERS } from '../../../src/shared/counter';
import type { Lang } from '../../../src/shared/i18n/messages';
import { PAYER_NAMES } from '../../../src/shared/payer-names';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { useTempDir } from '../../helpers/temp';
import { enrollmentCode } from '../facility/facility-harness';

const tempDir = useTempDir();
let postgres: TestPostgres;
let hub: RunningHub;
let core: Core;

beforeAll(async () => {
  requireBuiltCli();
  postgres = await startTestPostgres();
});
afterAll(async () => {
  core?.close();
  await hub?.stop();
  await postgres?.stop();
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A table row: its cells in order, separated by at least two spaces (the columns' gap). */
const row = (...cells: (string | number)[]): RegExp => new RegExp(`^\\s+${cells.map((c) => escape(String(c))).join('\\s{2,}')}(\\s{2,}|$)`);
const hasRow = (lines: string[], pattern: RegExp): boolean => lines.some((l) => pattern.test(l));

it('the text report has the recap by unit, payer, date and hour and the equal-service lines, as --json has them, in id and en', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hub = await startHub({ pgUrl: postgres.url, dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
  await core.enrollHub({ code: await enrollmentCode(hubDir, 'Loket 1') });

  const visit = async (name: string, unit: string, payer: 'jkn' | 'umum' | 'pending') =>
    core.registerNewPatient({ identity: { name, nik: null, card: null, dob: '1980-02-02', sex: null, address: null, oldMrn: null }, unit, verdict: 'unknown', payer });
  const first = await visit('Budi Santoso', 'UMUM', 'jkn');
  await visit('Rina Wati', 'UMUM', 'pending');
  await visit('Sari Dewi', 'GIGI', 'umum');
  await visit('Agus Salim', 'UMUM', 'jkn');
  // Called: its wait is in the equal-service lines (the others wait still, and are left out).
  expect((await core.callNext({ unit: 'UMUM' }))?.patient.name).toBe('BUDI SANTOSO');
  await core.syncNow({});

  const date = first.serviceDate;
  const json = await loket(['hub', 'report', '--from', date, '--hub-dir', hubDir, '--json']);
  expect(json.code, json.stderr).toBe(0);
  const days = JSON.parse(json.stdout) as FacilityDays;
  expect(days.recap).toMatchObject({ total: 4, byUnit: { UMUM: 3, GIGI: 1 }, byPayer: { jkn: 2, pending: 1, umum: 1 } });
  expect(days.equalService.lines).toEqual([expect.objectContaining({ unit: 'UMUM', payer: 'jkn', visits: 1 })]);

  const words: Record<Lang, { unit: string; payer: string; day: string; hour: string; recap: string; equal: string }> = {
    id: { unit: 'Per poli', payer: 'Per penjamin', day: 'Per tanggal', hour: 'Per jam', recap: 'Rekap per poli', equal: 'Layanan setara' },
    en: { unit: 'By unit', payer: 'By payer', day: 'By date', hour: 'By hour', recap: 'Recap by unit', equal: 'Equal service' },
  };
  for (const lang of ['id', 'en'] as const) {
    const text = await loket(['hub', 'report', '--from', date, '--hub-dir', hubDir, '--lang', lang]);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split('\n');
    const w = words[lang];
    expect(lines.some((l) => l.startsWith(w.recap)), lang).toBe(true);
    expect(lines.some((l) => l.startsWith(w.equal)), lang).toBe(true);
    // Every number of the JSON's breakdown is a row of the text's tables.
    for (const [unit, n] of Object.entries(days.recap.byUnit)) expect(hasRow(lines, row(w.unit, unit, n)), `${lang} ${unit}`).toBe(true);
    for (const p of PAYERS) expect(hasRow(lines, row(w.payer, PAYER_NAMES[lang][p], days.recap.byPayer[p])), `${lang} ${p}`).toBe(true);
    for (const [day, n] of Object.entries(days.recap.byDay)) expect(hasRow(lines, row(w.day, day, n)), `${lang} ${day}`).toBe(true);
    for (const [hour, n] of Object.entries(days.recap.byHour)) {
      const hh = hour.padStart(2, '0');
      expect(hasRow(lines, row(w.hour, `${hh}:00–${String(Number(hour) + 1).padStart(2, '0')}:00`, n)), `${lang} ${hour}`).toBe(true);
    }
    for (const l of days.equalService.lines) {
      const median = l.medianWaitMinutes ?? '-';
      expect(hasRow(lines, row(l.unit, PAYER_NAMES[lang][l.payer], l.visits, median)), `${lang} ${l.unit} ${l.payer}`).toBe(true);
    }
    // No bare "UMUM: 3" lines any more: the table says it.
    expect(lines.some((l) => /^\s+UMUM: \d+$/.test(l))).toBe(false);
  }
});
