import { DEFAULT_SETTINGS, counterSettingsFields, counterSettingsSchema, upgradeStoredSettings, type CounterSettings } from '../../shared/settings';
import type { Db } from '../store/open-database';

const KEY = 'counter';

/** The saved settings over the defaults; a value that no longer validates falls back to its default. */
export function readSettings(db: Db): CounterSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  const saved = counterSettingsFields.partial().safeParse(upgradeStoredSettings(JSON.parse(row.value)));
  return saved.success ? { ...DEFAULT_SETTINGS, ...stripUndefined(saved.data) } : DEFAULT_SETTINGS;
}

export function saveSettings(db: Db, settings: CounterSettings): CounterSettings {
  const valid = counterSettingsSchema.parse(settings);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(valid));
  return valid;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
