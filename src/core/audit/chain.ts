import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit log, pure: no database, no clock. Each entry's hash covers the
 * previous entry's hash and a canonical encoding of its own fields, so changing, removing or
 * reordering any entry changes every hash after it. The chain is not keyed: whoever holds the
 * database key can rebuild it from scratch; the heads acknowledged by the facility hub are what
 * detect that (verify.ts).
 */

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  /** The stored JSON text, hashed as stored (never re-encoded). */
  detail: string;
}

export interface ChainedEntry extends ChainFields {
  prevHash: string;
  hash: string;
}

/** One JSON array of the fields in a fixed order: unambiguous, whatever characters a field holds. */
export function canonicalEncoding(fields: ChainFields): string {
  return JSON.stringify([fields.seq, fields.at, fields.actor, fields.action, fields.subject, fields.detail]);
}

export function entryHash(prevHash: string, fields: ChainFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEncoding(fields)).digest('hex');
}

/** JSON with keys sorted at every level, so the same detail always reads the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export type BreakReason = 'gap' | 'prev-hash' | 'hash' | 'head-mismatch' | 'truncated';

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** The seq of the first entry that is not what it was (or the first missing one); null when whole. */
  firstBroken: number | null;
  reason: BreakReason | null;
}

/**
 * Walks entries in seq order. A gap (a deleted entry) names the first missing seq; a changed
 * entry names itself; an entry moved elsewhere breaks at the first place it no longer fits.
 */
export function checkChain(entries: Iterable<ChainedEntry>): ChainCheck {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const entry of entries) {
    count++;
    const broken = (reason: BreakReason, seq: number): ChainCheck => ({ ok: false, entries: count, firstBroken: seq, reason });
    if (entry.seq !== expectedSeq) return broken('gap', Math.min(entry.seq, expectedSeq));
    if (entry.prevHash !== prevHash) return broken('prev-hash', entry.seq);
    if (entryHash(entry.prevHash, entry) !== entry.hash) return broken('hash', entry.seq);
    prevHash = entry.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count, firstBroken: null, reason: null };
}
