import type { CoreMessage } from '../../shared/i18n/messages';
import type { LookupResult } from '../../shared/lookup';
import type { CurrentEdition, EditionCatalog, UnreadableEdition } from './edition-catalog';

/**
 * Runs a search over the current editions. An edition whose file opened but is damaged further
 * in fails its query (SQLITE_CORRUPT...): that edition alone is found (each searched on its own,
 * only on this error path), marked unreadable in the catalog, and the search runs again over the
 * others, so one damaged file neither fails the look-up nor is read as "not on this list".
 */
export function withEachReadable<T>(catalog: EditionCatalog, editions: CurrentEdition[], search: (editions: CurrentEdition[]) => T): T {
  try {
    return search(editions);
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    const damaged = editions.filter((e) => {
      try {
        search([e]);
        return false;
      } catch (alone) {
        if (!isSqliteError(alone)) throw alone;
        return true;
      }
    });
    if (damaged.length === 0) throw error;
    for (const e of damaged) catalog.markUnreadable(e);
    return withEachReadable(catalog, editions.filter((e) => !damaged.includes(e)), search);
  }
}

/** better-sqlite3's SqliteError carries SQLite's result code ('SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_READ'...). */
const isSqliteError = (error: unknown): boolean => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_');

/** What the look-up result says about lists it could not search; undefined when it searched them all. */
export function unsearchedOf(unreadable: readonly UnreadableEdition[]): LookupResult['unsearched'] {
  if (unreadable.length === 0) return undefined;
  const lists = [...new Set(unreadable.map((u) => u.list))];
  return { lists, message: unreadableListsMessage(lists) };
}

/** "The list PBI APBD cannot be read (...): call the IT officer. The patient can still be registered." */
export function unreadableListsMessage(lists: readonly string[]): CoreMessage {
  return lists.length === 1
    ? { code: 'lookup/list-unreadable', params: { list: lists[0] ?? '' } }
    : { code: 'lookup/lists-unreadable', params: { lists: lists.join(', '), count: lists.length } };
}
