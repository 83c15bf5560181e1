import type { AuditHeadRequest, AuditHeadResponse, HubHeldHead } from '../../shared/audit-head';
import { HUB_API } from '../../shared/hub-protocol';
import type { Db } from '../store/open-database';
import { HubRefused, type HubTransport } from '../sync/hub-transport';
import { auditHashAt, auditHead, keepAckedHead, lastAckedHead } from './audit-log.repo';

/** At most one head per this long (by the core's clock): a busy counter appends an entry per look-up. */
export const AUDIT_HEAD_EVERY_MS = 60_000;

const lastSent = new WeakMap<Db, number>();

/**
 * A step of the sync round: sends the audit chain's head to the hub when it moved (at most once a
 * minute) and keeps what the hub acknowledged, so `verify` checks the past against it. A head the
 * hub flags is not kept here (it does not fit what the hub holds; the hub's status shows it).
 *
 * The head goes anchored to the last one the hub holds (asked first, never taken from this
 * database, where an attacker could wipe it): this trail's hash at that seq, so a past rewritten
 * or cut is flagged there even once the trail has grown past it again (shared/audit-head.ts).
 * Never fails the round: a hub without the route (older) or a lost answer just means next time.
 */
export async function sendAuditHead(db: Db, transport: HubTransport, now: Date): Promise<'sent' | 'flagged' | 'unchanged' | 'later' | 'failed'> {
  const head = auditHead(db);
  if (!head || head.seq === lastAckedHead(db)?.seq) return 'unchanged';
  const previous = lastSent.get(db);
  if (previous !== undefined && now.getTime() - previous < AUDIT_HEAD_EVERY_MS && now.getTime() >= previous) return 'later';
  lastSent.set(db, now.getTime());
  try {
    const held = await heldHead(transport);
    if (held && held.seq === head.seq && held.hash === head.hash) {
      // The hub has this very head already (a round whose answer was lost, or heads wiped here).
      if (held.flagged) return 'flagged';
      keepAckedHead(db, head, now.toISOString());
      return 'unchanged';
    }
    const request: AuditHeadRequest = held ? { ...head, anchor: { seq: held.seq, hash: auditHashAt(db, held.seq) } } : head;
    const reply = await transport.postJson<AuditHeadResponse>(`${HUB_API}/audit-head`, request);
    if (reply.flag) return 'flagged';
    keepAckedHead(db, head, now.toISOString());
    return 'sent';
  } catch {
    return 'failed';
  }
}

/** The last head the hub holds for this counter; null for none, or from a hub older than the route (the head then goes without anchor). */
async function heldHead(transport: HubTransport): Promise<HubHeldHead['head']> {
  try {
    return (await transport.getJson<HubHeldHead>(`${HUB_API}/audit-head`)).head;
  } catch (error) {
    if (error instanceof HubRefused && error.status === 404) return null;
    throw error;
  }
}
