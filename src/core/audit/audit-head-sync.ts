import type { AuditHeadResponse } from '../../shared/audit-head';
import { HUB_API } from '../../shared/hub-protocol';
import type { Db } from '../store/open-database';
import type { HubTransport } from '../sync/hub-transport';
import { auditHead, keepAckedHead, lastAckedHead } from './audit-log.repo';

/** At most one head per this long (by the core's clock): a busy counter appends an entry per look-up. */
export const AUDIT_HEAD_EVERY_MS = 60_000;

const lastSent = new WeakMap<Db, number>();

/**
 * A step of the sync round: sends the audit chain's head to the hub when it moved (at most once a
 * minute) and keeps what the hub acknowledged, so `verify` checks the past against it. A head the
 * hub flags is not kept here (it does not fit what the hub holds; the hub's status shows it).
 * Never fails the round: a hub without the route (older) or a lost answer just means next time.
 */
export async function sendAuditHead(db: Db, transport: HubTransport, now: Date): Promise<'sent' | 'flagged' | 'unchanged' | 'later' | 'failed'> {
  const head = auditHead(db);
  if (!head || head.seq === lastAckedHead(db)?.seq) return 'unchanged';
  const previous = lastSent.get(db);
  if (previous !== undefined && now.getTime() - previous < AUDIT_HEAD_EVERY_MS && now.getTime() >= previous) return 'later';
  lastSent.set(db, now.getTime());
  try {
    const reply = await transport.postJson<AuditHeadResponse>(`${HUB_API}/audit-head`, head);
    if (reply.flag) return 'flagged';
    keepAckedHead(db, head, now.toISOString());
    return 'sent';
  } catch {
    return 'failed';
  }
}
