// Each record's name in the two spelling-free forms sameLoose compares (name-variants.ts):
// patients.loose_sorted (words loosened and sorted) and loose_joined (loosened, joined without
// spaces). sameLoose(a, b) is exactly `a.sorted = b.sorted OR a.joined = b.joined` (a having a
// word), so the check before a new record finds every record with the same name through two
// indexes (counter migration 023) instead of loosening every record's name on each check.
//
// Staleness: the forms are kept with every write of name_key (createPatient, updatePatient,
// attachIdentity, the hub's pull); when looseNameOfKey itself changes, LOOSE_NAME_VERSION is
// raised and refreshLooseNames recomputes every record's forms on the next open (the version
// they were made with is in the settings table, so a restored older backup is recomputed too).
import { LOOSE_NAME_VERSION, looseNameOfKey } from '../../shared/name-variants';
import { normalizeName } from '../../shared/names';
import type { Db } from '../store/open-database';

export interface LooseColumns {
  looseSorted: string;
  looseJoined: string;
}

/** The stored forms of a canonical key (names.ts, as name_key holds it). */
export function looseColumns(nameKey: string): LooseColumns {
  const loose = looseNameOfKey(nameKey);
  return { looseSorted: loose.sorted, looseJoined: loose.joined };
}

/**
 * Every column a record's name is found by: name_key (names.ts: the name search, the lists) and
 * the loose forms. Each write of a name writes all three, so none goes stale.
 */
export function nameColumns(name: string): LooseColumns & { nameKey: string } {
  const nameKey = normalizeName(name).key;
  return { nameKey, ...looseColumns(nameKey) };
}

const VERSION_KEY = 'loose-name-version';

/**
 * Computes every record's forms (one loosening per distinct key: a facility's names repeat) and
 * records the version they were made with. The caller holds the transaction.
 */
export function fillLooseNames(db: Db): void {
  const keys = db.prepare('SELECT DISTINCT name_key FROM patients').pluck().all() as string[];
  const update = db.prepare('UPDATE patients SET loose_sorted = ?, loose_joined = ? WHERE name_key = ?');
  for (const key of keys) {
    const { looseSorted, looseJoined } = looseColumns(key);
    update.run(looseSorted, looseJoined, key);
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(VERSION_KEY, JSON.stringify(LOOSE_NAME_VERSION));
}

const storedVersion = (db: Db): unknown => {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(VERSION_KEY) as string | undefined;
  return value === undefined ? undefined : JSON.parse(value);
};

/**
 * On open, after the migrations: the forms were made by another looseNameOfKey (an older or a
 * newer Loket): made again, in one transaction (IMMEDIATE: another process may open the file at
 * the same time; the second finds the work done). True when it recomputed.
 */
export function refreshLooseNames(db: Db): boolean {
  if (storedVersion(db) === LOOSE_NAME_VERSION) return false;
  return db.transaction(() => {
    if (storedVersion(db) === LOOSE_NAME_VERSION) return false;
    fillLooseNames(db);
    return true;
  }).immediate();
}
