import type { HubMigration } from '../pg/migration';

/**
 * The register's lineage, so a counter can tell a hub that lost records from the one it knew
 * (src/hub/register/register-epoch.ts; docs/hub.md "Backups and replication"):
 * - `register_epochs`: one row per hub start, a random uid and the highest revision in the
 *   register at that start. A restored backup, a promoted standby or a new hub lacks the epochs of
 *   the hub the counters knew, or starts one below a counter's cursor.
 * - `counters.outbox_rejected`: ops this counter set aside because the hub refused them (sent in
 *   `X-Loket-Outbox-Rejected`), for `loket hub status`.
 */
export const m012RegisterEpochs: HubMigration = {
  version: 12,
  name: 'register-epochs',
  sql: `
CREATE TABLE register_epochs (
  seq bigserial PRIMARY KEY,
  uid uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  from_rev bigint NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE counters ADD COLUMN outbox_rejected int NOT NULL DEFAULT 0;
`,
};
