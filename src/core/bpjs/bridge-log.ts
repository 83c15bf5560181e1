// The bridge log: one row per call to BPJS, for the IT officer who must show what was asked and
// when. Identifiers are masked and no credential is ever written.
import { maskIdentifiers } from '../../shared/masking';
import { EXPORT_WORDS } from '../reports/export-words';
import { localDateTime, writeTable, type ExportFormat } from '../export/table-writer';
import type { Lang } from '../../shared/i18n/messages';
import type { Db } from '../store/open-database';
import type { BpjsCall, BpjsClientConfig } from './client';
import type { BpjsService } from './types';

export interface BridgeLogRow {
  id: number;
  at: string; // ISO UTC
  service: BpjsService;
  endpoint: string; // identifiers masked
  durationMs: number;
  outcome: string; // 'ok' | 'not-found' | a BpjsFailureReason
  metaCode: string | null;
  retries: number;
}

/** Masks every NIK (16 digits) and card number (13 digits) in a request path (the one masking rule, src/shared/masking.ts). */
export function maskEndpoint(path: string): string {
  return maskIdentifiers(path);
}

/** Records one client call. */
export function recordBridgeCall(db: Db, call: BpjsCall, at: Date): void {
  const { result } = call;
  const outcome = result.ok ? (result.member || call.probe ? 'ok' : 'not-found') : result.reason;
  const metaCode = result.metaCode ?? null;
  db.prepare(
    `INSERT INTO bridge_log (at, service, endpoint, duration_ms, outcome, meta_code, retries) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(at.toISOString(), call.service, maskEndpoint(call.path), Math.max(0, Math.round(result.tookMs)), outcome, metaCode, call.retries);
}

/** A client config that logs every call into `db`. */
export function withBridgeLog(db: Db, config: BpjsClientConfig, now: () => Date = () => new Date()): BpjsClientConfig {
  const previous = config.onCall;
  return {
    ...config,
    onCall: (call) => {
      recordBridgeCall(db, call, now());
      previous?.(call);
    },
  };
}

/** Newest first. */
export function readBridgeLog(db: Db, options: { limit?: number } = {}): BridgeLogRow[] {
  const limit = Math.max(1, Math.min(options.limit ?? 100, 100_000));
  const rows = db
    .prepare(`SELECT id, at, service, endpoint, duration_ms, outcome, meta_code, retries FROM bridge_log ORDER BY id DESC LIMIT ?`)
    .all(limit) as { id: number; at: string; service: BpjsService; endpoint: string; duration_ms: number; outcome: string; meta_code: string | null; retries: number }[];
  // Masked again on the way out: rows written before the one masking rule stay safe too.
  return rows.map((r) => ({ id: r.id, at: r.at, service: r.service, endpoint: maskIdentifiers(r.endpoint), durationMs: r.duration_ms, outcome: r.outcome, metaCode: r.meta_code, retries: r.retries }));
}

/**
 * Writes the log (newest first) as CSV or XLSX. With `lang` (what the app's export passes) the
 * headers and outcomes are in that language and times are the facility's wall clock
 * (`timeZone`); without it, the machine columns of old (UTC instants, outcome keys) for scripts.
 */
export async function exportBridgeLog(db: Db, path: string, options: { limit?: number; format?: ExportFormat; lang?: Lang; timeZone?: string } = {}): Promise<number> {
  const rows = readBridgeLog(db, { limit: options.limit ?? 100_000 });
  const { lang } = options;
  await writeTable(
    path,
    options.format ?? 'csv',
    lang
      ? {
          sheet: EXPORT_WORDS[lang].sheet.bridge,
          headers: EXPORT_WORDS[lang].bridge,
          rows: rows.map((r) => [localDateTime(r.at, options.timeZone ?? 'Asia/Jakarta'), r.service, r.endpoint, r.durationMs, EXPORT_WORDS[lang].bridgeOutcome[r.outcome] ?? r.outcome, r.metaCode, r.retries]),
        }
      : {
          sheet: 'Bridge log',
          headers: ['at', 'service', 'endpoint', 'duration_ms', 'outcome', 'meta_code', 'retries'],
          rows: rows.map((r) => [r.at, r.service, r.endpoint, r.durationMs, r.outcome, r.metaCode, r.retries]),
        },
  );
  return rows.length;
}

/** How long the bridge log keeps calls: long enough for any dispute with BPJS about a claim month. */
export const BRIDGE_LOG_DAYS = 180;

/** Drops calls older than BRIDGE_LOG_DAYS (run at start). */
export function pruneBridgeLog(db: Db, now: Date): number {
  const cutoff = new Date(now.getTime() - BRIDGE_LOG_DAYS * 86_400_000).toISOString();
  return db.prepare('DELETE FROM bridge_log WHERE at < ?').run(cutoff).changes;
}
