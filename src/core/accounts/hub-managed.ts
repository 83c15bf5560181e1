import type { Db } from '../store/open-database';

/** The counter is enrolled at a hub: its accounts are the hub's, and are not edited here. */
export function managedByHub(db: Db): boolean {
  return (db.prepare('SELECT enrolled FROM sync_state WHERE id = 1').pluck().get() as number | undefined) === 1;
}

/** The hub has sent at least one account (from then on only the hub's sign in). */
export function hubAccountsPresent(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM accounts WHERE source = 'hub' LIMIT 1`).get() !== undefined;
}
