import type { AuditVerifyResult } from '../../shared/audit';
import type { Db } from '../store/open-database';
import { ackedHeads, auditHashAt, auditHead, chainEntries } from './audit-log.repo';
import { checkChain } from './chain';

/**
 * Checks the whole trail: the chain itself (an edited, deleted or moved entry), then every head
 * the hub acknowledged. The chain alone cannot see a past rebuilt from scratch (it is not keyed)
 * nor a cut tail; the heads can: an acknowledged seq that is gone means a cut tail, one whose
 * hash changed means a rewrite somewhere after the previous head that still matches.
 */
export function verifyAuditTrail(db: Db): AuditVerifyResult {
  const chain = checkChain(chainEntries(db));
  const head = auditHead(db);
  const heads = ackedHeads(db);
  const hubHead = heads.at(-1) ?? null;
  const base = { hubHead, head };
  if (!chain.ok) return { ...base, ...chain };
  let lastGood = 0;
  for (const acked of heads) {
    const hash = auditHashAt(db, acked.seq);
    if (hash === null) return { ...base, ok: false, entries: chain.entries, firstBroken: (head?.seq ?? 0) + 1, reason: 'truncated' };
    if (hash !== acked.hash) return { ...base, ok: false, entries: chain.entries, firstBroken: lastGood + 1, reason: 'head-mismatch' };
    lastGood = acked.seq;
  }
  return { ...base, ...chain };
}
