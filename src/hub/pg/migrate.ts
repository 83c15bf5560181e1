import type { Pool } from 'pg';
import { HubError } from '../http/route';
import type { HubMigration } from './migration';
import { HUB_MIGRATIONS } from './migrations';

/** Held while migrating, so two hubs started at once on one database do not both apply a version. */
const MIGRATION_LOCK = 4_242_000;

/**
 * Brings the database to the code's schema: each missing version in order, in its own
 * transaction, recorded in schema_migrations. A database already at a version newer than the
 * code (a newer hub ran on it) is refused with `hub/database-too-new`: running old code on it
 * could corrupt what the newer one wrote. Answers the versions applied now.
 */
export async function migrate(pool: Pool, migrations: readonly HubMigration[] = HUB_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...applied);
      const known = Math.max(0, ...migrations.map((m) => m.version));
      if (newest > known) throw new HubError(500, 'hub/database-too-new', { database: newest, code: known });
      const done: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
