import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { readSettings, saveSettings } from '../../../src/core/settings/settings.repo';
import { registerEmergency, registerVisit } from '../../../src/core/visits/visits';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { counterSettingsSchema, DEFAULT_SETTINGS, queueLabel, visitPrefix, withUnitPrefixes, type CounterSettings } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const MORNING = new Date('2026-11-23T02:00:00Z');
const freshDb = (): Db => openDatabase(join(tempDir(), 'loket.db'));

/** Registers `n` visits in every unit but the emergency unit (emergencies only) plus `n` emergencies; returns every label handed out. */
function labelsOfADay(db: Db, settings: CounterSettings, n: number): string[] {
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    for (const unit of settings.units.filter((u) => u.code !== settings.emergencyUnit)) {
      const patient = createPatient(db, { name: `Pasien ${unit.code} ${i}` }, settings, MORNING);
      labels.push(registerVisit(db, settings, { patient, unit: unit.code, verdict: 'unknown', clerk: 'ani', now: MORNING }).queue);
    }
    labels.push(registerEmergency(db, settings, { clerk: 'ani', now: MORNING }).queue);
  }
  return labels;
}

describe('queue numbers', () => {
  it('carry the unit prefix: two units never hand out the same number on one day', () => {
    const db = freshDb();
    const labels = labelsOfADay(db, DEFAULT_SETTINGS, 3);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.slice(0, 5)).toEqual(['U-001', 'G-001', 'K-001', 'L-001', 'GD-001']);
    db.close();
  });

  it('two counters with different counter prefixes never give the same label (regular or emergency)', () => {
    const a = freshDb();
    const b = freshDb();
    const first = labelsOfADay(a, { ...DEFAULT_SETTINGS, counterPrefix: 'A' }, 2);
    const second = labelsOfADay(b, { ...DEFAULT_SETTINGS, counterPrefix: 'B' }, 2);
    const single = labelsOfADay(freshDb(), DEFAULT_SETTINGS, 2);
    expect(first.slice(0, 5)).toEqual(['A-U-001', 'A-G-001', 'A-K-001', 'A-L-001', 'A-GD-001']);
    expect(second[0]).toBe('B-U-001');
    const all = [...first, ...second, ...single];
    expect(new Set(all).size).toBe(all.length);
    a.close();
    b.close();
  });

  it('a label reads back to one counter prefix and one unit prefix (property)', () => {
    const part = fc.stringMatching(/^[A-Z0-9]{1,3}$/);
    fc.assert(
      fc.property(fc.tuple(fc.option(part, { nil: '' }), part, fc.integer({ min: 1, max: 999 })), fc.tuple(fc.option(part, { nil: '' }), part, fc.integer({ min: 1, max: 999 })), (x, y) => {
        const same = x[0] === y[0] && x[1] === y[1] && x[2] === y[2];
        expect(queueLabel(visitPrefix(x[0], x[1]), x[2]) === queueLabel(visitPrefix(y[0], y[1]), y[2])).toBe(same);
      }),
    );
  });

  it('derives a unique prefix per unit from its code, never the emergency one', () => {
    const units = withUnitPrefixes([{ code: 'KIA', name: 'a' }, { code: 'KB', name: 'b' }, { code: 'K', name: 'c' }, { code: 'GIGI', name: 'd' }, { code: 'umum', name: 'e', prefix: 'X' }], 'G');
    expect(units.map((u) => u.prefix)).toEqual(['K', 'KB', 'K2', 'GI', 'X']);
  });

  it('settings refuse a repeated unit prefix or code, an emergency prefix a unit has, an emergency unit that is not a unit', () => {
    const issues = (s: CounterSettings) => {
      const r = counterSettingsSchema.safeParse(s);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), (i as { params?: { rule?: string } }).params?.rule ?? i.code]);
    };
    const units = DEFAULT_SETTINGS.units;
    expect(issues(DEFAULT_SETTINGS)).toEqual([]);
    expect(issues({ ...DEFAULT_SETTINGS, units: units.map((u) => (u.code === 'GIGI' ? { ...u, prefix: 'U' } : u)) })).toEqual([['units.1.prefix', 'unique']]);
    expect(issues({ ...DEFAULT_SETTINGS, units: [...units, { code: 'UMUM', name: 'Lagi', prefix: 'Z' }] })).toEqual([['units.5.code', 'unique']]);
    expect(issues({ ...DEFAULT_SETTINGS, emergencyPrefix: 'K' })).toEqual([['emergencyPrefix', 'unique']]);
    expect(issues({ ...DEFAULT_SETTINGS, emergencyUnit: 'UGD' })).toEqual([['emergencyUnit', 'one-of-units']]);
    expect(issues({ ...DEFAULT_SETTINGS, counterPrefix: 'a-b' })).toEqual([['counterPrefix', 'invalid_format']]);
  });

  it('settings saved before prefixes existed are read with derived prefixes, the other fields kept', () => {
    const db = freshDb();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('counter', ?)`).run(JSON.stringify({ facilityName: 'RSUD Banten', units: [{ code: 'UMUM', name: 'Umum' }, { code: 'IGD', name: 'IGD' }] }));
    expect(readSettings(db)).toMatchObject({ facilityName: 'RSUD Banten', units: [{ code: 'UMUM', prefix: 'U' }, { code: 'IGD', prefix: 'I' }] });
    saveSettings(db, { ...readSettings(db), counterPrefix: 'B' });
    expect(readSettings(db).counterPrefix).toBe('B');
    db.close();
  });
});
