import type { Migration } from './index';

/**
 * The list kind (BPJS, PBI, Jamkesda, …) is kept per edition as well as per list. The list's kind
 * used to change when an import began, so an import that then failed, or a rollback to an
 * edition of another kind, left the counter reading members under the wrong payer. Now the
 * list's kind follows its current edition: set at the switch and at a rollback. Existing
 * editions take their list's kind, the only kind they were ever read under.
 */
export const m012EditionKind: Migration = {
  version: 12,
  name: 'edition-kind',
  up(db) {
    db.exec(`ALTER TABLE list_editions ADD COLUMN kind TEXT`);
    db.exec(`UPDATE list_editions SET kind = (SELECT kind FROM lists WHERE lists.id = list_editions.list_id)`);
  },
};
