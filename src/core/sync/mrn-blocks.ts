import { isoDateInZone } from '../../shared/dates';
import { formatMrn, type CounterSettings } from '../../shared/settings';
import type { Db } from '../store/open-database';
import { enrolledOfflinePrefix } from './sync-state.repo';

/**
 * Record numbers (RM) of an enrolled counter. The hub reserves blocks of sequence values for
 * each counter (POST /v1/mrn-block); the counter formats them with the facility's mrnFormat, so
 * two counters never make the same RM. Without a block left (offline for long), the RM is the
 * counter's offline prefix (unique in the facility) before its own offline sequence: `K2-000123`.
 */

/** Adds a block the hub reserved for this counter; the same block twice is one block. */
export function addMrnBlock(db: Db, block: { first: number; last: number }): void {
  db.prepare('INSERT INTO mrn_blocks (first, last, next) VALUES (?, ?, ?) ON CONFLICT(first) DO NOTHING').run(block.first, block.last, block.first);
}

/** The next sequence value from the blocks, oldest block first; null when every block is used up. */
export function takeMrnSeq(db: Db): number | null {
  return db.transaction(() => {
    const row = db.prepare('UPDATE mrn_blocks SET next = next + 1 WHERE first = (SELECT first FROM mrn_blocks WHERE next <= last ORDER BY first LIMIT 1) RETURNING next - 1 AS seq').get() as { seq: number } | undefined;
    return row?.seq ?? null;
  })();
}

/**
 * True when at most half of the newest block is left (or none at all): time to ask the hub for
 * another. Values below the facility's first number (`floor`, mrnStart) count as used: a start
 * raised at the hub makes the blocks held from before useless, and the counter asks at once.
 */
export function mrnBlockLow(db: Db, floor = 1): boolean {
  skipBlocksBelow(db, floor);
  const row = db.prepare('SELECT coalesce(sum(last - next + 1), 0) AS left, (SELECT last - first + 1 FROM mrn_blocks ORDER BY first DESC LIMIT 1) AS size FROM mrn_blocks WHERE next <= last').get() as { left: number; size: number | null };
  return row.size === null || row.left * 2 <= row.size;
}

/** The RM a counter numbering offline gives: its offline prefix and its own sequence, e.g. `K2-000123`. */
export const offlineMrn = (offlinePrefix: string, seq: number): string => `${offlinePrefix}-${String(seq).padStart(6, '0')}`;

/**
 * The RM of a new patient: as before when the counter works alone; from the hub's blocks when
 * enrolled; with the offline prefix when the blocks are used up. A block value whose RM is
 * already here (a record made before enrolment by the old local sequence) is skipped, and so is
 * every value below the facility's first sequence number (`mrnStart`: numbers of the paper era).
 */
export function nextMrn(db: Db, settings: CounterSettings, now: Date): string {
  const format = (seq: number): string => formatMrn(settings.mrnFormat, seq, isoDateInZone(now, settings.timeZone), settings.facilityCode).toUpperCase();
  const offlinePrefix = enrolledOfflinePrefix(db);
  if (offlinePrefix === null) {
    // The table no longer refuses a second holder of an RM (migration 015): this counter never makes one.
    for (;;) {
      const mrn = format(nextSequence(db, 'mrn', settings.mrnStart));
      if (!mrnTaken(db, mrn)) return mrn;
    }
  }
  skipBlocksBelow(db, settings.mrnStart);
  for (let seq = takeMrnSeq(db); seq !== null; seq = takeMrnSeq(db)) {
    const mrn = format(seq);
    if (!mrnTaken(db, mrn)) return mrn;
  }
  for (;;) {
    const mrn = offlineMrn(offlinePrefix, nextSequence(db, 'mrn-offline'));
    if (!mrnTaken(db, mrn)) return mrn;
  }
}

const mrnTaken = (db: Db, mrn: string): boolean =>
  db.prepare('SELECT 1 FROM patients WHERE mrn = ? UNION ALL SELECT 1 FROM patient_aliases WHERE mrn = ? LIMIT 1').get(mrn, mrn) !== undefined;

/**
 * The next value of a sequence, never below `floor`: a floor raised in the settings moves the
 * sequence forward once; a floor lowered again changes nothing (a value is never given twice).
 */
export function nextSequence(db: Db, name: string, floor = 1): number {
  const row = db.prepare('INSERT INTO sequences (name, value) VALUES (?, max(1, ?)) ON CONFLICT(name) DO UPDATE SET value = max(value + 1, ?) RETURNING value').get(name, floor, floor) as { value: number };
  return row.value;
}

/**
 * Block values below the first sequence number are never used: a block the hub reserved before
 * the facility raised its start (or an older hub that does not know the start) is used from the
 * start on, or not at all (then it counts as used up, and the counter asks for another).
 */
function skipBlocksBelow(db: Db, floor: number): void {
  db.prepare('UPDATE mrn_blocks SET next = min(last + 1, ?) WHERE next < ?').run(floor, floor);
}
