import type { CounterSettings } from '../../shared/settings';
import { LoketError } from '../errors';
import type { Db } from '../store/open-database';
import { enrolledOfflinePrefix } from '../sync/sync-state.repo';

/**
 * Enrolled at a hub, the facility's time zone is the hub's to set (reporttester F9): one counter
 * on another zone files the same evening under another day, with queue numbers another counter
 * already gave. A save that changes it is refused whole (the screen shows the field read-only);
 * the hub's value comes with the pull (sync/apply-pull.ts), and until the hub holds one each
 * counter keeps the zone it was enrolled with (`loket hub status` names counters that differ).
 */
export function refuseHubZone(db: Db, current: CounterSettings, input: CounterSettings): void {
  if (input.timeZone !== current.timeZone && enrolledOfflinePrefix(db) !== null) throw new LoketError('settings/hub-zone', { zone: current.timeZone });
}
