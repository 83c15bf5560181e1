import type { Pool } from 'pg';
import type { HubTransport } from '../../core/sync/hub-transport';
import { EDITIONS_PATH, editionDownloadPath, editionManifest } from '../../core/sync/edition-wire';
import { HubError } from '../http/route';
import type { HubEditionsConfig } from './edition-config';
import { takeEdition } from './edition-intake';
import { editionByFile } from './hub-editions.repo';

/**
 * Where a facility hub takes the lists its district publishes: the district hub's URL, its
 * certificate's SHA-256 fingerprint (pinned) and the credential the facility hub got by
 * enrolling there like a counter (`<id>.<secret>`). The connection is the counter's pinned
 * HubTransport made with these three; only list editions ever cross it, never patient data.
 */
export interface UpstreamConfig {
  url: string;
  fingerprint: string;
  credential: string;
  /** How often to look; 15 minutes by default. */
  intervalMs?: number;
}

/** Only what the upstream sync uses of a transport: read the manifest, download a file. */
export type UpstreamClient = Pick<HubTransport, 'getJson' | 'download'>;

export type UpstreamOutcome =
  | { list: string; outcome: 'stored' | 'already-held'; fileSha256: string }
  | { list: string; outcome: 'refused'; code: string; fileSha256: string };

/**
 * One round: the upstream's manifest (each list's current edition there), and every file this
 * hub does not hold yet is downloaded and taken exactly as an upload is (same checks), recorded
 * as `source = 'upstream'`. It then becomes the list's current edition here when its as-of is
 * the newest, and counters fetch it as any other. A hub that was off for a month fetches only
 * the current edition of each list. Throws the client's HubUnreachable / HubRefused when the
 * manifest cannot be had.
 */
export async function syncFromUpstream(pool: Pool, config: HubEditionsConfig, upstream: UpstreamClient, from: string, now: () => Date = () => new Date()): Promise<UpstreamOutcome[]> {
  const manifest = editionManifest.parse(await upstream.getJson<unknown>(EDITIONS_PATH));
  const outcomes: UpstreamOutcome[] = [];
  for (const entry of manifest.editions) {
    if (await editionByFile(pool, entry.fileSha256)) {
      outcomes.push({ list: entry.list, outcome: 'already-held', fileSha256: entry.fileSha256 });
      continue;
    }
    try {
      const body = await upstream.download(editionDownloadPath(entry.fileSha256));
      // The district's transfer key comes with its manifest and is passed on to this hub's counters with the file.
      const declared = { list: entry.list, kind: entry.kind, asOf: entry.asOf, contentHash: entry.contentHash, fileSha256: entry.fileSha256, ...(entry.transferKey ? { transferKey: entry.transferKey } : {}) };
      await takeEdition(pool, config, body, declared, { source: 'upstream', uploadedBy: `upstream:${from}` }, now);
      outcomes.push({ list: entry.list, outcome: 'stored', fileSha256: entry.fileSha256 });
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      outcomes.push({ list: entry.list, outcome: 'refused', code: String(error.params.reason ?? error.code), fileSha256: entry.fileSha256 });
    }
  }
  return outcomes;
}

export interface UpstreamSyncHandle {
  /** The last round's outcomes or error (for the hub's status page and logs). */
  last(): { at: Date; outcomes: UpstreamOutcome[] } | { at: Date; error: string } | null;
  /** Runs a round now (also what the timer does); rounds never overlap. */
  runNow(): Promise<void>;
  stop(): void;
}

/** Runs syncFromUpstream at start and then every intervalMs, one round at a time; an unreachable district only waits for the next round. */
export function startUpstreamSync(pool: Pool, config: HubEditionsConfig, upstream: UpstreamClient, options: UpstreamConfig): UpstreamSyncHandle {
  let last: ReturnType<UpstreamSyncHandle['last']> = null;
  let running: Promise<void> | null = null;
  const round = (): Promise<void> => {
    running ??= syncFromUpstream(pool, config, upstream, options.url)
      .then((outcomes) => void (last = { at: new Date(), outcomes }))
      .catch((error: unknown) => void (last = { at: new Date(), error: error instanceof Error ? error.message : String(error) }))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void round(), options.intervalMs ?? 15 * 60_000);
  timer.unref();
  void round();
  return { last: () => last, runNow: round, stop: () => clearInterval(timer) };
}
