import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { EditionTransferError, receiveGzipEdition } from '../../core/sync/edition-receive';
import { verifyEditionFile } from '../../core/sync/edition-verify';
import type { UploadEditionResponse, UploadedEditionHeaders } from '../../core/sync/edition-wire';
import { recordAdmin } from '../audit/admin-log.repo';
import { HubError } from '../http/route';
import { DEFAULT_MAX_EDITION_BYTES, editionsFolder, storedEditionPath, type HubEditionsConfig } from './edition-config';
import { currentEditions, editionWithContent, recordEdition } from './hub-editions.repo';

export interface EditionOrigin {
  source: 'upload' | 'upstream';
  /** 'counter:<id> (<name>)', the administrator as the command named them ('cli:<os user>'; adminActor), 'upstream:<url>' */
  uploadedBy: string;
}

/**
 * Takes an edition into the hub: the gzip stream goes to a temporary .gz (as received) and,
 * decompressed, to a temporary file hashed on the way; the file's SHA-256 must be the one
 * declared, the file must pass verifyEditionFile with the declared transfer key (tables,
 * integrity, content hash), and its metadata must match the declared list, kind, as-of date and
 * content hash. Only then the .gz is kept as `<dataDir>/editions/<sha256>.db.gz` (0600) and
 * recorded with its transfer key; otherwise both temporary files are deleted and nothing is
 * kept. The uncompressed copy is never kept. An edition the hub already holds (the same file,
 * or the same members of the same list and as-of in a copy with another transfer key) keeps
 * the copy already held.
 */
export async function takeEdition(
  pool: Pool,
  config: HubEditionsConfig,
  body: NodeJS.ReadableStream,
  declared: UploadedEditionHeaders,
  origin: EditionOrigin,
  now: () => Date,
): Promise<UploadEditionResponse> {
  const folder = editionsFolder(config);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temp = join(folder, `incoming-${randomUUID()}`);
  const gzTemp = `${temp}.gz`;
  const fileTemp = `${temp}.db`;
  try {
    let received;
    try {
      received = await receiveGzipEdition(body, fileTemp, { gzPath: gzTemp, maxBytes: config.maxEditionBytes ?? DEFAULT_MAX_EDITION_BYTES });
    } catch (error) {
      if (error instanceof EditionTransferError) throw new HubError(422, 'hub/edition-invalid', { reason: error.code });
      throw error;
    }
    if (received.fileSha256 !== declared.fileSha256) throw new HubError(422, 'hub/edition-hash-mismatch', { what: 'file' });
    const check = verifyEditionFile(fileTemp, declared.transferKey);
    if (!check.ok) {
      if (check.code === 'edition/content-hash-mismatch') throw new HubError(422, 'hub/edition-hash-mismatch', { what: 'content' });
      throw new HubError(422, 'hub/edition-invalid', { reason: check.code });
    }
    const { meta } = check;
    if (meta.contentHash !== declared.contentHash) throw new HubError(422, 'hub/edition-hash-mismatch', { what: 'content' });
    if (meta.list !== declared.list || meta.kind !== declared.kind || meta.asOf !== declared.asOf) {
      throw new HubError(422, 'hub/edition-invalid', { reason: 'edition/meta-mismatch' });
    }
    const held = await editionWithContent(pool, meta);
    if (held) return { edition: held, current: await isCurrent(pool, held.fileSha256), duplicate: true };
    const stored = storedEditionPath(config, received.fileSha256);
    const keptNow = !existsSync(stored);
    if (keptNow) {
      chmodSync(gzTemp, 0o600);
      renameSync(gzTemp, stored);
    }
    const { entry, duplicate } = await recordEdition(pool, {
      list: meta.list,
      kind: meta.kind,
      asOf: meta.asOf,
      contentHash: meta.contentHash,
      fileSha256: received.fileSha256,
      size: statSync(stored).size,
      members: meta.members,
      transferKey: declared.transferKey ?? null,
      ...origin,
      uploadedAt: now(),
    });
    // Another upload of the same members was recorded meanwhile: the copy kept now is not needed.
    if (keptNow && entry.fileSha256 !== received.fileSha256) rmSync(stored, { force: true });
    const current = await isCurrent(pool, entry.fileSha256);
    // Published: every counter of the facility will fetch it (when current). The hub's record says who brought it.
    if (!duplicate) {
      await recordAdmin(pool, {
        at: now(),
        actor: origin.uploadedBy,
        action: 'edition',
        subject: meta.list,
        detail: { kind: meta.kind, asOf: meta.asOf, members: meta.members, contentHash: meta.contentHash.slice(0, 16), current, source: origin.source },
      });
    }
    return { edition: entry, current, duplicate };
  } finally {
    rmSync(gzTemp, { force: true });
    rmSync(fileTemp, { force: true });
  }
}

/** The edition is its list's current one at the hub (newest as-of; the later upload among equal ones). */
export const isCurrent = async (pool: Pool, fileSha256: string): Promise<boolean> => (await currentEditions(pool)).some((e) => e.fileSha256 === fileSha256);
