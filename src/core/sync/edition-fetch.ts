import Database from 'better-sqlite3';
import { recordFromHub } from '../audit/hub-audit';
import { readEditions, type EditionRow } from '../lists/editions.repo';
import { applyKey, editionOpens, editionPath, editionStoreOf, requireEditionsWritable, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { HubRefused, HubUnreachable, type HubTransport } from './hub-transport';
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
  /** `setAside`: this counter's edition of the list could not be read; its file was moved to this name in the lists folder. */
  | { list: string; outcome: 'installed'; editionId: number; asOf: string; setAside?: string }
  | { list: string; outcome: 'up-to-date' }
  /** The download did not match the manifest or is not a valid edition: the current edition stays. */
  | { list: string; outcome: 'refused'; code: string }
  /** This list could not be brought up to date this time (a message code says why); the other lists went on. */
  | { list: string; outcome: 'skipped'; code: EditionSkipCode };

/**
 * Why a list was left as it is by this step:
 * - `edition/local-unreadable`: this counter's current edition cannot be read and the hub holds
 *   neither it nor a newer one (a local import not sent before its file went bad): only an
 *   import here, or a rollback, mends it;
 * - `edition/install-failed`: the hub's edition was received and checked but could not be
 *   installed here (disk full, a file held by another program); tried again at the next step;
 * - `edition/upload-failed`: this counter's edition could not be prepared for sending (its file
 *   went bad meanwhile...); tried again at the next step.
 */
export type EditionSkipCode = 'edition/local-unreadable' | 'edition/install-failed' | 'edition/upload-failed';

/**
 * Brings the counter's lists up to the hub's: for each list in the hub's manifest whose current
 * edition is newer than the local one (a later as-of, or the same as-of with other members),
 * download it (streamed, gunzipped, the file's SHA-256 compared with the manifest), verify it
 * (verifyEditionFile, with the transfer key the manifest gives: tables, content hash), re-key it
 * in place from the transfer key to this counter's own (to none on a counter that does not
 * encrypt; transfer-key.ts), and install it as a new local edition. Only each list's current edition is fetched, so a
 * counter that was off for a month downloads one file per list, not the editions it missed.
 *
 * A current edition whose file does not open here (deleted, damaged, or copied by hand from
 * another counter, whose key it carries) is healed: when the hub holds that very edition (or a
 * newer one) it is fetched again and installed in its place, the bad file set aside in the lists
 * folder (installEditionFile). When the hub has nothing to replace it with, the list is skipped
 * with `edition/local-unreadable`.
 *
 * Lists are fetched one after the other, each on its own; one refused or failed does not stop
 * the others. The main database is only written in the two short transactions of the install.
 * Fails with HubUnreachable / HubRefused when the manifest cannot be had (the caller tries again later).
 * `knownHashes`: content hashes of local editions whose files do not carry one (a local import
 * this counter uploaded: edition-sync.ts keeps them), so its own upload is not fetched back.
 */
export async function fetchEditions(db: Db, transport: HubTransport, now: () => Date = () => new Date(), knownHashes: ReadonlyMap<number, string> = new Map()): Promise<FetchOutcome[]> {
  const manifest = editionManifest.parse(await transport.getJson<unknown>(EDITIONS_PATH));
  const store = editionStoreOf(db);
  const current = readEditions(db, ['current']);
  const local = new Map(current.map((e) => [e.listName, e]));
  const unreadable = new Set(unreadableEditions(db, current).map((e) => e.id));
  const outcomes: FetchOutcome[] = [];
  for (const entry of manifest.editions) {
    const mine = local.get(entry.list);
    const broken = mine !== undefined && unreadable.has(mine.id);
    if (mine && !broken && !hubIsNewer(entry, mine, knownHashes.get(mine.id) ?? knownContentHash(db, mine.id) ?? localContentHash(store, mine))) {
      outcomes.push({ list: entry.list, outcome: 'up-to-date' });
      continue;
    }
    if (mine && broken) {
      const known = knownHashes.get(mine.id) ?? knownContentHash(db, mine.id);
      if (known !== entry.contentHash && !hubIsNewer(entry, mine, known)) {
        outcomes.push({ list: entry.list, outcome: 'skipped', code: 'edition/local-unreadable' });
        continue;
      }
    }
    outcomes.push(await fetchIsolated(entry.list, () => fetchOne(db, store, transport, entry, now, broken ? mine?.id : undefined)));
  }
  const atHub = new Set(manifest.editions.map((e) => e.list));
  for (const e of current) if (unreadable.has(e.id) && !atHub.has(e.listName)) outcomes.push({ list: e.listName, outcome: 'skipped', code: 'edition/local-unreadable' });
  return outcomes;
}

/** The current editions whose files do not open here (a cheap open each: editionOpens). */
export function unreadableEditions(db: Db, current: readonly EditionRow[] = readEditions(db, ['current'])): EditionRow[] {
  const store = editionStoreOf(db);
  return current.filter((e) => e.file !== null && !editionOpens(store, e.id));
}

/**
 * One list's fetch, on its own: a failure here (the install could not write, a file held open)
 * is this list's outcome and the next list is fetched. The hub gone, or refusing this counter,
 * concerns every list: that still fails the step. A file the hub no longer holds (404) is this list's.
 */
async function fetchIsolated(list: string, fetch: () => Promise<FetchOutcome>): Promise<FetchOutcome> {
  try {
    return await fetch();
  } catch (error) {
    if (error instanceof HubRefused && error.status === 404) return { list, outcome: 'refused', code: error.code };
    if (error instanceof HubUnreachable || error instanceof HubRefused) throw error;
    return { list, outcome: 'skipped', code: 'edition/install-failed' };
  }
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

async function fetchOne(db: Db, store: EditionStore, transport: HubTransport, entry: HubEditionEntry, now: () => Date, replacingUnreadable?: number): Promise<FetchOutcome> {
  requireEditionsWritable(store); // never received and re-keyed to "no key", i.e. written plain
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
    const { editionId, setAside } = installEditionFile(db, temp, meta, now, replacingUnreadable);
    db.prepare('UPDATE list_editions SET content_hash = ? WHERE id = ?').run(meta.contentHash, editionId);
    // The list look-ups read changed without a clerk's import: the trail says the hub's edition became current.
    recordFromHub(db, now(), 'import', meta.list, {
      method: 'hubEdition',
      kind: meta.kind,
      asOf: meta.asOf,
      edition: editionId,
      rows: meta.members,
      contentHash: meta.contentHash.slice(0, 16),
      ...(replacingUnreadable !== undefined ? { replacedUnreadable: replacingUnreadable } : {}),
    });
    return { list: entry.list, outcome: 'installed', editionId, asOf: meta.asOf, ...(setAside ? { setAside } : {}) };
  } finally {
    removeTemp(temp);
  }
}
