import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { adminKeyFor, writeHubConfig } from './hub-config';
import { createHubServer } from './http/server';
import { connectPool } from './pg/connect';
import { startEmbeddedPostgres, type EmbeddedServer } from './pg/embedded';
import { HubStartProblem } from './pg/start-problem';
import { freeLoopbackPort } from './pg/free-port';
import { migrate } from './pg/migrate';
import { moveMrnSequencePastRegister } from './register/mrn-seed';
import { beginRegisterEpoch } from './register/register-epoch';
import { hubRoutes } from './routes';
import type { HubMode } from './editions/edition-routes';
import { readUpstream } from './editions/upstream-credential';
import { startUpstreamLink, type UpstreamLink, type UpstreamOptions } from './editions/upstream-link';
import { eventLine, type UpstreamEvent } from './editions/upstream-events';
import { lanIPv4Addresses, loadOrCreateCertificate } from './tls/certificate';

export interface StartHubOptions {
  /** An existing PostgreSQL database (postgres://…); or embeddedDir. */
  pgUrl?: string;
  /** Run the hub's own PostgreSQL with its data in this folder (DIR/pg). */
  embeddedDir?: string;
  /** The embedded PostgreSQL's port (loopback only); a free one when absent. */
  embeddedPort?: number;
  /** Certificate, key and hub.json (the embedded folder when not given). */
  dataDir: string;
  host: string;
  /** 0 for any free port (tests). */
  port: number;
  /** The facility's name; kept from an earlier start when absent. */
  facility?: string;
  /** 'district': a Dinas Kesehatan hub that publishes list editions only (no register). */
  mode?: HubMode;
  /**
   * Take the list editions a district hub publishes: at the first start enroll there with the
   * code (kept in `<dataDir>/upstream.json`), then sync at every start and every interval.
   * A hub started earlier with a code keeps using its stored enrollment (`{}` is enough).
   */
  upstream?: UpstreamOptions;
  /**
   * Where the upstream link reports, as codes with values (no member data): `loket hub` words
   * them in the officer's language; by default console.log prints the codes (eventLine).
   */
  log?: (event: UpstreamEvent) => void;
}

export interface RunningHub {
  urls: string[];
  fingerprint: string;
  port: number;
  /** The embedded PostgreSQL's port on 127.0.0.1 (for pg_dump), null with --pg. */
  embeddedPgPort: number | null;
  /** The pid of the embedded PostgreSQL an earlier, killed hub left running, stopped before this start (null: none). */
  stoppedLeftoverPg: number | null;
  pg: Pool;
  /** The link to the district hub, when started with `upstream` (or an upstream.json from an earlier start). */
  upstream: Pick<UpstreamLink, 'state' | 'view' | 'ready'> | null;
  stop(): Promise<void>;
}

/** The URLs counters can use: the host given, or every LAN address when listening on all of them. */
function urlsOf(host: string, port: number): string[] {
  const hosts = host === '0.0.0.0' || host === '::' ? [...lanIPv4Addresses(), '127.0.0.1'] : [host];
  return hosts.map((h) => `https://${h.includes(':') ? `[${h}]` : h}:${port}`);
}

/**
 * Starts the facility hub: PostgreSQL (given or embedded), migrations, the certificate, the HTTPS
 * server, hub.json. `stop()` closes everything it started, in reverse order.
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  if (!options.pgUrl && !options.embeddedDir) throw new Error('startHub needs pgUrl or embeddedDir');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`hub: stopping: ${String(error)}`));
    cleanups.length = 0;
  };
  const log = options.log ?? ((event: UpstreamEvent) => console.log(`hub: ${eventLine(event)}`));
  try {
    let url = options.pgUrl;
    let embeddedPgPort: number | null = null;
    let stoppedLeftoverPg: number | null = null;
    if (!url) {
      const embedded: EmbeddedServer = await startEmbeddedPostgres(options.embeddedDir!, options.embeddedPort ?? (await freeLoopbackPort()));
      cleanups.push(() => embedded.stop());
      url = embedded.url;
      embeddedPgPort = embedded.port;
      stoppedLeftoverPg = embedded.stoppedLeftover;
    }
    const pg = connectPool(url);
    cleanups.push(() => pg.end());
    await migrate(pg);
    // Blocks reserved from now on never hold an RM already in the register, whatever the format.
    await moveMrnSequencePastRegister(pg);
    // Counters that pulled from a register this one lacks (a restored backup, a new hub) learn it from the pull.
    await beginRegisterEpoch(pg);
    if (options.facility !== undefined) {
      await pg.query('INSERT INTO facility (id, name) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [options.facility]);
    }
    const facility = (await pg.query<{ name: string }>('SELECT name FROM facility WHERE id = 1')).rows[0]?.name ?? '';
    const cert = await loadOrCreateCertificate(options.dataDir);

    // The port is known only after listening (port 0), and the URLs go into the routes' codes: fill them in then.
    const identity = { urls: [] as string[], fingerprint: cert.fingerprint };
    const adminKey = adminKeyFor(options.dataDir);
    // Started after listening (below); the status asks it at each call.
    let link: UpstreamLink | null = null;
    const routes = hubRoutes({ dataDir: options.dataDir }, options.mode ?? 'facility', identity, () => link?.view() ?? null);
    const hub = createHubServer({ pg, routes, certPem: cert.certPem, keyPem: cert.keyPem, adminKey });
    await new Promise<void>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException): void => reject(error.code === 'EADDRINUSE' ? portBusy(options.host, options.port) : error);
      hub.server.once('error', failed);
      hub.server.listen(options.port, options.host, () => {
        hub.server.off('error', failed);
        resolve();
      });
    });
    cleanups.push(() => hub.close());
    const port = (hub.server.address() as AddressInfo).port;
    identity.urls.push(...urlsOf(options.host, port));
    writeHubConfig(options.dataDir, { urls: identity.urls, fingerprint: cert.fingerprint, adminKey, facility });
    // After listening: the counters are served while the district is being reached.
    if (options.upstream || readUpstream(options.dataDir)) {
      const started = startUpstreamLink(pg, { dataDir: options.dataDir }, options.upstream ?? {}, log);
      cleanups.push(() => started.stop());
      link = started;
    }
    return { urls: identity.urls, fingerprint: cert.fingerprint, port, embeddedPgPort, stoppedLeftoverPg, pg, upstream: link, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function portBusy(host: string, port: number): HubStartProblem {
  return new HubStartProblem('port-busy', { host, port }, `port ${port} on ${host} is in use by another program (another hub?)`);
}

/** Stops the hub on SIGTERM/SIGINT (the foreground `loket hub`), then lets the process end. */
export function stopOnSignals(hub: RunningHub, onStopped: () => void): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void hub.stop().finally(onStopped);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
