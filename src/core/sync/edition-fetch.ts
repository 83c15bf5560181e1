import Database from 'better-sqlite3';
import { readEditions, type EditionRow } from '../lists/editions.repo';
import { applyKey, editionPath, editionStoreOf, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import type { HubTransport } from './hub-transport';
import { installEditionFile } from './edition-install';
import { readEditionMeta } from './edition-meta';
import { removeTemp, tempEditionFile } from './edition-portable';
import { EditionTransferError, receiveGzipEdition } from './edition-receive';
import { verifyEditionFile } from './edition-verify';
import { EDITIONS_PATH, editionDownloadPath, editionManifest, type HubEditionEntry } from './edition-wire';
import { rekeyFile } from './transfer-key';

/** An edition file is never larger than this uncompressed (a 3 M-row list is well under 2 GB). */
export const MAX_EDITION_BYTES = 8 * 1024 ** 3;

export type FetchOutcome =
  | { list: string; outcome: 'installed'; editionId: number; asOf: string }
  | { list: string; outcome: 'up-to-date' }
  /** The download did not match the manifest or is not a valid edition: the current edition stays. */
  | { list: string; outcome: 'refused'; code: string };

/**
 * Brings the counter's lists up to the hub's: for each list in the hub's manifest whose current
 * edition is newer than the local one (a later as-of, or the same as-of with other members),
 * download it (streamed, gunzipped, the file's SHA-256 compared with the manifest), verify it
 * (verifyEditionFile, with the transfer key the manifest gives: tables, content hash), re-key it
 * in place from the transfer key to this counter's own (to none on a counter that does not
 * encrypt; transfer-key.ts), and install it as a new local edition. Only each list's current edition is fetched, so a
 * counter that was off for a month downloads one file per list, not the editions it missed.
 *
 * Lists are fetched one after the other, each on its own; one refused does not stop the others.
 * The main database is only written in the two short transactions of the install. Fails with
 * HubUnreachable / HubRefused when the manifest cannot be had (the caller tries again later).
 * `knownHashes`: content hashes of local editions whose files do not carry one (a local import
 * this counter uploaded: edition-sync.ts keeps them), so its own upload is not fetched back.
 */
export async function fetchEditions(db: Db, transport: HubTransport, now: () => Date = () => new Date(), knownHashes: ReadonlyMap<number, string> = new Map()): Promise<FetchOutcome[]> {
  const manifest = editionManifest.parse(await transport.getJson<unknown>(EDITIONS_PATH));
  const store = editionStoreOf(db);
  const local = new Map(readEditions(db, ['current']).map((e) => [e.listName, e]));
  const outcomes: FetchOutcome[] = [];
  for (const entry of manifest.editions) {
    const mine = local.get(entry.list);
    if (mine && !hubIsNewer(entry, mine, knownHashes.get(mine.id) ?? knownContentHash(db, mine.id) ?? localContentHash(store, mine))) {
      outcomes.push({ list: entry.list, outcome: 'up-to-date' });
      continue;
    }
    outcomes.push(await fetchOne(db, store, transport, entry, now));
  }
  return outcomes;
}

/**
 * A later as-of wins. For the same as-of with other members, the later of the two wins: the
 * hub's upload, unless this counter imported its own after it (that import is on its way to the
 * hub, where it will become current, so replacing it here would only make it flap).
 */
function hubIsNewer(entry: HubEditionEntry, mine: EditionRow, mineHash: string | null): boolean {
  if (entry.asOf !== mine.asOf) return entry.asOf > mine.asOf;
  if (mineHash === entry.contentHash) return false;
  return mine.importedAt === null || mine.importedAt < entry.uploadedAt;
}

/** The content hash kept with the edition's row (known once it was uploaded or fetched). */
function knownContentHash(db: Db, editionId: number): string | null {
  return (db.prepare('SELECT content_hash FROM list_editions WHERE id = ?').pluck().get(editionId) as string | null | undefined) ?? null;
}

/** The content hash the local edition's file declares (null for a file from before metadata, or unreadable). */
function localContentHash(store: EditionStore, edition: EditionRow): string | null {
  if (edition.file === null) return null;
  let db: Db | undefined;
  try {
    db = new Database(editionPath(store, edition.id), { readonly: true, fileMustExist: true, ...(store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}) });
    applyKey(db, store.key);
    return readEditionMeta(db)?.contentHash ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

async function fetchOne(db: Db, store: EditionStore, transport: HubTransport, entry: HubEditionEntry, now: () => Date): Promise<FetchOutcome> {
  const temp = tempEditionFile(store, 'fetch');
  try {
    const stream = await transport.download(editionDownloadPath(entry.fileSha256));
    let received;
    try {
      received = await receiveGzipEdition(stream, temp, { maxBytes: MAX_EDITION_BYTES });
    } catch (error) {
      if (error instanceof EditionTransferError) return { list: entry.list, outcome: 'refused', code: error.code };
      throw error;
    }
    if (received.fileSha256 !== entry.fileSha256) return { list: entry.list, outcome: 'refused', code: 'edition/file-hash-mismatch' };
    const transferKey = entry.transferKey ?? undefined;
    const check = verifyEditionFile(temp, transferKey, store.nativeBinding);
    if (!check.ok) return { list: entry.list, outcome: 'refused', code: check.code };
    const { meta } = check;
    if (meta.contentHash !== entry.contentHash || meta.list !== entry.list || meta.kind !== entry.kind || meta.asOf !== entry.asOf) {
      return { list: entry.list, outcome: 'refused', code: 'edition/content-hash-mismatch' };
    }
    rekeyFile(temp, transferKey, store.key, store.nativeBinding);
    const editionId = installEditionFile(db, temp, meta, now);
    db.prepare('UPDATE list_editions SET content_hash = ? WHERE id = ?').run(meta.contentHash, editionId);
    return { list: entry.list, outcome: 'installed', editionId, asOf: meta.asOf };
  } finally {
    removeTemp(temp);
  }
}
