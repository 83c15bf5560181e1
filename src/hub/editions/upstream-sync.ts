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
  /** How often to look; DEFAULT_UPSTREAM_INTERVAL_MS by default. */
  intervalMs?: number;
  /** Told after every round (the link's log and status): what it took, or why it failed (the error as thrown). */
  onRound?: (round: UpstreamRound) => void;
}

/** A district publishes a few editions a month: looking every 15 minutes is soon enough and costs nothing. */
export const DEFAULT_UPSTREAM_INTERVAL_MS = 15 * 60_000;

export type UpstreamRound = { at: Date; outcomes: UpstreamOutcome[] } | { at: Date; error: unknown };

/** Only what the upstream sync uses of a transport: read the manifest, download a file. */
export type UpstreamClient = Pick<HubTransport, 'getJson' | 'download'>;

export type UpstreamOutcome =
  /** current: it became the list's current edition here (false: this hub holds a newer one). */
  | { list: string; outcome: 'stored'; fileSha256: string; asOf: string; members: number; current: boolean }
  | { list: string; outcome: 'already-held'; fileSha256: string; asOf: string }
  | { list: string; outcome: 'refused'; code: string; fileSha256: string; asOf: string };

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
      outcomes.push({ list: entry.list, outcome: 'already-held', fileSha256: entry.fileSha256, asOf: entry.asOf });
      continue;
    }
    try {
      const body = await upstream.download(editionDownloadPath(entry.fileSha256));
      // The district's transfer key comes with its manifest and is passed on to this hub's counters with the file.
      const declared = { list: entry.list, kind: entry.kind, asOf: entry.asOf, contentHash: entry.contentHash, fileSha256: entry.fileSha256, ...(entry.transferKey ? { transferKey: entry.transferKey } : {}) };
      const taken = await takeEdition(pool, config, body, declared, { source: 'upstream', uploadedBy: `upstream:${from}` }, now);
      outcomes.push({ list: entry.list, outcome: 'stored', fileSha256: entry.fileSha256, asOf: entry.asOf, members: taken.edition.members, current: taken.current });
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      outcomes.push({ list: entry.list, outcome: 'refused', code: String(error.params.reason ?? error.code), fileSha256: entry.fileSha256, asOf: entry.asOf });
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
      .then((outcomes): UpstreamRound => {
        last = { at: new Date(), outcomes };
        return last;
      })
      .catch((error: unknown): UpstreamRound => {
        last = { at: new Date(), error: error instanceof Error ? error.message : String(error) };
        return { at: last.at, error };
      })
      .then((round) => options.onRound?.(round))
      // A report that fails (a closed log) must not stop the rounds; said as the hub's other internal failures are.
      .catch((error: unknown) => console.error(`hub: district link report failed: ${String(error)}`))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void round(), options.intervalMs ?? DEFAULT_UPSTREAM_INTERVAL_MS);
  timer.unref();
  void round();
  return { last: () => last, runNow: round, stop: () => clearInterval(timer) };
}
