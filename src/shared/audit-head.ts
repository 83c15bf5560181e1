import { z } from 'zod';

const hash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A counter's audit chain head, sent to its facility hub (POST /v1/audit-head). The hub keeps
 * every head it receives; a head whose seq went backwards, or an already seen seq with another
 * hash, is flagged: the counter's past was cut or rewritten.
 *
 * `anchor`: the counter's own hash at the seq of the last head the hub holds for it (asked with
 * GET /v1/audit-head just before; null when its trail has no entry there). It ties the new head
 * to the one before: a past rewritten or cut and grown again past that seq is flagged even though
 * the new seq is higher. An older counter sends none, and is checked as before.
 */
export const auditHeadRequest = z.object({
  seq: z.number().int().positive(),
  hash,
  anchor: z.object({ seq: z.number().int().positive(), hash: hash.nullable() }).optional(),
});
export type AuditHeadRequest = z.output<typeof auditHeadRequest>;

export type AuditHeadFlag = 'seq-backwards' | 'hash-changed';

export interface AuditHeadResponse {
  /** Null: kept as the counter's new head. A flag: kept and shown to the hub's administrator. */
  flag: AuditHeadFlag | null;
}

/** GET /v1/audit-head: the last head the hub holds for the calling counter (null: none yet), and whether it was flagged. */
export interface HubHeldHead {
  head: { seq: number; hash: string; flagged: boolean } | null;
}

/** What `loket hub status` shows per counter. */
export interface CounterAuditHead {
  seq: number;
  hash: string;
  receivedAt: string;
  /** Heads of this counter the hub flagged, ever (any above 0 needs a look). */
  flagged: number;
  /** The latest flag, if any. */
  lastFlag: AuditHeadFlag | null;
}
