import type { MatchFlag } from '../../shared/lookup';
import type { Sex } from '../../shared/nik';

/**
 * Members live in one SQLite file per list edition (store/edition-store.ts), in the table
 * `members`, with a contentless FTS5 index `names` over phonetic name tokens and a birth-date
 * token (the row's normalized name keys, column name_keys; ASCII only, so FTS5's plain `ascii`
 * tokenizer reads them, cheaper than the default unicode61 on a 3-million-row build). Why a file
 * per edition: a new edition is bulk-loaded without indexes and indexed after (several times
 * faster than inserting into indexed tables), without a journal, and without ever holding the
 * main database's write lock, so the counter keeps registering during an import; the switch to
 * it is a rename and a metadata update, and retiring an old edition deletes a file rather than
 * millions of rows.
 *
 * Why the packed `detail` column: each bound parameter costs time on a 3-million-row import,
 * and nothing ever filters on address, segment or class; only NIK, card, birth date and name
 * are searched, and those have columns (and indexes) of their own.
 */
export const MEMBERS = 'members';
export const NAMES = 'names';
/** Where editions lived before version 7: tables in the main file (lists/legacy-editions.ts moves them out). */
export const legacyMemberTable = (editionId: number): string => `members_e${editionId}`;
export const legacyNameIndexTable = (editionId: number): string => `names_e${editionId}`;

export const MemberFlags = {
  active: 1,
  damagedNik: 2,
  nikDobMismatch: 4,
  nikSexMismatch: 8,
  duplicate: 16,
  cardZerosRestored: 32,
} as const;

const FLAG_NAMES: [number, MatchFlag][] = [
  [MemberFlags.damagedNik, 'damaged-nik'],
  [MemberFlags.nikDobMismatch, 'nik-dob-mismatch'],
  [MemberFlags.nikSexMismatch, 'nik-sex-mismatch'],
  [MemberFlags.duplicate, 'duplicate-in-list'],
  [MemberFlags.cardZerosRestored, 'card-zeros-restored'],
];

export function flagNames(flags: number): MatchFlag[] {
  const names: MatchFlag[] = [];
  for (const [bit, name] of FLAG_NAMES) if (flags & bit) names.push(name);
  return names;
}

/**
 * Order of the fields packed into `detail`, joined by the ASCII unit separator. The validity
 * dates (TMT / TAT of a BPJS extract, yyyy-mm-dd or empty) come last: editions imported before
 * them read as "" there, i.e. no limit.
 */
export const DETAIL_FIELDS = [
  'sex', 'statusReason', 'segment', 'facility', 'class', 'address', 'rt', 'rw',
  'village', 'district', 'city', 'province', 'birthPlace', 'validFrom', 'validUntil',
] as const;
/** The fields of `detail` the row validator derives rather than copies from a cell. */
export const DERIVED_DETAIL_FIELDS: ReadonlySet<string> = new Set(['sex', 'statusReason', 'validFrom', 'validUntil']);
export type MemberDetail = Record<(typeof DETAIL_FIELDS)[number], string>;
export const DETAIL_SEPARATOR = '\x1f';

export function createMemberTableSql(): string {
  return `CREATE TABLE ${MEMBERS} (
    id        INTEGER PRIMARY KEY,
    nik       TEXT,             -- 16 digits; a damaged NIK is stored as its 15 good digits + '0' with flag damagedNik
    card      INTEGER,          -- 13-digit card number as a number; zero-padded back on read
    dob       INTEGER,          -- yyyymmdd
    flags     INTEGER NOT NULL, -- MemberFlags bits (active, damaged NIK, mismatches, duplicate, ...)
    name      TEXT NOT NULL,    -- as written, trimmed and upper-cased
    detail    TEXT NOT NULL,    -- DETAIL_FIELDS joined by \\x1f
    row       INTEGER NOT NULL, -- row number in the source file
    name_keys TEXT              -- phonetic name tokens + ' D<yyyymmdd>': what the names index holds
  );
  -- Rejected rows and warnings of this edition's import, for the rejects download; they go with the file.
  CREATE TABLE import_issues (
    row      INTEGER NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('reject', 'warning')),
    code     TEXT NOT NULL,
    detail   TEXT
  );`;
}

/**
 * The key indexes as editions had them before the key tables (lists/key-tables.ts): an edition
 * moved out of a pre-version-7 database still gets these, and look-ups read both kinds.
 */
export function createMemberKeyIndexesSql(): string {
  return `CREATE INDEX ${MEMBERS}_nik ON ${MEMBERS}(nik);
    CREATE INDEX ${MEMBERS}_card ON ${MEMBERS}(card);`;
}

/** The name index's empty table (names-aside.ts builds it in another file and copies it in). */
export function createNameIndexTableSql(): string {
  return `CREATE VIRTUAL TABLE ${NAMES} USING fts5(keys, content='', detail=none, columnsize=0, tokenize='ascii');`;
}

/** The name index, built once the rows are final (after repeated rows are dropped). */
export function createNameIndexSql(): string {
  return `${createNameIndexTableSql()}
    INSERT INTO ${NAMES}(rowid, keys) SELECT id, name_keys FROM ${MEMBERS} WHERE name_keys IS NOT NULL;`;
}

export function unpackDetail(packed: string): MemberDetail {
  const parts = packed.split(DETAIL_SEPARATOR);
  const detail = {} as MemberDetail;
  DETAIL_FIELDS.forEach((field, i) => (detail[field] = parts[i] ?? ''));
  return detail;
}

export const cardToText = (card: number | null): string | null => (card === null ? null : String(card).padStart(13, '0'));

export function dobToIso(dob: number | null): string | null {
  if (dob === null) return null;
  const s = String(dob);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** yyyy-mm-dd as the number yyyymmdd, the form the members table keeps (any other text: what Number makes of its digits' places). */
export function isoToDob(iso: string): number {
  // By character codes: three slices, a concatenation and a parse cost every row of an import ~60 ns.
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return isoToDobBySlices(iso);
  let dob = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return isoToDobBySlices(iso);
    dob = dob * 10 + digit;
  }
  return dob;
}

export const isoToDobBySlices = (iso: string): number => Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));

export function sexOf(detail: MemberDetail): Sex | null {
  return detail.sex === 'L' || detail.sex === 'P' ? detail.sex : null;
}

/** One readable address line for the clerk: "JL. MAWAR NO 5 RT 001/RW 002, CIBEBER, WALANTAKA, KOTA SERANG". */
export function addressLine(d: MemberDetail): string | null {
  let street = d.address;
  if (d.rt || d.rw) street += `${street ? ' ' : ''}RT ${d.rt || '-'}/RW ${d.rw || '-'}`;
  const parts = [street, d.village, d.district, d.city].filter((p) => p !== '');
  return parts.length ? parts.join(', ') : null;
}
