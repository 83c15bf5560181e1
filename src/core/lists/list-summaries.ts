import { basename } from 'node:path';
import { daysBetween } from '../../shared/dates';
import type { ListSummary } from '../../shared/lists';
import type { UnreadableEdition } from '../lookup/edition-catalog';
import { editionFileName, editionStoreOf, editionsDir } from '../store/edition-store';
import { checkEditionFile } from './edition-check';
import type { Db } from '../store/open-database';
import { readEditions } from './editions.repo';
import { isEnrolled } from '../sync/hub-credential.repo';

/**
 * The current lists as a clerk or IT officer sees them: edition, age, size, staleness, rollback,
 * and, for a list whose current edition cannot be read (`unreadable`, from the look-ups'
 * catalog), what is wrong and whether a rollback would help.
 */
export function listSummaries(db: Db, today: string, staleAfterDays: number, unreadable: readonly UnreadableEdition[] = []): ListSummary[] {
  const editions = readEditions(db, ['current', 'previous']);
  const previousOf = new Map(editions.filter((e) => e.state === 'previous').map((e) => [e.listId, e]));
  const unreadableById = new Map(unreadable.map((u) => [u.editionId, u]));
  const enrolled = unreadable.length > 0 && isEnrolled(db);
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
        ageDays: Math.max(0, ageDays),
        previousEdition: previous?.edition ?? null,
        ...(ageDays < 0 ? { aheadOfClock: true as const } : {}),
      };
      const broken = unreadableById.get(e.id);
      if (broken) {
        summary.unreadable = {
          reason: broken.reason,
          folder: basename(editionsDir(editionStoreOf(db))),
          file: e.file ?? editionFileName(e.id),
          previousReadable: previous !== undefined && checkEditionFile(editionStoreOf(db), previous.id) === 'ok',
          ...(enrolled && hubHolds(db, e.id) ? { fromHub: true as const } : {}),
        };
      }
      return summary;
    });
}

/**
 * Whether the hub holds this edition: its content hash is known here only once it was fetched
 * from the hub or sent to it (sync/edition-fetch.ts, edition-upload.ts). Then the next sync
 * fetches it again in place of the unreadable file (fetchEditions).
 */
function hubHolds(db: Db, editionId: number): boolean {
  return db.prepare('SELECT content_hash FROM list_editions WHERE id = ?').pluck().get(editionId) != null;
}
