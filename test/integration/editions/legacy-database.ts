/**
 * A database as Loket wrote it before version 7: schema 6, every edition's members in the main
 * file (`members_e<id>`, `names_e<id>`), its issues in the main `import_issues`. Built with the
 * old schema SQL, copied here as it was, so the test does not depend on today's code.
 */
import Database from 'better-sqlite3';
import { migrate } from '../../../src/core/store/migrations';
import { NameKeys } from '../../../src/core/lists/name-keys';

export interface LegacyMember {
  nik: string;
  card: string;
  name: string;
  /** yyyymmdd */
  dob: number;
  active: boolean;
}

const oldMemberTableSql = (id: number): string => `CREATE TABLE members_e${id} (
    id        INTEGER PRIMARY KEY,
    nik       TEXT,
    card      INTEGER,
    dob       INTEGER,
    flags     INTEGER NOT NULL,
    name      TEXT NOT NULL,
    detail    TEXT NOT NULL,
    row       INTEGER NOT NULL,
    name_keys TEXT
  );
  CREATE INDEX members_e${id}_nik ON members_e${id}(nik);
  CREATE INDEX members_e${id}_card ON members_e${id}(card);
  CREATE VIRTUAL TABLE names_e${id} USING fts5(keys, content='', detail=none, columnsize=0);`;

/** The name keys of an edition before format 2: the name's, then a birth-date token. */
const legacyKeys = (keys: NameKeys, name: string, dob: number | null): string | null => {
  const nameKeys = keys.of(name);
  if (dob === null) return nameKeys;
  return `${nameKeys ?? ''} D${dob}`;
};

/** Writes `editions` (state and members each) of one list "PBI LAMA" into a schema-6 database at `path`. */
export function writeLegacyDatabase(path: string, editions: { state: 'current' | 'previous' | 'retired'; members: LegacyMember[] }[]): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, 6);
  const keys = new NameKeys();
  db.prepare(`INSERT INTO lists (id, name, kind, created_at) VALUES (1, 'PBI LAMA', 'pbi-apbd', '2026-10-01T00:00:00Z')`).run();
  editions.forEach((e, i) => {
    const id = i + 1;
    db.prepare(
      `INSERT INTO list_editions (id, list_id, edition, state, as_of, source_file, source_sha256, source_format, started_at, heartbeat_at, imported_at, rows_imported)
       VALUES (?, 1, ?, ?, '2026-11-01', 'lama.csv', 'x', 'csv', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', ?)`,
    ).run(id, id, e.state, e.members.length);
    if (e.state === 'retired') return; // the old code dropped a retired edition's tables
    db.exec(oldMemberTableSql(id));
    const insert = db.prepare(`INSERT INTO members_e${id} (nik, card, dob, flags, name, detail, row, name_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    e.members.forEach((m, row) => insert.run(m.nik, Number(m.card), m.dob, m.active ? 1 : 0, m.name, m.active ? 'P' : 'P\x1fNON AKTIF', row + 2, legacyKeys(keys, m.name, m.dob)));
    db.exec(`INSERT INTO names_e${id}(rowid, keys) SELECT id, name_keys FROM members_e${id}`);
    db.prepare(`INSERT INTO import_issues (edition_id, row, severity, code, detail) VALUES (?, 99, 'reject', 'row/nik-invalid', 'NIK tidak valid (edisi ${id})')`).run(id);
  });
  db.close();
}
