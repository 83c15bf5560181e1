import type { Migration } from './index';

/**
 * Every list edition in its own SQLite file (see store/edition-store.ts): `file` names it,
 * relative to the lists folder beside the main database. NULL for editions written before this
 * version, whose tables still sit in the main file until lists/legacy-editions.ts moves them out
 * (it runs at open, outside this transaction, because it writes other files).
 */
export const m007EditionFiles: Migration = {
  version: 7,
  name: 'edition-files',
  up(db) {
    db.exec(`ALTER TABLE list_editions ADD COLUMN file TEXT`);
  },
};
