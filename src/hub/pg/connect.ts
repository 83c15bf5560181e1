import pg from 'pg';

/**
 * The hub's connection pool. Sized for a LAN of 5-40 counters on a small server: enough
 * connections for concurrent pushes, few enough that PostgreSQL's per-connection memory stays low.
 */
export function connectPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the hub: the pool drops it.
  pool.on('error', (error) => console.error(`hub: idle PostgreSQL connection lost: ${error.message}`));
  return pool;
}
