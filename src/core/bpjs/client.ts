// The online eligibility check against BPJS VClaim or PCare. Every call resolves to a result
// object: the counter never waits on an exception from a slow or dead service.
import { performance } from 'node:perf_hooks';
import { isoDateInZone } from '../../shared/dates';
import { CircuitBreaker } from './circuit-breaker';
import { signature } from './crypto';
import { readEnvelope, type EnvelopeOutcome } from './envelope';
import { BpjsShapeError, mapPCarePeserta, mapVClaimPeserta } from './map-member';
import type { BpjsFailureReason, BpjsResult, BpjsService, LiveMember } from './types';

export interface BpjsClientConfig {
  service: BpjsService;
  baseUrl: string; // e.g. https://apijkn.bpjs-kesehatan.go.id/vclaim-rest
  consId: string;
  secret: string;
  userKey: string;
  pcareUser?: string;
  pcarePass?: string;
  pcareApp?: string; // default '095'
  timeoutMs?: number; // per attempt; default 5000
  timeZone?: string; // facility zone for VClaim's tglSEP; default Asia/Jakarta (WIB)
  now?: () => Date;
  breaker?: CircuitBreaker; // shared so a status bar can watch it; default one per client
  /** Told about every call that reached the network step (or the breaker): for the bridge log. Never given a secret. */
  onCall?: (call: BpjsCall) => void;
}

/** One call as the bridge log sees it: the path (identifiers unmasked: mask before storing), the retries, the result. */
export interface BpjsCall {
  service: BpjsService;
  path: string;
  /** A ping (no member asked): its success is 'ok' even without a member. */
  probe?: boolean;
  retries: number;
  result: BpjsResult;
}

type Attempt = { kind: 'http'; status: number; body: string; timestamp: string } | { kind: 'network'; reason: 'offline' | 'timeout'; detail: string };

