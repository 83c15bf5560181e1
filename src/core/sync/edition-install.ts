import { EditionBuild } from '../lists/edition-build';
import { beginEdition, failEdition, switchToEdition } from '../lists/editions.repo';
import { editionStoreOf, setEditionFileAside } from '../store/edition-store';
import type { Db } from '../store/open-database';
import type { EditionMeta } from './edition-meta';

/** What an install did: the new edition, and where the unreadable one it replaced was set aside (a name in the lists folder). */
export interface Installed {
  editionId: number;
  setAside: string | null;
}

/**
 * Installs a checked edition file (already re-keyed for this store: transfer-key.ts) exactly as a local import
 * finishes: registered as an importing edition with the file adopted as its locked building
 * file (one short transaction), then the switch (one short transaction: rename, pointer,
 * the previous edition kept for rollback, the one before retired). Look-ups read the old
 * edition until the switch commits and the new one after.
 *
 * `replacingUnreadable`: the list's current edition, whose file cannot be read (edition-fetch.ts
 * heals it): it is retired with its file set aside rather than kept as the rollback copy
 * (switchToEdition), so the previous edition, which may still read, stays the rollback copy.
 */
export function installEditionFile(db: Db, readyFile: string, meta: EditionMeta, now: () => Date = () => new Date(), replacingUnreadable?: number): Installed {
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
  let setAside: string | null = null;
  const unreadable =
    replacingUnreadable === undefined
      ? undefined
      : { editionId: replacingUnreadable, setAside: () => (setAside = setEditionFileAside(store, replacingUnreadable, now())) };
  try {
    const counts = { read: meta.members, imported: meta.members, rejected: 0, warnings: 0, skipped: 0, damagedNik: 0 };
    switchToEdition(db, editionId, counts, now().toISOString(), () => build.closeAndRename(), unreadable);
  } catch (error) {
    build.discard();
    failEdition(db, editionId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return { editionId, setAside };
}
