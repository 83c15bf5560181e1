import type { Pool } from 'pg';
import { decodeEnrollmentCode, exchangeEnrollmentCode } from '../../core/sync/enroll';
import type { DistrictProblem } from '../../shared/district-link';
import type { HubEditionsConfig } from './edition-config';
import type { UpstreamEvent } from './upstream-events';
import { problemOf } from './upstream-problem';
import { UpstreamRecord, type RecordedProblem, type UpstreamMemory } from './upstream-record';
import { loadUpstreamMemory, saveUpstreamMemory } from './upstream-status.repo';
import { readUpstream, upstreamClient, writeUpstream, type StoredUpstream } from './upstream-credential';
import { DEFAULT_UPSTREAM_INTERVAL_MS, startUpstreamSync, type UpstreamRound, type UpstreamSyncHandle } from './upstream-sync';

export interface UpstreamOptions {
  /** A one-time code from the district hub (`loket hub counter add` there): used at the first start only. */
  code?: string;
  /** Another address of the district hub than the code's first. */
  url?: string;
  intervalMs?: number;
}

/** How the link to the district stands, for tests and the status. */
export type UpstreamState =
  | { state: 'enrolling' }
  | { state: 'linked'; upstream: StoredUpstream; sync: UpstreamSyncHandle }
  /** The code was refused or unreadable: nothing more is tried until the hub starts with another. */
  | { state: 'failed'; code: string };

/** What `loket hub status` shows of the link (district-status.ts adds the last edition taken). */
export interface UpstreamView {
  state: UpstreamState['state'];
  url: string | null;
  district: string | null;
  name: string | null;
  lastContact: Date | null;
  lastProblem: RecordedProblem | null;
}

export interface UpstreamLink {
  state(): UpstreamState;
  view(): UpstreamView;
  ready: Promise<UpstreamState>;
  /** Stops the tries; resolves once what the link last heard is kept (before the pool closes). */
  stop(): Promise<void>;
}

const RETRY_MS = 60_000;

/** The failed state's code, as it was before the problems had words: the refusal's own code. */
function failedCode(problem: DistrictProblem): string {
  if (problem.code === 'code-refused') return problem.detail;
  return problem.code === 'wrong-certificate' ? 'hub/certificate-mismatch' : 'hub/internal';
}

/**
 * A facility hub's link to its district hub. At the first start with a code it enrolls exactly as
 * a counter does (the district's certificate pinned by the code's fingerprint before anything is
 * sent) and keeps the credential in `<dataDir>/upstream.json`; from then on every start uses the
 * stored one (a code given again is ignored: delete the file to enroll anew). Then the upstream
 * sync runs (at start and every interval). The hub serves its counters meanwhile: an unreachable
 * district is retried every minute and never delays the start. Everything it has to say goes to
 * `report` as a code with values (upstream-events.ts), worded by whoever prints it.
 */
export function startUpstreamLink(pool: Pool, editions: HubEditionsConfig, options: UpstreamOptions, report: (event: UpstreamEvent) => void): UpstreamLink {
  let state: UpstreamState = { state: 'enrolling' };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  // Kept in PostgreSQL one write after another, so the last change is the one that stays. A
  // failed write costs only the status after a restart: the next change writes it all again.
  let saving = Promise.resolve();
  const remember = (memory: UpstreamMemory): void => {
    saving = saving.then(() => saveUpstreamMemory(pool, memory)).catch(() => undefined);
  };
  const record = new UpstreamRecord(report, remember);
  // Taken before the first try, which then continues the story (a trouble keeps its `since`).
  const restored = loadUpstreamMemory(pool)
    .then((memory) => memory && record.restore(memory))
    .catch(() => undefined);
  const everyMs = options.intervalMs ?? DEFAULT_UPSTREAM_INTERVAL_MS;
  const everyMinutes = Math.max(1, Math.round(everyMs / 60_000));
  // The same refused file comes back every round until the district replaces it: said once.
  const refusedFiles = new Set<string>();
  let enrollingSaid = false;
  /** Where the enrollment goes (before upstream.json exists); null when the code cannot be read. */
  const enrollUrl = (): string | null => {
    if (options.url) return options.url;
    try {
      return decodeEnrollmentCode(options.code ?? '').urls[0] ?? null;
    } catch {
      return null;
    }
  };
  const roundDone = (upstream: StoredUpstream) => (round: UpstreamRound): void => {
    if ('error' in round) return record.met(problemOf(round.error, 'linked', upstream.url, everyMs), round.at);
    record.answered(round.at, { district: upstream.district, url: upstream.url });
    for (const o of round.outcomes) {
      if (o.outcome === 'stored') report({ code: 'edition-received', list: o.list, asOf: o.asOf, members: o.members, current: o.current });
      if (o.outcome === 'refused' && !refusedFiles.has(o.fileSha256)) {
        refusedFiles.add(o.fileSha256);
        report({ code: 'edition-refused', list: o.list, asOf: o.asOf, reason: o.code, everyMinutes });
      }
    }
  };
  const link = (upstream: StoredUpstream): UpstreamState => {
    report({ code: 'linked', district: upstream.district, url: upstream.url, name: upstream.name, everyMinutes });
    const sync = startUpstreamSync(pool, editions, upstreamClient(upstream), { url: upstream.url, fingerprint: upstream.fingerprint, credential: upstream.credential, intervalMs: everyMs, onRound: roundDone(upstream) });
    return { state: 'linked', upstream, sync };
  };
  const attempt = async (): Promise<UpstreamState> => {
    const stored = readUpstream(editions.dataDir);
    if (stored) return link(stored);
    const url = enrollUrl();
    if (!options.code) {
      record.met({ code: 'code-refused', detail: 'hub/upstream-needs-code', url: url ?? '', retryMinutes: null }, new Date());
      return { state: 'failed', code: 'hub/upstream-needs-code' };
    }
    if (!enrollingSaid && url) report({ code: 'enrolling', url });
    enrollingSaid = true;
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
      record.answered(new Date(), { district: upstream.district, url: upstream.url });
      return link(upstream);
    } catch (error) {
      const problem = problemOf(error, 'enrolling', url ?? '', RETRY_MS);
      record.met(problem, new Date());
      return problem.retryMinutes === null ? { state: 'failed', code: failedCode(problem) } : { state: 'enrolling' };
    }
  };
  const ready = new Promise<UpstreamState>((resolve) => {
    const run = (): void => {
      void restored.then(attempt).then((next) => {
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
    view() {
      const stored = state.state === 'linked' ? state.upstream : null;
      return { state: state.state, url: stored?.url ?? enrollUrl(), district: stored?.district ?? null, name: stored?.name ?? null, lastContact: record.lastContact(), lastProblem: record.lastProblem() };
    },
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (state.state === 'linked') state.sync.stop();
      await saving;
    },
  };
}
