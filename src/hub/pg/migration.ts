/**
 * One version of the hub's PostgreSQL schema. Applied in order inside one transaction each and
 * recorded in the `schema_migrations` table; a database newer than the code is refused.
 */
export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}
