// Reads whatever came back from a BPJS gateway into one of a few outcomes. The gateway answers
// with JSON envelopes, HTML error pages, empty bodies or nothing; each has its meaning here.
import { BpjsCryptoError, decryptResponse } from './crypto';
import type { BpjsFailureReason } from './types';

export type EnvelopeOutcome =
  | { kind: 'data'; metaCode: string; payload: unknown }
  | { kind: 'not-found'; metaCode: string; message: string }
  | { kind: 'failure'; reason: BpjsFailureReason; detail: string; metaCode?: string; retry: boolean };

export interface DecryptKey {
  consId: string;
  secret: string;
  timestamp: string;
}

// metaData codes meaning "no data": VClaim uses 201, PCare also answers 204 (no content).
const NOT_FOUND_CODES = new Set(['201', '204']);
// The gateway rejects a request whose X-timestamp is too far from its own clock; the exact
// wording is not documented, so any message about time counts ("timestamp", "time", "waktu").
const CLOCK_WORDS = /time\s*stamp|\btime\b|waktu/i;

function snippet(body: string): string {
  const flat = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 117) + '...' : flat;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Classifies an HTTP answer; decrypts `response` with the same timestamp the request carried. */
export function readEnvelope(httpStatus: number, body: string, key: DecryptKey): EnvelopeOutcome {
  if (httpStatus === 401 || httpStatus === 403) {
    return { kind: 'failure', reason: 'credentials', detail: `HTTP ${httpStatus}: ${snippet(body) || 'no body'}`, retry: false };
  }
  if (httpStatus >= 500) {
    return { kind: 'failure', reason: 'service-down', detail: `HTTP ${httpStatus}: ${snippet(body) || 'no body'}`, retry: true };
  }
  const trimmed = body.trim();
  if (trimmed === '') return { kind: 'failure', reason: 'bad-response', detail: `HTTP ${httpStatus} with an empty body`, retry: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed) as unknown;
  } catch {
    const what = trimmed.startsWith('<') ? 'an HTML page' : 'a body that is not JSON';
    return { kind: 'failure', reason: 'bad-response', detail: `HTTP ${httpStatus} with ${what}: ${snippet(trimmed)}`, retry: false };
  }
  const meta = isObject(parsed) ? (parsed.metaData ?? parsed.metadata) : undefined;
  if (!isObject(meta) || (typeof meta.code !== 'string' && typeof meta.code !== 'number')) {
    return { kind: 'failure', reason: 'bad-response', detail: `HTTP ${httpStatus}: JSON without metaData.code`, retry: false };
  }
  const metaCode = String(meta.code).trim();
  const message = typeof meta.message === 'string' ? meta.message.trim() : '';
  if (metaCode !== '200') {
    if (CLOCK_WORDS.test(message)) return { kind: 'failure', reason: 'clock', detail: message, metaCode, retry: false };
    if (NOT_FOUND_CODES.has(metaCode)) return { kind: 'not-found', metaCode, message };
    if (metaCode === '401' || metaCode === '403') return { kind: 'failure', reason: 'credentials', detail: message || `metaData ${metaCode}`, metaCode, retry: false };
    return { kind: 'failure', reason: 'bad-response', detail: `metaData ${metaCode}: ${message}`, metaCode, retry: false };
  }
  const response = (parsed as Record<string, unknown>).response;
  if (isObject(response)) return { kind: 'data', metaCode, payload: response }; // a gateway that skips encryption
  if (typeof response !== 'string' || response.trim() === '') {
    return { kind: 'failure', reason: 'bad-response', detail: 'metaData 200 without a response', metaCode, retry: false };
  }
  try {
    return { kind: 'data', metaCode, payload: decryptResponse(response, key.consId, key.secret, key.timestamp) };
  } catch (error) {
    if (error instanceof BpjsCryptoError) return { kind: 'failure', reason: 'bad-response', detail: `${error.code}: ${error.message}`, metaCode, retry: false };
    throw error;
  }
}
