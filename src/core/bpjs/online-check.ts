// One online check, as the CLI (and later the app) does it: ask BPJS, log the call, keep the answer.
import type { Db } from '../store/open-database';
import { withBridgeLog } from './bridge-log';
import { BpjsClient, type BpjsClientConfig } from './client';
import { storeLiveAnswer } from './live-answers';
import type { BpjsFailureReason, BpjsService } from './types';

export type OnlineCheck =
  | { ok: true; service: BpjsService; found: boolean; metaCode: string; tookMs: number }
  | { ok: false; service: BpjsService; reason: BpjsFailureReason; detail: string; metaCode?: string; tookMs: number };

/** Never throws for a BPJS problem: the outcome says what happened. A found member is stored as the live answer. */
export async function onlineCheck(db: Db, config: BpjsClientConfig, by: { nik: string } | { card: string }, now: () => Date = () => new Date()): Promise<OnlineCheck> {
  const client = new BpjsClient(withBridgeLog(db, { ...config, now: config.now ?? now }, now));
  const result = 'nik' in by ? await client.byNik(by.nik) : await client.byCard(by.card);
  if (!result.ok) {
    const failure: OnlineCheck = { ok: false, service: config.service, reason: result.reason, detail: result.detail, tookMs: result.tookMs };
    if (result.metaCode !== undefined) failure.metaCode = result.metaCode;
    return failure;
  }
  if (result.member) storeLiveAnswer(db, result.member, config.service, now(), by);
  return { ok: true, service: config.service, found: result.member !== null, metaCode: result.metaCode, tookMs: result.tookMs };
}
