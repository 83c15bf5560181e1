import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { fetchPinnedCertificate } from '../../../src/core/sync/pinned-certificate';
import { pinnedTransport } from '../../../src/core/sync/pinned-transport';
import { transportFor } from '../../../src/core/sync/enroll';
import { HubUnreachable, type HubTransport } from '../../../src/core/sync/hub-transport';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';
import { startHubProcess as startHub, stopHubProcess } from '../../helpers/hub-process';

/** The built `loket hub --pg URL` in a child process (so it can be killed with SIGKILL), on a fixed port. */
export async function startHubProcess(pgUrl: string, dataDir: string, port: number): Promise<ChildProcess> {
  return (await startHub(['--pg', pgUrl, '--data', dataDir, '--port', String(port), '--facility', 'RSUD Simulasi'])).child;
}

export const killHard = (child: ChildProcess): Promise<void> => stopHubProcess(child, 'SIGKILL');

/** An enrollment code from the running hub's admin route, as `loket hub counter add` makes one. */
export async function enrollmentCode(dataDir: string, name: string): Promise<string> {
  const config = JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')) as { urls: string[]; fingerprint: string; adminKey: string };
  const hubUrl = config.urls[0]!;
  const admin = pinnedTransport({
    hubUrl,
    fingerprint: config.fingerprint,
    certificatePem: await fetchPinnedCertificate(hubUrl, config.fingerprint),
    authorization: `Admin ${config.adminKey}`,
  });
  return (await admin.postJson<{ code: string }>('/v1/admin/counters', { name })).code;
}

/** A counter: a real core on its own SQLite file whose link to the hub can be cut (a pulled cable). */
export class Counter {
  readonly core: Core;
  cableIn = true;

  constructor(
    readonly name: string,
    dir: string,
  ) {
    const cable = (inner: HubTransport): HubTransport => {
      const guard = <T>(go: () => Promise<T>): Promise<T> => (this.cableIn ? go() : Promise.reject(new HubUnreachable('cable pulled (test)')));
      return {
        getJson: (path, options) => guard(() => inner.getJson(path, options)),
        postJson: (path, body, options) => guard(() => inner.postJson(path, body, options)),
        download: (path) => guard(() => inner.download(path)),
        upload: (path, body, headers) => guard(() => inner.upload(path, body, headers)),
      };
    };
    this.core = createCore({
      dbPath: join(dir, `${name}.db`),
      workerScript: null,
      bpjsBackground: false,
      hubBackground: true,
      hubIntervalMs: 250,
      clerk: name,
      actor: { username: name, role: 'admin' },
      hubTransport: (credential, standing) => cable(transportFor(credential, { outboxBacklog: standing.outboxBacklog })),
    });
  }

  /** A contract call, as the counter's window makes it; throws the contract's error. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await dispatch(this.core, method, input);
    if (!result.ok) throw Object.assign(new Error(`${this.name} ${method}: ${result.error.code} ${JSON.stringify(result.error.params ?? {})}`), { code: result.error.code });
    return result.value as MethodOutput<M>;
  }
}

/** A small seeded generator, so a failing day can be replayed (FACILITY_SEED). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A NIK-shaped number (16 digits, a valid day and month) unique per index below a million. */
export function nikFor(index: number): string {
  const district = String(Math.floor(index / 10_000) % 100).padStart(2, '0');
  const day = String((index % 28) + 1).padStart(2, '0');
  return `3673${district}${day}0185${String(index % 10_000).padStart(4, '0')}`;
}
