import type { CounterSettings } from '../../shared/settings';
import { LoketError } from '../errors';
import type { Db } from '../store/open-database';
import { openVisitsByUnit } from '../visits/queue';

/**
 * A unit whose patients are still in today's queue (waiting or called) cannot leave the
 * settings: neither removed nor given another code. Its visits keep the old code, so they would
 * drop out of the queue's tabs while people sit in the waiting room. The settings screen says so
 * before saving (the unit's code and its Hapus are locked); this is the rule behind it, for any
 * window or command that saves. Once they are served or cancelled (or at midnight), the unit may
 * go: later visits keep its name (unit-names.ts) and its prefix's numbers go on (visits.ts).
 *
 * Settings from the facility hub are not refused here: the hub decides for every counter, and
 * the queue still shows visits of a unit the settings no longer have.
 */
export function refuseStrandingPatients(db: Db, before: CounterSettings, after: CounterSettings, day: string): void {
  const kept = new Set(after.units.map((u) => u.code));
  const leaving = before.units.filter((u) => !kept.has(u.code));
  if (leaving.length === 0) return;
  const open = openVisitsByUnit(db, before, day);
  for (const unit of leaving) {
    const count = open.get(unit.code) ?? 0;
    if (count > 0) throw new LoketError('settings/unit-has-patients', { unit: unit.name, code: unit.code, count });
  }
}
