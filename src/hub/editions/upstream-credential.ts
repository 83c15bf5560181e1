import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { pinnedTransport } from '../../core/sync/pinned-transport';
import type { UpstreamClient } from './upstream-sync';

/** Where a facility hub keeps its enrollment at the district hub: in its data folder, 0600, like hub.json. */
export const UPSTREAM_FILE = 'upstream.json';

const storedUpstream = z.object({
  url: z.string(),
  fingerprint: z.string(),
  /** The district's certificate (PEM), trusted as the only CA for this connection. */
  certificatePem: z.string(),
  /** `<counterId>.<secret>`, sent as `Authorization: Bearer …`. */
  credential: z.string(),
  /** This hub's name at the district, and the district's (for the log and the status). */
  name: z.string(),
  district: z.string(),
});
export type StoredUpstream = z.infer<typeof storedUpstream>;

export function readUpstream(dataDir: string): StoredUpstream | null {
  const path = join(dataDir, UPSTREAM_FILE);
  if (!existsSync(path)) return null;
  return storedUpstream.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function writeUpstream(dataDir: string, upstream: StoredUpstream): void {
  const path = join(dataDir, UPSTREAM_FILE);
  writeFileSync(path, `${JSON.stringify(upstream, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The district's pinned HTTPS connection with this hub's credential: only list editions cross it. */
export function upstreamClient(upstream: StoredUpstream): UpstreamClient {
  return pinnedTransport({ hubUrl: upstream.url, fingerprint: upstream.fingerprint, certificatePem: upstream.certificatePem, authorization: `Bearer ${upstream.credential}`, timeoutMs: 30_000 });
}
