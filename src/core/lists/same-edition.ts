import { contentHashOf } from '../sync/edition-meta';
import { editionPasses, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { checkEditionFile } from './edition-check';
import type { EditionRow } from './editions.repo';

/**
 * The current edition of another list read from this very file: the same file imported under a
 * slightly different list name ("PBI APBD Serang" for "PBI APBD Kota Serang") makes a stale copy
 * whose AKTIF outlives the real list's next MENINGGAL. The import asks first (its caller
 * confirms with `sameFileOk`).
 */
export function sameFileAsOtherList(current: readonly EditionRow[], list: string, sourceSha256: string): EditionRow | undefined {
  return current.find((e) => e.sourceSha256 !== '' && e.sourceSha256 === sourceSha256 && e.listName !== list);
}

export interface NewEditionIdentity {
  sourceSha256: string;
  asOf: string;
  kind: string;
  mappingJson: string;
}

/**
 * Whether a freshly built edition is the current one again: the very same file (a double click,
 * a colleague who "makes sure", a script run twice), read with the same as-of date, kind and
 * column mapping, giving the same members. Switching to it would push the real previous edition
 * (last month's) out of the only rollback slot for nothing, so the import is refused instead.
 *
 * The source file's hash is the cheap gate; the members are compared too (their content hash,
 * sync/edition-meta.ts), so the same file read differently (a newer Loket that reads a status
 * word better) is still imported. A current edition whose file cannot be read is never "the same":
 * importing its file again is how it is mended (a file damaged anywhere, by lists/edition-check.ts).
 */
export function sameAsCurrent(db: Db, store: EditionStore, current: EditionRow | undefined, built: Db, identity: NewEditionIdentity): boolean {
  if (!current || current.file === null || current.sourceSha256 === '' || current.sourceSha256 !== identity.sourceSha256) return false;
  if (current.asOf !== identity.asOf || current.kind !== identity.kind) return false;
  const mappingJson = db.prepare('SELECT mapping_json FROM list_editions WHERE id = ?').pluck().get(current.id) as string | null;
  if (mappingJson !== identity.mappingJson) return false;
  // Damaged only in its indexes, its members could still hash the same: importing it again mends it.
  if (checkEditionFile(store, current.id) !== 'ok') return false;
  return editionPasses(store, current.id, (file) => contentHashOf(file).contentHash === contentHashOf(built).contentHash);
}
