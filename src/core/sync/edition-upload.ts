import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { readEditionOfList } from '../lists/editions.repo';
import { editionStoreOf } from '../store/edition-store';
import type { Db } from '../store/open-database';
import type { HubTransport } from './hub-transport';
import type { EditionMeta } from './edition-meta';
import { removeTemp, sha256OfFile, tempEditionFile, writePortableCopy } from './edition-portable';
import { EDITION_HEADERS, EDITIONS_PATH, type UploadEditionResponse } from './edition-wire';
import { newTransferKey } from './transfer-key';

export class NoCurrentEdition extends Error {
  constructor(readonly list: string) {
    super(`no current edition of ${list}`);
    this.name = 'NoCurrentEdition';
  }
}

/** What an upload did: the hub's answer, and whether the file went at all. */
export interface UploadOutcome extends UploadEditionResponse {
  /** false: `held` said the hub already holds these members; nothing was sent. */
  sent: boolean;
}

export interface UploadOptions {
  /**
   * Asked once the copy's content hash is known, before a byte is sent: the hub's edition with
   * these members, when it holds one (its answer then stands for the upload's, `duplicate`),
   * else null. An administrator publishing the same edition twice so sends nothing again.
   */
  held?: (meta: EditionMeta) => Promise<UploadEditionResponse | null>;
}

/**
 * Sends a list's current edition to the hub once an import at an enrolled counter has finished
 * (or when an administrator asks): the portable copy (edition-portable.ts), encrypted with a new
 * transfer key (transfer-key.ts), gzip-compressed as it streams, with the list, kind, as-of date,
 * content hash, the file's SHA-256 and the transfer key in headers.
 * The hub checks them all against the file and refuses a file that does not match.
 * Fails with the transport's HubUnreachable / HubRefused; the caller retries later.
 */
export async function uploadEdition(db: Db, transport: HubTransport, list: string, path: string = EDITIONS_PATH, options: UploadOptions = {}): Promise<UploadOutcome> {
  const edition = readEditionOfList(db, list, 'current');
  if (!edition || edition.file === null) throw new NoCurrentEdition(list);
  const store = editionStoreOf(db);
  const copy = tempEditionFile(store, 'upload');
  let cleanup = (): void => {};
  try {
    const transferKey = newTransferKey();
    const meta = writePortableCopy(store, edition, copy, transferKey);
    db.prepare('UPDATE list_editions SET content_hash = ? WHERE id = ?').run(meta.contentHash, edition.id);
    const held = options.held ? await options.held(meta) : null;
    if (held) return { ...held, duplicate: true, sent: false };
    const fileSha256 = await sha256OfFile(copy);
    const source = createReadStream(copy);
    // Level 1: the copy is encrypted, and encrypted bytes do not compress whatever the effort.
    const body = createGzip({ level: 1 });
    source.on('error', (error) => body.destroy(error));
    // The transport reports a failed stream through its own reading; once it has answered
    // (perhaps a refusal before reading a byte), a late error must not become an uncaught one.
    body.on('error', () => {});
    source.pipe(body);
    cleanup = () => {
      source.destroy();
      body.destroy();
    };
    const reply = await transport.upload<UploadEditionResponse>(path, body, {
      'content-type': 'application/gzip',
      [EDITION_HEADERS.list]: encodeURIComponent(meta.list),
      [EDITION_HEADERS.kind]: meta.kind,
      [EDITION_HEADERS.asOf]: meta.asOf,
      [EDITION_HEADERS.contentHash]: meta.contentHash,
      [EDITION_HEADERS.fileSha256]: fileSha256,
      [EDITION_HEADERS.transferKey]: transferKey,
    });
    return { ...reply, sent: true };
  } finally {
    cleanup();
    removeTemp(copy);
  }
}
