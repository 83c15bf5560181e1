import { DEFAULT_SETTINGS, counterSettingsFields, counterSettingsSchema, upgradeStoredSettings, type CounterSettings } from '../../shared/settings';
import type { Db } from '../store/open-database';
import { nextMidnight, type ZoneChange, type ZoneSwitch } from './service-day';
import { rememberUnits } from './unit-names';

const KEY = 'counter';

/** The saved settings over the defaults; a value that no longer validates falls back to its default. */
export function readSettings(db: Db): CounterSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  const saved = counterSettingsFields.partial().safeParse(upgradeStoredSettings(JSON.parse(row.value)));
  return saved.success ? { ...DEFAULT_SETTINGS, ...stripUndefined(saved.data) } : DEFAULT_SETTINGS;
}

/**
 * Saves the settings as given (the screen's save, the hub's facility settings). The units before
 * and after are remembered by code (unit-names.ts): a unit removed or re-coded keeps its name
 * for the visits registered under it. Whether a unit may leave is the caller's question
 * (unit-changes.ts: not while its patients wait, when the screen saves).
 */
export function saveSettings(db: Db, settings: CounterSettings): CounterSettings {
  const valid = counterSettingsSchema.parse(settings);
  db.transaction(() => {
    rememberUnits(db, [...readSettings(db).units, ...valid.units]);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(valid));
  })();
  return valid;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const ZONE_CHANGE_KEY = 'time-zone-change';

/** The last change of the facility's time zone, if any: the day in progress finishes under the old zone. */
export function readZoneChange(db: Db): ZoneChange | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ZONE_CHANGE_KEY) as { value: string } | undefined;
  if (!row) return null;
  const value = JSON.parse(row.value) as Partial<ZoneChange>;
  return typeof value.from === 'string' && typeof value.to === 'string' && typeof value.at === 'string' ? { from: value.from, to: value.to, at: value.at } : null;
}

/**
 * The zone changed (`joining`: taken from the hub with the register pulled from its start). With
 * visits already on the day in progress, that day finishes under the old
 * zone (see service-day.ts); with none (a new installation being set up), the new zone rules at
 * once and any older record is dropped.
 */
export function zoneChanged(db: Db, dayInProgress: string, change: ZoneChange, joining = false): ZoneChange | null {
  const busy = db.prepare('SELECT 1 FROM visits WHERE service_date = ? LIMIT 1').get(dayInProgress) !== undefined;
  const at = busy ? nextMidnight(new Date(change.at), change.from).toISOString() : change.at;
  // Nothing filed yet (a new installation being set up), or joining a hub (the register just
  // pulled was filed under the hub's zone): no visit here was filed under the old zone.
  const filed = db.prepare('SELECT 1 FROM visits LIMIT 1').get() !== undefined;
  const switches = joining || !filed ? [] : [...readZoneSwitches(db).filter((s) => s.at < at), { from: change.from, to: change.to, at }];
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(ZONE_SWITCHES_KEY, JSON.stringify(switches));
  if (!busy) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(ZONE_CHANGE_KEY);
    return null;
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(ZONE_CHANGE_KEY, JSON.stringify(change));
  return change;
}

const ZONE_SWITCHES_KEY = 'time-zone-switches';

/**
 * Every change of the facility's zone, as the instant from which the new zone files the visits
 * (the change itself, or the old zone's next midnight when the day had visits), oldest first: a
 * visit's times are shown in the zone it was filed under (service-day.ts zoneAt). A database
 * from before this record has at most the last change (`time-zone-change`), which stands for it.
 */
export function readZoneSwitches(db: Db): ZoneSwitch[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ZONE_SWITCHES_KEY) as { value: string } | undefined;
  if (row) {
    const value = JSON.parse(row.value) as unknown;
    return Array.isArray(value) ? value.filter(isSwitch) : [];
  }
  const last = readZoneChange(db);
  return last ? [{ from: last.from, to: last.to, at: nextMidnight(new Date(last.at), last.from).toISOString() }] : [];
}

function isSwitch(value: unknown): value is ZoneSwitch {
  const v = value as Partial<ZoneSwitch> | null;
  return typeof v?.from === 'string' && typeof v.to === 'string' && typeof v.at === 'string';
}
