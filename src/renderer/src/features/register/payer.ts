import type { Payer } from '../../../../shared/counter';
import type { SourceKind } from '../../../../shared/lists';
import type { MemberMatch, Verdict } from '../../../../shared/lookup';

/** Lists whose active members BPJS Kesehatan pays for (JKN): its own, PBI APBN, and a live BPJS answer. */
const JKN_KINDS: readonly SourceKind[] = ['bpjs', 'pbi-apbn', 'bpjs-live'];
/** Lists the regency pays for: Jamkesda and PBI daerah (APBD). */
const REGENCY_KINDS: readonly SourceKind[] = ['jamkesda', 'pbi-apbd'];

/**
 * The payer Loket proposes from the check (the clerk may choose another; it changes nothing in the
 * service). `jkn` when the patient is active on a BPJS or PBI APBN list or in a live BPJS answer;
 * `jamkesda` when the active basis is only Jamkesda / PBI APBD; otherwise `pending` (to be settled
 * later): not active, not found, not checked, or active only on a list that pays nothing (e.g. DTKS).
 */
export function derivePayer(verdict: Verdict | null, basis: readonly MemberMatch[]): Payer {
  if (verdict !== 'eligible') return 'pending';
  const active = basis.filter((m) => m.status === 'active');
  if (active.some((m) => JKN_KINDS.includes(m.list.kind))) return 'jkn';
  if (active.some((m) => REGENCY_KINDS.includes(m.list.kind))) return 'jamkesda';
  return 'pending';
}
