import type { Migration } from './index';

/**
 * `sync_state.register_epoch`: the hub register's epoch this counter last pulled from (sent with
 * every pull; docs/hub.md "Backups and replication"). A hub that does not know it (a new hub, a
 * restored backup) answers so, and the counter pulls everything again and sends its whole history
 * (sync/resend-history.ts). Null: not pulled yet since this version.
 */
export const m018RegisterEpoch: Migration = {
  version: 18,
  name: 'register-epoch',
  up(db) {
    db.exec('ALTER TABLE sync_state ADD COLUMN register_epoch TEXT');
  },
};
