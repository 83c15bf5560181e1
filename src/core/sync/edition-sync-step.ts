import Database from 'better-sqlite3';
import { readEditions, type EditionRow } from '../lists/editions.repo';
import { acquireImportLock } from '../lists/import-lock';
import { applyKey, editionPath, editionStoreOf } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { fetchEditions, unreadableEditions, type EditionSkipCode, type FetchOutcome } from './edition-fetch';
import { readEditionMeta } from './edition-meta';
import { NoCurrentEdition, uploadEdition } from './edition-upload';
import { EDITIONS_PATH, editionManifest, type HubEditionEntry } from './edition-wire';
import { HubRefused, HubUnreachable, type HubTransport } from './hub-transport';

export type UploadOutcome =
  | { list: string; outcome: 'uploaded' | 'duplicate'; contentHash: string }
  /** The hub refused this edition (a damaged local file...): it is not offered again. */
  | { list: string; outcome: 'refused'; code: string }
  /** This edition could not be prepared for sending (`edition/upload-failed`): offered again at the next step. */
  | { list: string; outcome: 'skipped'; code: EditionSkipCode };

/** What one edition step did: the counter's new lists sent, then the hub's newer ones installed. */
export interface EditionStepResult {
  uploaded: UploadOutcome[];
  fetched: FetchOutcome[];
}

/**
 * What this counter already offered the hub, by local edition id, in its `settings` table (key
 * below; not a synced table, so nothing goes to the outbox): the content hash the hub accepted,
 * or the code it refused with. Why keep it: a local import's file does not carry its content
 * hash (it is computed on the portable copy, seconds for a large list), so without this record
 * the counter could tell neither that the hub holds it (and upload it again, every step) nor that
 * the hub's current edition is its own (and fetch it back).
 */
const KEY = 'hub-editions-offered';
type Offered = Record<string, { contentHash?: string; refused?: string }>;

export function readOffered(db: Db): Offered {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!row) return {};
  try {
    const parsed: unknown = JSON.parse(row);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Offered) : {};
  } catch {
    return {};
  }
}

function writeOffered(db: Db, offered: Offered): void {
  // Only editions that can still be current or rolled back to are worth remembering.
  const live = new Set(readEditions(db, ['current', 'previous']).map((e) => String(e.id)));
  const kept = Object.fromEntries(Object.entries(offered).filter(([id]) => live.has(id)));
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(kept));
}

/** The content hash a local edition's file declares (a fetched edition's does), or null. */
function fileContentHash(db: Db, edition: EditionRow): string | null {
  if (edition.file === null) return null;
  const store = editionStoreOf(db);
  let file: Db | undefined;
  try {
    file = new Database(editionPath(store, edition.id), { readonly: true, fileMustExist: true, ...(store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}) });
    applyKey(file, store.key);
    return readEditionMeta(file)?.contentHash ?? null;
  } catch {
    return null;
  } finally {
    file?.close();
  }
}

/** The hub's edition of the list wins over ours (fetchEditions would replace ours with it): nothing to offer. */
function hubWins(entry: HubEditionEntry | undefined, mine: EditionRow): boolean {
  if (!entry) return false;
  if (entry.asOf !== mine.asOf) return entry.asOf > mine.asOf;
  return mine.importedAt === null || mine.importedAt < entry.uploadedAt;
}

/**
 * One edition step of an enrolled counter, on a connection of its own (a worker's, or the CLI's):
 * first every current local edition the hub does not hold and would not replace is uploaded
 * (once: see Offered), then the hub's newer editions are fetched, verified and installed
 * (fetchEditions). Upload before fetch: a list imported here during an outage reaches the hub
 * before an older one of the hub's could replace it. CPU-heavy (portable copy, gzip, hashing,
 * verification): never call it on a thread that answers look-ups. Fails with HubUnreachable /
 * HubRefused when the hub cannot be asked at all; a refused upload is an outcome, and so is one
 * list's local failure: one list never stops the others. A current edition whose file does not
 * open here is never offered (its portable copy cannot be made): fetchEditions heals it from the hub.
 */
export async function runEditionStep(db: Db, transport: HubTransport, now: () => Date = () => new Date()): Promise<EditionStepResult> {
  const manifest = editionManifest.parse(await transport.getJson<unknown>(EDITIONS_PATH));
  const atHub = new Map(manifest.editions.map((e) => [e.list, e]));
  const offered = readOffered(db);
  const uploaded: UploadOutcome[] = [];
  const current = readEditions(db, ['current']);
  const unreadable = new Set(unreadableEditions(db, current).map((e) => e.id));
  for (const mine of current) {
    if (mine.file === null) continue; // an edition from before version 7 still in the main file: not portable
    if (unreadable.has(mine.id)) continue;
    const record = offered[String(mine.id)];
    if (record?.refused || record?.contentHash) continue;
    const entry = atHub.get(mine.listName);
    const hash = fileContentHash(db, mine);
    if (hash !== null && entry?.contentHash === hash) continue;
    if (hubWins(entry, mine)) continue;
    try {
      const reply = await uploadEdition(db, transport, mine.listName);
      offered[String(mine.id)] = { contentHash: reply.edition.contentHash };
      uploaded.push({ list: mine.listName, outcome: reply.duplicate ? 'duplicate' : 'uploaded', contentHash: reply.edition.contentHash });
    } catch (error) {
      if (error instanceof NoCurrentEdition) continue; // rolled back or replaced meanwhile
      if (error instanceof HubUnreachable || (error instanceof HubRefused && error.status !== 422)) throw error;
      if (!(error instanceof HubRefused)) {
        // This list's own trouble (its file went bad since the check above, the disk is full): the next list goes on.
        uploaded.push({ list: mine.listName, outcome: 'skipped', code: 'edition/upload-failed' });
        continue;
      }
      // 422 (the file is not a valid edition) will not change by sending it again; 401/403 and the like will.
      offered[String(mine.id)] = { refused: error.code };
      uploaded.push({ list: mine.listName, outcome: 'refused', code: error.code });
    } finally {
      writeOffered(db, offered);
    }
  }
  const known = new Map<number, string>();
  for (const [id, record] of Object.entries(offered)) if (record.contentHash) known.set(Number(id), record.contentHash);
  const fetched = await fetchEditions(db, transport, now, known);
  return { uploaded, fetched };
}

/** The counter's files, for the lock an edition step shares with list imports. */
export interface StepLock {
  dbPath: string;
  key?: string;
  nativeBinding?: string;
}

/**
 * runEditionStep under the import lock (src/core/lists/import-lock.ts): one edition step at a
 * time per counter database whichever process runs it (the app's worker, `loket sync`), and never
 * beside a list import, so an install from the hub and a local import never race for one list.
 * A clerk's import that comes meanwhile waits ("another import") and then runs.
 */
export async function runEditionStepLocked(db: Db, transport: HubTransport, lock: StepLock, now: () => Date = () => new Date()): Promise<EditionStepResult> {
  const holder = await acquireImportLock({ ...lock, list: '' });
  try {
    return await runEditionStep(db, transport, now);
  } finally {
    holder.release();
  }
}
