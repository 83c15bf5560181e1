import type { HubMigration } from '../pg/migration';

/**
 * How many pulled records a counter has been unable to apply for many rounds (sent by the counter
 * in `X-Loket-Pull-Stuck`, as its outbox backlog is): `loket hub status` shows it, so an IT
 * officer learns that a counter is missing part of the register. See docs/hub.md.
 */
export const m009PullStuck: HubMigration = {
  version: 9,
  name: 'pull-stuck',
  sql: `ALTER TABLE counters ADD COLUMN pull_stuck int NOT NULL DEFAULT 0;`,
};
