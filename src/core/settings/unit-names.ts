import type { CounterSettings, CounterSettingsView, ServiceUnit } from '../../shared/settings';
import type { Db } from '../store/open-database';

/**
 * Every unit this counter has had, by code, with its last name and prefix. A visit keeps its
 * unit's code for good; when that unit later leaves the settings (removed, or its code changed),
 * the register, the recap, the follow-ups and a reprinted slip still name it as it was called
 * ("Poli Lansia"), never by its bare code ("LANSIA").
 *
 * Written at every save of the settings, whoever saves them (the settings screen, the hub's
 * facility settings): the units before the save and after it, the newer name winning. Kept in
 * the settings table (not synced): each counter remembers what it has shown.
 */
const KEY = 'unit-names';

function remembered(db: Db): ServiceUnit[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const value = JSON.parse(row.value) as unknown;
    return Array.isArray(value) ? value.filter((u): u is ServiceUnit => !!u && typeof u.code === 'string' && typeof u.name === 'string' && typeof u.prefix === 'string') : [];
  } catch {
    return []; // a damaged memory only costs names: the codes still show
  }
}

/** Remembers the units given (later ones win for the same code), with those already remembered. */
export function rememberUnits(db: Db, units: readonly ServiceUnit[]): void {
  const byCode = new Map(remembered(db).map((u) => [u.code, u]));
  for (const { code, name, prefix } of units) byCode.set(code, { code, name, prefix });
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify([...byCode.values()]));
}

/** The remembered units that are no longer in the settings. */
export function formerUnits(db: Db, settings: Pick<CounterSettings, 'units'>): ServiceUnit[] {
  const current = new Set(settings.units.map((u) => u.code));
  return remembered(db).filter((u) => !current.has(u.code));
}

/** The settings with the former units, as `getSettings` answers (no `formerUnits` while there are none). */
export function settingsView(db: Db, settings: CounterSettings): CounterSettingsView {
  const former = formerUnits(db, settings);
  return former.length > 0 ? { ...settings, formerUnits: former } : settings;
}