const NIK = /^\d{16}$/;
const CARD = /^\d{13}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class BpjsClient {
  readonly breaker: CircuitBreaker;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly config: BpjsClientConfig) {
    this.base = config.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = config.timeoutMs ?? 5000;
    this.now = config.now ?? (() => new Date());
    this.breaker = config.breaker ?? new CircuitBreaker({ now: () => this.now().getTime() });
  }

  /** Member by NIK. `serviceDate` (yyyy-MM-dd) is VClaim's tglSEP, default today in the facility's zone. */
  async byNik(nik: string, serviceDate?: string): Promise<BpjsResult> {
    if (!NIK.test(nik)) return invalid(`NIK must be 16 digits`);
    return this.config.service === 'vclaim' ? this.vclaim('nik', nik, serviceDate) : this.run(`/peserta/nik/${nik}`, mapPCarePeserta);
  }

  /** Member by 13-digit card number. */
  async byCard(card: string, serviceDate?: string): Promise<BpjsResult> {
    if (!CARD.test(card)) return invalid(`card number must be 13 digits`);
    return this.config.service === 'vclaim' ? this.vclaim('nokartu', card, serviceDate) : this.run(`/peserta/${card}`, mapPCarePeserta);
  }

  /**
   * A cheap signed call that names no member (VClaim's province list, PCare's levels of
   * consciousness): tells whether the service is there and takes our credentials and clock.
   */
  async ping(): Promise<BpjsResult> {
    return this.run(this.config.service === 'vclaim' ? '/referensi/propinsi' : '/kesadaran', () => null, true);
  }

  private vclaim(by: 'nik' | 'nokartu', id: string, serviceDate: string | undefined): Promise<BpjsResult> {
    const day = serviceDate ?? isoDateInZone(this.now(), this.config.timeZone ?? 'Asia/Jakarta');
    if (!ISO_DAY.test(day)) return Promise.resolve(invalid('tglSEP must be yyyy-MM-dd'));
    return this.run(`/Peserta/${by}/${id}/tglSEP/${day}`, mapVClaimPeserta);
  }

  private async run(path: string, map: (payload: unknown) => LiveMember | null, probe = false): Promise<BpjsResult> {
    const started = performance.now();
    const took = (): number => Math.round(performance.now() - started);
    let retries = 0;
    const report = (result: BpjsResult): BpjsResult => {
      try {
        this.config.onCall?.({ service: this.config.service, path, probe, retries, result });
      } catch {
        // A failing logger must not turn an answer into an exception.
      }
      return result;
    };
    if (!this.breaker.tryAcquire()) {
      const at = this.breaker.retryAt;
      return report({ ok: false, reason: 'breaker-open', detail: at === null ? 'paused' : `paused until ${new Date(at).toISOString()}`, tookMs: took() });
    }
    try {
      let outcome = await this.attempt(path);
      // One quiet retry: a dropped connection or a 5xx is often gone a moment later.
      if (outcome.kind === 'failure' && outcome.retry) {
        retries = 1;
        outcome = await this.attempt(path);
      }
      const result = this.toResult(outcome, map, took);
      if (!result.ok && countsAgainstService(result.reason)) this.breaker.fail();
      else this.breaker.succeed();
      return report(result);
    } catch (error) {
      // Only a bug can get here; still no exception crosses this API.
      this.breaker.release();
      return report({ ok: false, reason: 'bad-response', detail: `internal: ${(error as Error).message}`, tookMs: took() });
    }
  }

  private async attempt(path: string): Promise<EnvelopeOutcome> {
    const answer = await this.send(path);
    if (answer.kind === 'network') return { kind: 'failure', reason: answer.reason, detail: answer.detail, retry: true };
    return readEnvelope(answer.status, answer.body, { consId: this.config.consId, secret: this.config.secret, timestamp: answer.timestamp });
  }

  private async send(path: string): Promise<Attempt> {
    // One timestamp per request, used for the signature header and for decrypting the answer.
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const headers: Record<string, string> = {
      'X-cons-id': this.config.consId,
      'X-timestamp': timestamp,
      'X-signature': signature(this.config.consId, this.config.secret, timestamp),
      user_key: this.config.userKey,
      Accept: 'application/json',
    };
    if (this.config.service === 'pcare') {
      const auth = `${this.config.pcareUser ?? ''}:${this.config.pcarePass ?? ''}:${this.config.pcareApp ?? '095'}`;
      headers['X-authorization'] = 'Basic ' + Buffer.from(auth, 'utf8').toString('base64');
    }
    try {
      // The signal covers the body too, so a server that stalls mid-answer also times out.
      const response = await fetch(this.base + path, { method: 'GET', headers, signal: AbortSignal.timeout(this.timeoutMs) });
      const body = await response.text();
      return { kind: 'http', status: response.status, body, timestamp };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'network', reason: 'timeout', detail: `no answer within ${this.timeoutMs} ms` };
      return { kind: 'network', reason: 'offline', detail: networkDetail(error) };
    }
  }

  private toResult(outcome: EnvelopeOutcome, map: (payload: unknown) => LiveMember | null, took: () => number): BpjsResult {
    if (outcome.kind === 'not-found') return { ok: true, member: null, metaCode: outcome.metaCode, tookMs: took() };
    if (outcome.kind === 'failure') {
      const failure: BpjsResult = { ok: false, reason: outcome.reason, detail: outcome.detail, tookMs: took() };
      if (outcome.metaCode !== undefined) failure.metaCode = outcome.metaCode;
      return failure;
    }
    try {
      return { ok: true, member: map(outcome.payload), metaCode: outcome.metaCode, tookMs: took() };
    } catch (error) {
      if (error instanceof BpjsShapeError) return { ok: false, reason: 'bad-response', detail: error.message, metaCode: outcome.metaCode, tookMs: took() };
      throw error;
    }
  }
}

/** Failures that say the service is unreachable or unhealthy. Credentials and clock problems are ours to fix, not a reason to stop calling. */
function countsAgainstService(reason: BpjsFailureReason): boolean {
  return reason === 'offline' || reason === 'timeout' || reason === 'service-down' || reason === 'bad-response';
}

function invalid(detail: string): BpjsResult {
  return { ok: false, reason: 'bad-response', detail: `not sent: ${detail}`, tookMs: 0 };
}

/** fetch hides the real cause (ECONNREFUSED, ENOTFOUND) one level down. */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}
