import { readdirSync } from 'node:fs';
import { EDITION_REPORT_HEADERS, encodeListNames } from '../../shared/edition-report';
import { editionsDir, editionStoreOf } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { unreadableEditions } from './edition-fetch';

/** The lists folder's name for an edition file set aside as unreadable (setEditionFileAside): `e12.db.tidak-terbaca-…`. */
const SET_ASIDE_FILE = /^e(\d+)\.db\.tidak-terbaca-/;

export interface EditionReport {
  /** Lists whose current edition does not open here (the hub could not replace it yet). */
  unreadable: string[];
  /** Lists with an unreadable edition file set aside in the lists folder (healed from the hub, or replaced since): someone should look. */
  setAside: string[];
}

const sortedUnique = (names: readonly string[]): string[] => [...new Set(names)].sort();

/** Looks at the editions now: each current one opened once, the lists folder read once. */
export function lookAtEditions(db: Db): EditionReport {
  const store = editionStoreOf(db);
  if (store.dir === null) return { unreadable: [], setAside: [] };
  let files: string[] = [];
  try {
    files = readdirSync(editionsDir(store));
  } catch {
    // No lists folder yet: nothing was ever set aside.
  }
  const listOf = db.prepare('SELECT l.name FROM list_editions e JOIN lists l ON l.id = e.list_id WHERE e.id = ?').pluck();
  const setAside = files.flatMap((file) => {
    const id = SET_ASIDE_FILE.exec(file)?.[1];
    const list = id === undefined ? undefined : (listOf.get(Number(id)) as string | undefined);
    return list === undefined ? [] : [list];
  });
  return { unreadable: sortedUnique(unreadableEditions(db).map((e) => e.listName)), setAside: sortedUnique(setAside) };
}

/** Keeps the report for the next requests to the hub; true when it changed (the hub should hear it now). */
export function keepEditionReport(db: Db, report: EditionReport): boolean {
  const unreadable = JSON.stringify(report.unreadable);
  const setAside = JSON.stringify(report.setAside);
  const before = db.prepare('SELECT editions_unreadable AS unreadable, editions_set_aside AS setAside FROM sync_state WHERE id = 1').get() as { unreadable: string | null; setAside: string | null };
  if (before.unreadable === unreadable && before.setAside === setAside) return false;
  db.prepare('UPDATE sync_state SET editions_unreadable = ?, editions_set_aside = ? WHERE id = 1').run(unreadable, setAside);
  return true;
}

/** The headers that tell the hub (none before the first look: an older hub ignores them, a newer one keeps what it knew). */
export function editionReportHeaders(db: Db): Record<string, string> {
  const kept = db.prepare('SELECT editions_unreadable AS unreadable, editions_set_aside AS setAside FROM sync_state WHERE id = 1').get() as { unreadable: string | null; setAside: string | null } | undefined;
  if (!kept || kept.unreadable === null || kept.setAside === null) return {};
  return {
    [EDITION_REPORT_HEADERS.unreadable]: encodeListNames(JSON.parse(kept.unreadable) as string[]),
    [EDITION_REPORT_HEADERS.setAside]: encodeListNames(JSON.parse(kept.setAside) as string[]),
  };
}
