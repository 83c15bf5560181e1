import type { Payer } from './counter';
import type { SourceKind } from './lists';
import type { MemberMatch, Verdict } from './lookup';

/**
 * Lists whose active members BPJS Kesehatan covers (JKN): its own, PBI APBN, PBI APBD (the regency
 * pays their premium to BPJS; they hold a JKN card and the claim goes to BPJS), a live BPJS answer.
 */
const JKN_KINDS: readonly SourceKind[] = ['bpjs', 'pbi-apbn', 'pbi-apbd', 'bpjs-live'];
/** Lists of a regional scheme outside JKN, which the regency pays the facility for directly. */
const REGENCY_KINDS: readonly SourceKind[] = ['jamkesda'];

/**
 * The payer Loket proposes from the check (the clerk may choose another; it changes nothing in the
 * service). `jkn` when the patient is active on a BPJS, PBI APBN or PBI APBD list or in a live BPJS answer;
 * `jamkesda` when the active basis is only a Jamkesda list; otherwise `pending` (to be settled
 * later): not active, not found, not checked, or active only on a list that pays nothing (e.g. DTKS).
 */
export function derivePayer(verdict: Verdict | null, basis: readonly MemberMatch[]): Payer {
  if (verdict !== 'eligible') return 'pending';
  const active = basis.filter((m) => m.status === 'active');
  if (active.some((m) => JKN_KINDS.includes(m.list.kind))) return 'jkn';
  if (active.some((m) => REGENCY_KINDS.includes(m.list.kind))) return 'jamkesda';
  return 'pending';
}
