import type { HubMigration } from '../pg/migration';

/**
 * List editions published through the hub: one row per edition file it holds
 * (`<dataDir>/editions/<file_sha256>.db.gz`). A list's current edition is its row with the
 * latest as_of, the later rev among equal ones; older ones are kept (not current).
 * `source`: 'upload' (a counter or the hub's administrator) or 'upstream' (the district hub).
 */
export const m003Editions: HubMigration = {
  version: 3,
  name: 'editions',
  sql: `
    CREATE SEQUENCE IF NOT EXISTS hub_rev;
    CREATE TABLE hub_editions (
      id           bigserial PRIMARY KEY,
      list         text NOT NULL,
      kind         text NOT NULL,
      as_of        date NOT NULL,
      content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
      file_sha256  text NOT NULL UNIQUE CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      size         bigint NOT NULL,
      members      integer NOT NULL,
      source       text NOT NULL CHECK (source IN ('upload', 'upstream')),
      uploaded_by  text NOT NULL,
      uploaded_at  timestamptz NOT NULL,
      rev          bigint NOT NULL
    );
    CREATE INDEX hub_editions_current ON hub_editions (list, as_of DESC, rev DESC);
  `,
};
