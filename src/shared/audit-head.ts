import { z } from 'zod';

/**
 * A counter's audit chain head, sent to its facility hub (POST /v1/audit-head). The hub keeps
 * every head it receives; a head whose seq went backwards, or an already seen seq with another
 * hash, is flagged: the counter's past was cut or rewritten.
 */
export const auditHeadRequest = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditHeadRequest = z.output<typeof auditHeadRequest>;

export type AuditHeadFlag = 'seq-backwards' | 'hash-changed';

export interface AuditHeadResponse {
  /** Null: kept as the counter's new head. A flag: kept and shown to the hub's administrator. */
  flag: AuditHeadFlag | null;
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
