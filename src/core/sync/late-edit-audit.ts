import type { HubNotice } from '../../shared/hub-protocol';
import { recordFromHub } from '../audit/hub-audit';
import type { Db } from '../store/open-database';

const list = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);

/**
 * The trail's entry for a late edit of a merged record that the hub carried onto the survivor
 * (src/hub/register/late-edit.ts, papertester F7): under the survivor's RM, which fields it took
 * from the merged record (names, never values) and which it did not (re-entered by F3 if right).
 * Written by every counter once, when the hub's notice first arrives: the survivor's new fields
 * come with the same pull.
 */
export function recordLateEditCarried(db: Db, now: Date, notice: Pick<HubNotice, 'kind' | 'params'>): void {
  const carried = list(notice.params.carried);
  if (notice.kind !== 'patient-merged' || carried.length === 0) return;
  recordFromHub(db, now, 'patient-change', notice.params.survivorMrn ?? null, {
    method: 'hubLateEdit',
    mergedMrn: notice.params.mergedMrn ?? '',
    fields: carried,
    notCarried: list(notice.params.changed),
  });
}
