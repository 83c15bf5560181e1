import type { Pool, PoolClient } from 'pg';
import { ADMIN_ACTOR_HEADER, MAX_ADMIN_LOG_PAGE, type HubAdminAction, type HubAdminEntry, type HubAdminLogPage } from '../../shared/hub-admin-log';
import type { HubRequest } from '../http/route';

export interface AdminLogRecord {
  at: Date;
  actor: string;
  action: HubAdminAction;
  subject?: string | null;
  /** What changed: field names, a role, a list's as-of date; never a secret or a hash. */
  detail?: Record<string, unknown>;
}

/**
 * Appends one entry. Given the transaction's client, the entry commits with the change it
 * describes (or neither does).
 */
export async function recordAdmin(db: Pool | PoolClient, record: AdminLogRecord): Promise<void> {
  await db.query('INSERT INTO admin_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
    record.at,
    record.actor,
    record.action,
    record.subject ?? null,
    JSON.stringify(record.detail ?? {}),
  ]);
}

const MAX_ACTOR = 100;

/**
 * Who runs an admin request, as the command said (ADMIN_ACTOR_HEADER); `admin` when it did not
 * (an older `loket`, a script with the key). Control characters are dropped and the length
 * capped: it is shown as it is by `loket hub audit`.
 */
export function adminActor(req: Pick<HubRequest, 'headers'>): string {
  const raw = req.headers?.[ADMIN_ACTOR_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return 'admin';
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    decoded = value;
  }
  // eslint-disable-next-line no-control-regex
  const clean = decoded.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, MAX_ACTOR);
  return clean || 'admin';
}

interface Row {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}

/** The newest entries first, `limit` of them, below `before` when given. */
export async function readAdminLog(pool: Pool, options: { limit: number; before?: number }): Promise<HubAdminLogPage> {
  const limit = Math.max(1, Math.min(MAX_ADMIN_LOG_PAGE, Math.floor(options.limit)));
  const { rows } = await pool.query<Row>(
    'SELECT id, at, actor, action, subject, detail FROM admin_log WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2',
    [options.before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  const entries: HubAdminEntry[] = page.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, subject: r.subject, detail: r.detail }));
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.id : null };
}
