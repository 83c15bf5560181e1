import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import { EnrollmentCodeInvalid, exchangeEnrollmentCode } from '../../core/sync/enroll';
import { HubRefused, HubUnreachable } from '../../core/sync/hub-transport';
import { pinnedTransport } from '../../core/sync/pinned-transport';
import type { HubEditionsConfig } from './edition-config';
import { startUpstreamSync, type UpstreamClient, type UpstreamSyncHandle } from './upstream-sync';

/** Where a facility hub keeps its enrollment at the district hub: in its data folder, 0600, like hub.json. */
export const UPSTREAM_FILE = 'upstream.json';

const storedUpstream = z.object({
  url: z.string(),
  fingerprint: z.string(),
  /** The district's certificate (PEM), trusted as the only CA for this connection. */
  certificatePem: z.string(),
  /** `<counterId>.<secret>`, sent as `Authorization: Bearer …`. */
  credential: z.string(),
  /** This hub's name at the district, and the district's (for the log). */
  name: z.string(),
  district: z.string(),
});
export type StoredUpstream = z.infer<typeof storedUpstream>;

export function readUpstream(dataDir: string): StoredUpstream | null {
  const path = join(dataDir, UPSTREAM_FILE);
  if (!existsSync(path)) return null;
  return storedUpstream.parse(JSON.parse(readFileSync(path, 'utf8')));
}

function writeUpstream(dataDir: string, upstream: StoredUpstream): void {
  const path = join(dataDir, UPSTREAM_FILE);
  writeFileSync(path, `${JSON.stringify(upstream, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The district's pinned HTTPS connection with this hub's credential: only list editions cross it. */
export function upstreamClient(upstream: StoredUpstream): UpstreamClient {
  return pinnedTransport({ hubUrl: upstream.url, fingerprint: upstream.fingerprint, certificatePem: upstream.certificatePem, authorization: `Bearer ${upstream.credential}`, timeoutMs: 30_000 });
}

export interface UpstreamOptions {
  /** A one-time code from the district hub (`loket hub counter add` there): used at the first start only. */
  code?: string;
  /** Another address of the district hub than the code's first. */
  url?: string;
  intervalMs?: number;
}

/** How the link to the district stands, for the hub's log and tests. */
export type UpstreamState =
  | { state: 'enrolling' }
  | { state: 'linked'; upstream: StoredUpstream; sync: UpstreamSyncHandle }
  /** The code was refused or unreadable: nothing more is tried until the hub starts with another. */
  | { state: 'failed'; code: string };

const RETRY_MS = 60_000;

/**
 * A facility hub's link to its district hub. At the first start with a code it enrolls exactly as
 * a counter does (the district's certificate pinned by the code's fingerprint before anything is
 * sent) and keeps the credential in `<dataDir>/upstream.json`; from then on every start uses the
 * stored one (a code given again is ignored: delete the file to enroll anew). Then the upstream
 * sync runs (at start and every interval). The hub serves its counters meanwhile: an unreachable
 * district is retried every minute and never delays the start.
 */
export function startUpstreamLink(pool: Pool, editions: HubEditionsConfig, options: UpstreamOptions, log: (line: string) => void): { state(): UpstreamState; ready: Promise<UpstreamState>; stop(): void } {
  let state: UpstreamState = { state: 'enrolling' };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const link = (upstream: StoredUpstream): UpstreamState => {
    const sync = startUpstreamSync(pool, editions, upstreamClient(upstream), { url: upstream.url, fingerprint: upstream.fingerprint, credential: upstream.credential, ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}) });
    log(`upstream: editions from ${upstream.district} (${upstream.url}) as "${upstream.name}"`);
    return { state: 'linked', upstream, sync };
  };
  const attempt = async (): Promise<UpstreamState> => {
    const stored = readUpstream(editions.dataDir);
    if (stored) return link(stored);
    if (!options.code) return { state: 'failed', code: 'hub/upstream-needs-code' };
    try {
      const credential = await exchangeEnrollmentCode({ code: options.code, ...(options.url ? { hubUrl: options.url } : {}) });
      const upstream: StoredUpstream = {
        url: credential.hubUrl,
        fingerprint: credential.fingerprint,
        certificatePem: credential.certificatePem,
        credential: `${credential.counterId}.${credential.secret}`,
        name: credential.name,
        district: credential.facility,
      };
      writeUpstream(editions.dataDir, upstream);
      return link(upstream);
    } catch (error) {
      if (error instanceof HubUnreachable && !error.detail.startsWith('hub-certificate-mismatch')) {
        log(`upstream: district hub unreachable (${error.detail}); trying again in a minute`);
        return { state: 'enrolling' };
      }
      const code = error instanceof HubRefused ? error.code : error instanceof EnrollmentCodeInvalid ? 'hub/code-invalid' : error instanceof HubUnreachable ? 'hub/certificate-mismatch' : 'hub/internal';
      log(`upstream: enrollment at the district hub failed: ${code}`);
      return { state: 'failed', code };
    }
  };
  const ready = new Promise<UpstreamState>((resolve) => {
    const run = (): void => {
      void attempt().then((next) => {
        if (stopped) {
          if (next.state === 'linked') next.sync.stop();
          return resolve(next);
        }
        state = next;
        if (next.state !== 'enrolling') return resolve(next);
        timer = setTimeout(run, RETRY_MS);
        timer.unref();
      });
    };
    run();
  });
  return {
    state: () => state,
    ready,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (state.state === 'linked') state.sync.stop();
    },
  };
}
