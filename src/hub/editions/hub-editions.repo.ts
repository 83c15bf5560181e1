import type { Pool, PoolClient } from 'pg';
import type { HubEditionEntry } from '../../core/sync/edition-wire';
import { lockRevisions, nextRevision } from '../pg/revisions';

export interface NewHubEdition {
  list: string;
  kind: HubEditionEntry['kind'];
  asOf: string;
  contentHash: string;
  fileSha256: string;
  size: number;
  members: number;
  /** The key the file is encrypted with; null: taken unencrypted. */
  transferKey: string | null;
  source: 'upload' | 'upstream';
  uploadedBy: string;
  uploadedAt: Date;
}

const ENTRY_COLUMNS = `list, kind, to_char(as_of, 'YYYY-MM-DD') AS "asOf", content_hash AS "contentHash",
  file_sha256 AS "fileSha256", size::float8 AS size, members, rev::float8 AS rev,
  to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt", transfer_key AS "transferKey"`;

/**
 * Records an edition the hub now holds, with the next hub revision. Idempotent by file SHA-256
 * and by content: the same members of the same list and as-of uploaded again (a retry after a
 * timeout, two counters importing the same spreadsheet) answer the existing row, although each
 * upload's copy is encrypted with a transfer key of its own and so has other bytes.
 * Returns the row and whether it was already there.
 */
export async function editionWithContent(pool: Pool, e: Pick<NewHubEdition, 'list' | 'kind' | 'asOf' | 'contentHash'>): Promise<HubEditionEntry | null> {
  const { rows } = await pool.query<HubEditionEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM hub_editions WHERE list = $1 AND kind = $2 AND as_of = $3 AND content_hash = $4 ORDER BY rev LIMIT 1`,
    [e.list, e.kind, e.asOf, e.contentHash],
  );
  return rows[0] ?? null;
}

export async function recordEdition(pool: Pool, e: NewHubEdition): Promise<{ entry: HubEditionEntry; duplicate: boolean }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockRevisions(client);
    const existing = await client.query<HubEditionEntry>(
      `SELECT ${ENTRY_COLUMNS} FROM hub_editions WHERE file_sha256 = $1 OR (list = $2 AND kind = $3 AND as_of = $4 AND content_hash = $5) ORDER BY rev LIMIT 1`,
      [e.fileSha256, e.list, e.kind, e.asOf, e.contentHash],
    );
    if (existing.rows[0]) {
      await client.query('COMMIT');
      return { entry: existing.rows[0], duplicate: true };
    }
    const rev = await nextRevision(client);
    const { rows } = await client.query<HubEditionEntry>(
      `INSERT INTO hub_editions (list, kind, as_of, content_hash, file_sha256, size, members, source, uploaded_by, uploaded_at, rev, transfer_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${ENTRY_COLUMNS}`,
      [e.list, e.kind, e.asOf, e.contentHash, e.fileSha256, e.size, e.members, e.source, e.uploadedBy, e.uploadedAt, rev, e.transferKey],
    );
    await client.query('COMMIT');
    return { entry: rows[0]!, duplicate: false };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Each list's current edition: the latest as-of, the later revision among equal ones. */
export async function currentEditions(pool: Pool): Promise<HubEditionEntry[]> {
  const { rows } = await pool.query<HubEditionEntry>(
    `SELECT DISTINCT ON (list) ${ENTRY_COLUMNS} FROM hub_editions ORDER BY list, as_of DESC, rev DESC`,
  );
  return rows;
}

export async function editionByFile(pool: Pool, fileSha256: string): Promise<HubEditionEntry | null> {
  const { rows } = await pool.query<HubEditionEntry>(`SELECT ${ENTRY_COLUMNS} FROM hub_editions WHERE file_sha256 = $1`, [fileSha256]);
  return rows[0] ?? null;
}

/** The edition this hub took from its district hub last (for `loket hub status`); null: none yet. */
export async function lastUpstreamEdition(pool: Pool | PoolClient): Promise<{ list: string; asOf: string; members: number; receivedAt: string } | null> {
  const { rows } = await pool.query<{ list: string; asOf: string; members: number; receivedAt: string }>(
    `SELECT list, to_char(as_of, 'YYYY-MM-DD') AS "asOf", members,
       to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "receivedAt"
     FROM hub_editions WHERE source = 'upstream' ORDER BY uploaded_at DESC, rev DESC LIMIT 1`,
  );
  return rows[0] ?? null;
}
