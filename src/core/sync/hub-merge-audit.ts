import { recordFromHub } from '../audit/hub-audit';
import type { Db } from '../store/open-database';

export interface HubMerge {
  survivorId: number;
  mergedMrn: string;
  mergedName: string;
  /** The merged record's visits kept here that went to the survivor (0: it had none here, or was never here). */
  visitsMoved: number;
}

/**
 * The trail's entry for a merge this counter learns from the hub (made at another counter or at
 * the hub): under the survivor's RM, as a merge made here is written (patient-merge-rule.ts), by
 * the hub. Without it a record vanished from this counter's search with nothing on its trail to
 * say where it went. Written once, when the merge first arrives; a merge made here is on the
 * trail already and is never written again.
 */
export function recordHubMerge(db: Db, now: Date, merge: HubMerge): void {
  const survivor = db.prepare('SELECT mrn FROM patients WHERE id = ?').get(merge.survivorId) as { mrn: string } | undefined;
  recordFromHub(db, now, 'patient-merge', survivor?.mrn ?? null, {
    method: 'hubMerge',
    mergedMrn: merge.mergedMrn,
    mergedName: merge.mergedName,
    visitsMoved: merge.visitsMoved,
  });
}
