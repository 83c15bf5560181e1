import type { Migration } from './index';

/**
 * What this counter tells its hub about its list editions (sync/edition-report.ts), kept after
 * each list-edition step and sent on every request (X-Loket-Editions-Unreadable,
 * X-Loket-Editions-Set-Aside) for `loket hub status`:
 * - `sync_state.editions_unreadable`: lists whose current edition does not open here;
 * - `sync_state.editions_set_aside`: lists with an unreadable edition file set aside in the lists folder.
 * Each a JSON array of list names; null: not looked at yet.
 */
export const m020EditionReport: Migration = {
  version: 20,
  name: 'edition-report',
  up(db) {
    db.exec('ALTER TABLE sync_state ADD COLUMN editions_unreadable TEXT');
    db.exec('ALTER TABLE sync_state ADD COLUMN editions_set_aside TEXT');
  },
};
