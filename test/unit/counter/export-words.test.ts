import { describe, expect, it } from 'vitest';
import { EXPORT_WORDS } from '../../../src/core/reports/export-words';
import { localDateTime } from '../../../src/core/export/table-writer';
import { recapTable, registerTable, type ExportContext } from '../../../src/core/reports/report-tables';
import { PAYERS, VISIT_STATUSES } from '../../../src/shared/counter';
import type { RegisterRow } from '../../../src/shared/reports';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const row = (over: Partial<RegisterRow>): RegisterRow => ({
  visitId: 1,
  serviceDate: '2026-11-23',
  queue: 'U-001',
  unit: 'UMUM',
  emergency: false,
  mrn: '000001',
  name: 'SITI',
  payer: 'jkn',
  status: 'waiting',
  registeredAt: '2026-11-23T01:00:00.000Z',
  calledAt: null,
  servedAt: null,
  cancelledAt: null,
  waitMinutes: null,
  firstVisit: true,
  registeredBy: 'ani',
  ...over,
});
// One row per status and per payer, an emergency among them.
const rows = [...VISIT_STATUSES.map((status, i) => row({ visitId: i, status, emergency: i === 0 })), ...PAYERS.map((payer, i) => row({ visitId: 10 + i, payer }))];
const ctx = (lang: 'id' | 'en'): ExportContext => ({ lang, timeZone: 'Asia/Jakarta', units: DEFAULT_SETTINGS.units });
const cellsOf = (lang: 'id' | 'en'): string[] => {
  const t = registerTable(rows, ctx(lang));
  return [...t.headers, ...t.rows.flat().map((c) => String(c ?? ''))];
};
/** Words of one catalog that the other does not share (JKN, Register, Unit are the same in both). */
const ownWords = (lang: 'id' | 'en'): string[] => {
  const other = lang === 'id' ? 'en' : 'id';
  const words = (l: 'id' | 'en') => [...Object.values(EXPORT_WORDS[l].status), ...Object.values(EXPORT_WORDS[l].payer), ...EXPORT_WORDS[l].register, EXPORT_WORDS[l].yes];
  return words(lang).filter((w) => !words(other).includes(w));
};

describe('exported words', () => {
  it('both catalogs name every payer and status, and have the same columns', () => {
    for (const lang of ['id', 'en'] as const) {
      const w = EXPORT_WORDS[lang];
      expect(Object.keys(w.payer).sort()).toEqual([...PAYERS].sort());
      expect(Object.keys(w.status).sort()).toEqual([...VISIT_STATUSES].sort());
      expect(Object.keys(w.bridgeOutcome).sort()).toEqual(Object.keys(EXPORT_WORDS.id.bridgeOutcome).sort());
    }
    expect(EXPORT_WORDS.en.register).toHaveLength(EXPORT_WORDS.id.register.length);
    expect(EXPORT_WORDS.en.equal).toHaveLength(EXPORT_WORDS.id.equal.length);
  });

  it('an English export has no Indonesian word, and an Indonesian one no English word', () => {
    const en = cellsOf('en');
    const id = cellsOf('id');
    expect(ownWords('id').length).toBeGreaterThan(10);
    for (const word of ownWords('id')) expect(en).not.toContain(word);
    for (const word of ownWords('en')) expect(id).not.toContain(word);
    expect(en).toEqual(expect.arrayContaining(['Waiting', 'Called', 'Served', 'Cancelled', 'Yes', 'Poli Umum']));
    expect(id).toEqual(expect.arrayContaining(['Menunggu', 'Dipanggil', 'Selesai', 'Batal', 'Ya']));
    // No raw status key slips through.
    expect(en).not.toContain('waiting');
    expect(id).not.toContain('cancelled');
  });

  it('times are the facility wall clock, not UTC', () => {
    expect(localDateTime('2026-11-23T01:05:00.000Z', 'Asia/Jakarta')).toBe('2026-11-23 08:05');
    expect(localDateTime('2026-11-23T01:05:00.000Z', 'Asia/Makassar')).toBe('2026-11-23 09:05');
    expect(localDateTime('2026-11-23T16:30:00.000Z', 'Asia/Jayapura')).toBe('2026-11-24 01:30');
    expect(localDateTime(null, 'Asia/Jakarta')).toBeNull();
    const t = registerTable([row({ registeredAt: '2026-11-23T16:59:00.000Z' })], { ...ctx('en'), timeZone: 'Asia/Jayapura' });
    expect(t.rows[0]![9]).toBe('2026-11-24 01:59');
    expect(t.rows.flat().join(' ')).not.toMatch(/T\d\d:\d\d|Z\b/);
  });

  it('the recap table lists every payer, zero included', () => {
    const recap = { from: 'a', to: 'b', total: 1, byUnit: { UMUM: 1 }, byPayer: Object.fromEntries(PAYERS.map((p) => [p, p === 'umum' ? 1 : 0])) as Record<(typeof PAYERS)[number], number>, byHour: { '8': 1 }, byDay: { a: 1 }, emergencies: 0, cancelled: 0, newVisits: 1, returningVisits: 0 };
    const t = recapTable(recap, ctx('en'));
    expect(t.rows.filter((r) => r[0] === 'By payer')).toHaveLength(PAYERS.length);
    expect(t.rows).toContainEqual(['By hour', '08:00–09:00', 1]);
  });
});
