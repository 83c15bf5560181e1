import type { Migration } from './index';

/**
 * The content hash of an edition (core/sync/edition-meta.ts), kept beside its row once known:
 * computed when the edition's portable copy is made for the hub, or carried by a file fetched
 * from it. The import does not compute it (a full read the clerk would wait for), and the
 * edition file itself is read-only once current; so a counter tells "the hub's edition is the
 * one I already have" without reading a million rows again.
 */
export const m009EditionContentHash: Migration = {
  version: 9,
  name: 'edition-content-hash',
  up(db) {
    db.exec(`ALTER TABLE list_editions ADD COLUMN content_hash TEXT`);
  },
};
