import type { HubMigration } from '../pg/migration';

/**
 * Every audit chain head a counter sent (src/hub/audit/audit-head-route.ts). Never updated or
 * deleted: the counter's trail is checked against them (docs/audit.md).
 */
export const m006AuditHeads: HubMigration = {
  version: 6,
  name: 'audit-heads',
  sql: `
CREATE TABLE audit_heads (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters(id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL,
  flag text
);
CREATE INDEX audit_heads_counter ON audit_heads (counter_id, id);
CREATE INDEX audit_heads_counter_seq ON audit_heads (counter_id, seq);
`,
};
