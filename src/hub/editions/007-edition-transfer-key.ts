import type { HubMigration } from '../pg/migration';

/**
 * The key each edition file the hub holds is encrypted with (src/core/sync/transfer-key.ts):
 * sent by the counter that uploaded it (or given by the district hub's manifest), handed to the
 * enrolled counters with the manifest. NULL: a file taken unencrypted (before this version).
 */
export const m007EditionTransferKey: HubMigration = {
  version: 7,
  name: 'edition-transfer-key',
  sql: `
    ALTER TABLE hub_editions ADD COLUMN transfer_key text CHECK (transfer_key ~ '^[0-9a-f]{64}$');
    CREATE INDEX hub_editions_content ON hub_editions (list, kind, as_of, content_hash);
  `,
};
