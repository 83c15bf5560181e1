import type { PoolClient } from 'pg';
import type { HubOp } from '../../shared/hub-protocol';

/** The client of the push transaction (revision lock held), and the push's moment. */
export interface PushTx {
  client: PoolClient;
  counterId: string;
  now: Date;
  /** Numeric RM sequence values of patients first seen in this push (the facility sequence moves past them). */
  seenMrns: string[];
  /**
   * How far the pushing counter's clock is ahead of the hub's, measured on this very request
   * (X-Loket-Clock), in seconds; null when it did not say. A pushed visit's queue order time
   * comes from it (src/shared/queue-clock.ts).
   */
  clockAheadS?: number | null;
}

export type OpStatus = 'applied' | 'duplicate' | 'rejected';
export interface OpOutcome {
  status: OpStatus;
  reason?: string;
}
export const applied: OpOutcome = { status: 'applied' };
export const alreadyThere: OpOutcome = { status: 'duplicate' };
export const rejected = (reason: string): OpOutcome => ({ status: 'rejected', reason });

export type OpOf<K extends HubOp['kind']> = Extract<HubOp, { kind: K }>;

/** A revision inline in a statement: callers hold the revision lock (see src/hub/pg/revisions.ts). */
export const NEXT_REV = `nextval('hub_rev')`;
