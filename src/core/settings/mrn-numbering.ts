import type { CounterSettings, MrnNumbering } from '../../shared/settings';
import type { Db } from '../store/open-database';
import { enrolledOfflinePrefix } from '../sync/sync-state.repo';

/**
 * The lowest value the next new RM can get whatever start is saved (the settings screen's "RM baru
 * mulai dari" is the higher of this and the start): alone, the value after the last one given
 * (sync/mrn-blocks.ts nextSequence); enrolled, the first unused value of the hub's blocks at or
 * above the hub's start, else that start (the next block begins there at the earliest).
 */
export function mrnNumbering(db: Db, settings: CounterSettings): MrnNumbering {
  const start = settings.mrnStart;
  if (enrolledOfflinePrefix(db) !== null) {
    const row = db.prepare('SELECT min(max(next, ?)) AS seq FROM mrn_blocks WHERE max(next, ?) <= last').get(start, start) as { seq: number | null };
    return { next: row.seq ?? start, hub: true };
  }
  const given = db.prepare("SELECT value FROM sequences WHERE name = 'mrn'").get() as { value: number } | undefined;
  return { next: (given?.value ?? 0) + 1, hub: false };
}

/**
 * The settings a counter saves: enrolled at a hub, the facility's first RM number stays the hub's
 * (a higher local one would skip every block the hub gives and number offline-style while
 * connected, burning the facility's numbers).
 */
export function withHubStart(db: Db, current: CounterSettings, input: CounterSettings): CounterSettings {
  return enrolledOfflinePrefix(db) !== null ? { ...input, mrnStart: current.mrnStart } : input;
}
