import type { Migration } from './index';

/**
 * "Who looked me up?" for look-ups that did not name the person by number: a search by name (or
 * by record number) records the NIK and card numbers of the people its answer showed, in the
 * entry's detail (`persons`, hashed with the entry). This table is their index, so the audit
 * screen's person filter finds those entries without reading the whole trail: one row per key
 * and entry, written with the entry in the same transaction (audit-log.repo.ts). Derived from
 * the hashed detail, never the record itself; append-only like the trail.
 */
export const m013AuditPersonKeys: Migration = {
  version: 13,
  name: 'audit-person-keys',
  up(db) {
    db.exec(`
      CREATE TABLE audit_person_keys (
        key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (key, seq)
      ) WITHOUT ROWID;
      CREATE TRIGGER audit_person_keys_no_update BEFORE UPDATE ON audit_person_keys BEGIN SELECT RAISE(ABORT, 'audit_person_keys is append-only'); END;
      CREATE TRIGGER audit_person_keys_no_delete BEFORE DELETE ON audit_person_keys BEGIN SELECT RAISE(ABORT, 'audit_person_keys is append-only'); END;
    `);
  },
};
