/**
 * Rows of one edition (its own file: `db` is the edition's building connection) that share a NIK or card number, found after the load through the NIK
 * and card tables (key-tables.ts; duplicates are rare, so this costs in proportion to them, not to the list).
 *
 * - A row repeated word for word (same NIK, card, birth date, name, and every detail Loket keeps:
 *   sex, status, segment, faskes, class, address...) is one member: the later copies are deleted
 *   and reported as repeats of the first. Columns Loket does not keep (the running number "NO",
 *   family card, mother's name, TMT/TAT, unmapped columns) are not compared: a look-up would
 *   show the copies identically anyway. Every member has a NIK or a card (rows without one are
 *   rejected), so exact repeats always share a key and are found here without hashing every row.
 * - Rows that still share a NIK or card after that stay apart and are flagged `duplicate`.
 */
import type { Db } from '../store/open-database';
import type Database from 'better-sqlite3';
import { KEY_TABLE, keyLookupSql, type KeyKind } from './key-tables';
import { MEMBERS, MemberFlags } from './member-table';

export interface RowPair {
  row: number;
  /** The first row of the file with the same key (or the same content). */
  other: number;
  /**
   * Set on a duplicate whose key's rows hold one person (same name) as active on one row and
   * not active on another: the list contradicts itself (the look-up counts the not-active row).
   */
  contradicts?: true;
}

interface KeyedRow {
  id: number;
  row: number;
  nik: string | null;
  card: number | null;
  dob: number | null;
  flags: number;
  name: string;
  detail: string;
}

const contentKey = (r: KeyedRow): string => JSON.stringify([r.nik, r.card, r.dob, r.flags, r.name, r.detail]);

/**
 * The NIKs and card numbers found on more than one row, found while the key tables are written
 * (key-tables.ts). Both steps below work from them: dropping repeats only removes rows of these
 * keys, so no other key can become shared.
 */
export interface SharedKeys {
  nik: unknown[];
  card: unknown[];
}

/** Rows sharing a NIK or card, each once, in file order. */
function rowsSharingKeys(db: Db, keys: SharedKeys): KeyedRow[] {
  const byId = new Map<number, KeyedRow>();
  for (const column of ['nik', 'card'] as const) {
    const byKey = db.prepare(`SELECT m.id, m.row, m.nik, m.card, m.dob, m.flags, m.name, m.detail FROM ${keyLookupSql(column, KEY_TABLE[column])}`);
    for (const key of keys[column]) for (const r of byKey.all(key) as KeyedRow[]) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => a.row - b.row || a.id - b.id);
}

/** A deleted repeat: its row and first copy, and what the name index needs to forget it. */
export interface DroppedRepeat extends RowPair {
  id: number;
  nik: string | null;
  card: number | null;
  name: string;
  dob: number | null;
}

/** Deletes the later copies of rows repeated word for word; returns each deleted row with its first copy. */
export function dropRepeatedRows(db: Db, keys: SharedKeys): DroppedRepeat[] {
  const rows = rowsSharingKeys(db, keys);
  if (rows.length === 0) return [];
  const first = new Map<string, number>();
  const repeats: DroppedRepeat[] = [];
  for (const r of rows) {
    const key = contentKey(r);
    const other = first.get(key);
    if (other === undefined) first.set(key, r.row);
    else repeats.push({ id: r.id, row: r.row, other, nik: r.nik, card: r.card, name: r.name, dob: r.dob });
  }
  if (repeats.length > 0) {
    const remove = db.prepare(`DELETE FROM ${MEMBERS} WHERE id = ?`);
    const removeKey = (kind: KeyKind): Database.Statement => {
      const { table, column, keyOf } = KEY_TABLE[kind];
      return db.prepare(`DELETE FROM ${table} WHERE ${column} = ${keyOf('?')} AND id = ?`);
    };
    const removeNik = removeKey('nik');
    const removeCard = removeKey('card');
    db.transaction(() =>
      repeats.forEach((r) => {
        remove.run(r.id);
        if (r.nik !== null) removeNik.run(r.nik, r.id);
        if (r.card !== null) removeCard.run(r.card, r.id);
      }),
    )();
  }
  return repeats;
}

/**
 * Flags rows whose NIK or card appears more than once; returns [row, first row of its key] pairs
 * for every later row. `keys`: the shared keys found before repeats were dropped (a key left on
 * one row by then is skipped).
 */
export function flagDuplicates(db: Db, keys: SharedKeys): RowPair[] {
  const rows: { id: number; row: number; key: string }[] = [];
  const contradicting = new Set<string>();
  for (const column of ['nik', 'card'] as const) {
    const byKey = db.prepare(`SELECT m.id, m.row, m.name, m.flags FROM ${keyLookupSql(column, KEY_TABLE[column])} ORDER BY m.row`);
    for (const key of keys[column]) {
      const found = byKey.all(key) as { id: number; row: number; name: string; flags: number }[];
      if (found.length < 2) continue;
      const keyName = `${column}:${String(key)}`;
      for (const r of found) rows.push({ id: r.id, row: r.row, key: keyName });
      if (mixesStatus(found)) contradicting.add(keyName);
    }
  }
  if (rows.length === 0) return [];
  const mark = db.prepare(`UPDATE ${MEMBERS} SET flags = flags | ${MemberFlags.duplicate} WHERE id = ?`);
  db.transaction(() => rows.forEach((r) => mark.run(r.id)))();
  const firstRowOfKey = new Map<string, number>();
  const pairs = new Map<number, RowPair>();
  for (const r of rows) {
    const first = firstRowOfKey.get(r.key);
    if (first === undefined) firstRowOfKey.set(r.key, r.row);
    else if (!pairs.has(r.row)) pairs.set(r.row, { row: r.row, other: first, ...(contradicting.has(r.key) ? { contradicts: true as const } : {}) });
    else if (contradicting.has(r.key)) pairs.get(r.row)!.contradicts = true;
  }
  return [...pairs.values()].sort((a, b) => a.row - b.row);
}

/** Rows of one key where a name stands as active on one row and not active on another. */
function mixesStatus(rows: readonly { name: string; flags: number }[]): boolean {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const bit = r.flags & MemberFlags.active ? 1 : 2;
    const both = (seen.get(r.name) ?? 0) | bit;
    if (both === 3) return true;
    seen.set(r.name, both);
  }
  return false;
}
