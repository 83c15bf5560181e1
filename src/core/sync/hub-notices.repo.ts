import type { HubNotice } from '../../shared/hub-protocol';
import type { Db } from '../store/open-database';

/** The notices' kinds: the hub's, and the counter's own (pull-deferred.ts, resend-history.ts, merge-reversed.ts). */
export type NoticeKind = HubNotice['kind'] | 'pull-stuck' | 'register-resent' | 'merge-reversed';

/** A notice from the hub (applyPull writes them) or the counter's own, with when a person saw it. */
export interface StoredNotice extends Omit<HubNotice, 'kind'> {
  kind: NoticeKind;
  seenAt: string | null;
}

interface NoticeRow {
  uid: string;
  kind: NoticeKind;
  at: string;
  subjects: string;
  params: string;
  seenAt: string | null;
}

/** The notices nobody has looked at yet, oldest first (words come from the kind and params, in the renderer). */
export function unseenNotices(db: Db): StoredNotice[] {
  const rows = db.prepare('SELECT uid, kind, at, subjects, params, seen_at AS seenAt FROM hub_notices WHERE seen_at IS NULL ORDER BY at, uid').all() as NoticeRow[];
  return rows.map((r) => ({ ...r, subjects: JSON.parse(r.subjects) as string[], params: JSON.parse(r.params) as Record<string, string> }));
}

/** A person saw the notice; seeing it again keeps the first time. */
export function markNoticeSeen(db: Db, uid: string, at: Date): void {
  db.prepare('UPDATE hub_notices SET seen_at = coalesce(seen_at, ?) WHERE uid = ?').run(at.toISOString(), uid);
}
