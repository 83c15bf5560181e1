// A word index over this facility's records' names: FTS5 over patients.name_key, as external
// content (the index holds no copy of the names), kept by triggers on patients. Look-ups by
// name find records by how their name begins (the name_key index); this finds them by any of
// their words, so a patient given by the surname alone is found too (UI tester: *rohmah* for
// ENTIN ROHMAH was "not found", and Enter, Enter made a second record).
import type { Db } from '../store/open-database';
import { statement } from '../store/statements';

const TABLE = 'patient_name_words';

/** The index, its triggers, and its filling from the records there are (counter migration 027). */
export function createPatientNameWordsSql(): string {
  return `
    CREATE VIRTUAL TABLE ${TABLE} USING fts5(name_key, content='patients', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER patients_name_words_insert AFTER INSERT ON patients BEGIN
      INSERT INTO ${TABLE} (rowid, name_key) VALUES (new.id, new.name_key);
    END;
    CREATE TRIGGER patients_name_words_delete AFTER DELETE ON patients BEGIN
      INSERT INTO ${TABLE} (${TABLE}, rowid, name_key) VALUES ('delete', old.id, old.name_key);
    END;
    CREATE TRIGGER patients_name_words_update AFTER UPDATE OF name_key ON patients BEGIN
      INSERT INTO ${TABLE} (${TABLE}, rowid, name_key) VALUES ('delete', old.id, old.name_key);
      INSERT INTO ${TABLE} (rowid, name_key) VALUES (new.id, new.name_key);
    END;
    INSERT INTO ${TABLE} (${TABLE}) VALUES ('rebuild');`;
}

/** Words of a name key as the index splits them: letters and digits (A-Z after normalizeName). */
export const wordsOfKey = (key: string): string[] => key.match(/[\p{L}\p{N}]+/gu) ?? [];

/** A last word this short is never matched as the beginning of a word: too many names begin so. */
const MIN_PREFIX = 3;

/**
 * Ids of the records whose name has every word of `key` (the last also as the beginning of a
 * word: a name still being typed), at most `limit`, newest record first. The caller reads each
 * record and checks its name again: the index answers for the name it was given.
 */
export function findPatientIdsByNameWords(db: Db, key: string, limit: number): number[] {
  const words = wordsOfKey(key);
  if (words.length === 0) return [];
  const last = words.length - 1;
  const match = words.map((w, i) => (i === last && w.length >= MIN_PREFIX ? `"${w}"*` : `"${w}"`)).join(' AND ');
  return statement(db, `SELECT rowid FROM ${TABLE} WHERE ${TABLE} MATCH ? ORDER BY rowid DESC LIMIT ?`).pluck().all(match, limit) as number[];
}
