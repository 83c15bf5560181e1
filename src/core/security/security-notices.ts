import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreMessage } from '../../shared/i18n/messages';
import { databaseFileState } from '../store/database-key';
import type { StartedKey } from '../store/database-startup';
import { listsDirOf } from '../store/edition-store';
import { SET_ASIDE_MARK } from '../store/file-aside';
import type { Db } from '../store/open-database';

/** An edition file set aside (`e12.db.tidak-terbaca-…`, not its -wal or -journal). */
const SET_ASIDE_EDITION = new RegExp(`^e(\\d+)\\.db${SET_ASIDE_MARK.replace(/\./g, '\\.')}[\\dT-]+$`);

/**
 * What the administrator must do about the data files, each naming its file, in the shared
 * catalog's words (Settings → Keamanan data shows them; the `loket` command prints them at
 * every run): the file a failed conversion could not encrypt, every edition file set aside that
 * is still plain (found on disk, so the notice stays until the file is deleted, whichever start
 * set it aside), and a key file others can still read.
 */
export function securityNotices(db: Db, dbPath: string, started: StartedKey, encryptionExpected: boolean): CoreMessage[] {
  const notices: CoreMessage[] = [];
  if (started.failed) notices.push({ code: 'security/conversion-failed-file', params: { file: started.failed.file, cause: started.failed.cause } });
  if (encryptionExpected) {
    for (const { path, editionId } of plainFilesSetAside(dbPath, started)) {
      notices.push({ code: 'security/plain-file-set-aside', params: { file: path, list: listNameOf(db, editionId) ?? `e${editionId}.db` } });
    }
  }
  for (const file of started.looseKeyFiles) notices.push({ code: 'security/key-file-readable', params: { file } });
  return notices;
}

function plainFilesSetAside(dbPath: string, started: StartedKey): { path: string; editionId: number }[] {
  const dir = listsDirOf(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const setNow = new Set(started.setAside.map((s) => s.aside));
  return names
    .map((name) => ({ path: join(dir, name), match: SET_ASIDE_EDITION.exec(name) }))
    // Set aside by this start: plain by definition (its header may be what is damaged). Others: plain SQLite on disk.
    .filter(({ path, match }) => match !== null && (setNow.has(path) || databaseFileState(path) === 'plain'))
    .map(({ path, match }) => ({ path, editionId: Number(match![1]) }));
}

function listNameOf(db: Db, editionId: number): string | undefined {
  return db.prepare('SELECT l.name FROM list_editions e JOIN lists l ON l.id = e.list_id WHERE e.id = ?').pluck().get(editionId) as string | undefined;
}
