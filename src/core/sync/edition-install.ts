import { EditionBuild } from '../lists/edition-build';
import { beginEdition, failEdition, switchToEdition } from '../lists/editions.repo';
import { editionStoreOf } from '../store/edition-store';
import type { Db } from '../store/open-database';
import type { EditionMeta } from './edition-meta';

/**
 * Installs a checked edition file (already re-keyed for this store: transfer-key.ts) exactly as a local import
 * finishes: registered as an importing edition with the file adopted as its locked building
 * file (one short transaction), then the switch (one short transaction: rename, pointer,
 * the previous edition kept for rollback, the one before retired). Look-ups read the old
 * edition until the switch commits and the new one after. Returns the new edition's id.
 */
export function installEditionFile(db: Db, readyFile: string, meta: EditionMeta, now: () => Date = () => new Date()): number {
  const store = editionStoreOf(db);
  const { editionId, started: build } = beginEdition(
    db,
    {
      list: meta.list,
      kind: meta.kind,
      asOf: meta.asOf,
      sourceFile: meta.sourceFile,
      sourceSha256: meta.sourceSha256,
      sourceFormat: meta.sourceFormat,
      mappingJson: '{}',
      now: now().toISOString(),
    },
    (id) => EditionBuild.adopt(store, id, readyFile),
  );
  try {
    const counts = { read: meta.members, imported: meta.members, rejected: 0, warnings: 0, skipped: 0, damagedNik: 0 };
    switchToEdition(db, editionId, counts, now().toISOString(), () => {
      build.closeAndRename();
    });
  } catch (error) {
    build.discard();
    failEdition(db, editionId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return editionId;
}
