import { daysBetween } from '../../shared/dates';
import type { ListSummary } from '../../shared/lists';
import type { Db } from '../store/open-database';
import { readEditions } from './editions.repo';

/** The current lists as a clerk or IT officer sees them: edition, age, size, staleness, rollback. */
export function listSummaries(db: Db, today: string, staleAfterDays: number): ListSummary[] {
  const editions = readEditions(db, ['current', 'previous']);
  const previousByList = new Map(editions.filter((e) => e.state === 'previous').map((e) => [e.listId, e.edition]));
  return editions
    .filter((e) => e.state === 'current')
    .map((e) => {
      const ageDays = daysBetween(e.asOf, today);
      return {
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
        previousEdition: previousByList.get(e.listId) ?? null,
      };
    });
}
