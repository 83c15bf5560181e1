/**
 * Helpers of the hub benchmarks: the hub in its own process (hub-child.ts), counters enrolled
 * through the admin route and the enrollment route with the counter's own pinned transport, and
 * the reference rates that let a figure be read on a busy machine.
 */
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { decodeEnrollmentCode, transportFor } from '../../src/core/sync/enroll';
import type { HubCredential } from '../../src/core/sync/hub-credential.repo';
import type { HubTransport } from '../../src/core/sync/hub-transport';
import { fetchPinnedCertificate } from '../../src/core/sync/pinned-certificate';
import { pinnedTransport, type PinnedTransport } from '../../src/core/sync/pinned-transport';
import type { EnrollResponse } from '../../src/shared/hub-protocol';
import { percentile, round } from './stats';

export interface HubProcess {
  url: string;
  fingerprint: string;
  adminKey: string;
  /** The admin commands' transport (pinned, `Authorization: Admin <key>`). */
  admin: PinnedTransport;
  /** Stops the hub; answers the CPU it used since it listened. */
  stop(): Promise<{ cpuUserMs: number; cpuSystemMs: number }>;
}

export async function startHubProcess(pgUrl: string, dataDir = mkdtempSync(join(tmpdir(), 'loket-hub-bench-'))): Promise<HubProcess> {
  const child = fork(join(__dirname, 'hub-child.ts'), [pgUrl, dataDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ url: string; fingerprint: string; adminKey: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`hub process ended (${code})`)));
    child.on('message', (message: { ready?: { url: string; fingerprint: string; adminKey: string } }) => {
      if (message.ready) resolve(message.ready);
    });
  });
  const certificatePem = await fetchPinnedCertificate(ready.url, ready.fingerprint);
  const admin = pinnedTransport({ hubUrl: ready.url, fingerprint: ready.fingerprint, certificatePem, authorization: `Admin ${ready.adminKey}`, timeoutMs: 30_000 });
  return {
    ...ready,
    admin,
    stop: () =>
      new Promise((resolve) => {
        child.on('message', (message: { stopped?: { cpuUserMs: number; cpuSystemMs: number } }) => {
          if (message.stopped) resolve(message.stopped);
        });
        child.send('stop');
      }),
  };
}

/** A counter enrolled as a real one is: a code from the admin route, the certificate pinned, the token exchanged. */
export async function enrollCounter(hub: HubProcess, name: string): Promise<{ credential: HubCredential; transport: HubTransport }> {
  const { code } = await hub.admin.postJson<{ code: string }>('/v1/admin/counters', { name });
  const decoded = decodeEnrollmentCode(code);
  const certificatePem = await fetchPinnedCertificate(hub.url, decoded.fingerprint);
  const reply = await pinnedTransport({ hubUrl: hub.url, fingerprint: decoded.fingerprint, certificatePem }).postJson<EnrollResponse>('/v1/enroll', { token: decoded.token });
  const credential: HubCredential = { hubUrl: hub.url, fingerprint: decoded.fingerprint, certificatePem, ...reply };
  return { credential, transport: transportFor(credential, { outboxBacklog: () => 0 }) };
}

/** Calls `once` from `workers` loops for `seconds`: calls per second. */
export async function rateOf(workers: number, seconds: number, once: () => Promise<unknown>): Promise<number> {
  let calls = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        await once();
        calls++;
      }
    }),
  );
  return round(calls / seconds, 0);
}

/** A bare `SELECT 1` round trip rate on a pool of 10: what PostgreSQL and the machine give right now. */
export async function select1Rate(pgUrl: string, seconds = 2): Promise<number> {
  const pool = new pg.Pool({ connectionString: pgUrl, max: 10 });
  try {
    return await rateOf(10, seconds, () => pool.query('SELECT 1'));
  } finally {
    await pool.end();
  }
}

/** A bare HTTPS request rate to the hub (an unknown path: routing only, no PostgreSQL), 40 clients. */
export async function bareHttpsRate(transports: readonly HubTransport[], seconds = 2): Promise<number> {
  let i = 0;
  return rateOf(transports.length, seconds, () => transports[i++ % transports.length]!.getJson('/v1/bench-nothing').catch(() => undefined));
}

export const machineLoad = (): { loadAverage1m: number; loadAverage5m: number } => ({ loadAverage1m: round(loadavg()[0]!, 2), loadAverage5m: round(loadavg()[1]!, 2) });

export const latencyMs = (samples: number[]) => ({
  calls: samples.length,
  p50Ms: round(percentile(samples, 50), 1),
  p95Ms: round(percentile(samples, 95), 1),
  p99Ms: round(percentile(samples, 99), 1),
  maxMs: round(percentile(samples, 100), 1),
});
