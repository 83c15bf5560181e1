import { basename } from 'node:path';
import { daysBetween } from '../../shared/dates';
import type { ListSummary } from '../../shared/lists';
import type { UnreadableEdition } from '../lookup/edition-catalog';
import { editionFileName, editionStoreOf, editionsDir, openEditionReadOnly } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { readEditions } from './editions.repo';

/**
 * The current lists as a clerk or IT officer sees them: edition, age, size, staleness, rollback,
 * and, for a list whose current edition cannot be read (`unreadable`, from the look-ups'
 * catalog), what is wrong and whether a rollback would help.
 */
export function listSummaries(db: Db, today: string, staleAfterDays: number, unreadable: readonly UnreadableEdition[] = []): ListSummary[] {
  const editions = readEditions(db, ['current', 'previous']);
  const previousOf = new Map(editions.filter((e) => e.state === 'previous').map((e) => [e.listId, e]));
  const unreadableById = new Map(unreadable.map((u) => [u.editionId, u]));
  return editions
    .filter((e) => e.state === 'current')
    .map((e) => {
      const ageDays = daysBetween(e.asOf, today);
      const previous = previousOf.get(e.listId);
      const summary: ListSummary = {
        name: e.listName,
        kind: e.kind,
        edition: e.edition,
        asOf: e.asOf,
        importedAt: e.importedAt ?? '',
        sourceFile: e.sourceFile,
        sourceSha256: e.sourceSha256,
        members: e.rowsImported,
        stale: ageDays > staleAfterDays,
        ageDays,
        previousEdition: previous?.edition ?? null,
      };
      const broken = unreadableById.get(e.id);
      if (broken) {
        summary.unreadable = {
          reason: broken.reason,
          folder: basename(editionsDir(editionStoreOf(db))),
          file: e.file ?? editionFileName(e.id),
          previousReadable: previous !== undefined && opens(db, previous.id),
        };
      }
      return summary;
    });
}

/** Whether an edition's file opens (a rollback target): only asked for a list already unreadable, never on a look-up. */
function opens(db: Db, editionId: number): boolean {
  try {
    openEditionReadOnly(editionStoreOf(db), editionId).close();
    return true;
  } catch {
    return false;
  }
}
