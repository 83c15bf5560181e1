import type { HubMigration } from '../pg/migration';

/**
 * The hub's record of its administrators' changes and of counters enrolled (admin-log.repo.ts).
 * The other tables keep only the latest state and a revision; this keeps who and when. Rows
 * are never updated or deleted: a trigger refuses it (someone with the database password can
 * drop it; the record is for accountability, not proof against the database's owner).
 */
export const m016AdminLog: HubMigration = {
  version: 16,
  name: 'admin-log',
  sql: `
CREATE TABLE admin_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE FUNCTION admin_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_log is append-only';
END
$$;
CREATE TRIGGER admin_log_no_change BEFORE UPDATE OR DELETE ON admin_log FOR EACH ROW EXECUTE FUNCTION admin_log_append_only();
`,
};
