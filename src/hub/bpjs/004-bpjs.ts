import type { HubMigration } from '../pg/migration';

/** The facility's BPJS access, set at the hub and handed to its counters; the secrets sealed (bpjs-seal.ts). */
export const m004Bpjs: HubMigration = {
  version: 4,
  name: 'bpjs',
  sql: `
CREATE TABLE facility_bpjs (
  id integer PRIMARY KEY CHECK (id = 1),
  sealed text NOT NULL,
  rev bigint NOT NULL
);
`,
};
