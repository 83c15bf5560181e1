import pg from 'pg';

/**
 * The hub's connection pool. Sized for a LAN of 5-40 counters on a small server: enough
 * connections for concurrent pushes, few enough that PostgreSQL's per-connection memory stays low.
 */
export function connectPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the hub: the pool drops it.
  // 57P01 (admin shutdown) is PostgreSQL stopping, as it does when the hub itself stops: not news.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error(`hub: idle PostgreSQL connection lost: ${error.message}`);
  });
  // A client checked out when its connection goes (PostgreSQL stopped or restarted mid-query) emits
  // 'error' with no pool listener attached: unheard, that event would crash the hub. Its query
  // fails with the same error, which its caller handles; the event itself needs no more.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
