/**
 * Column recognition for eligibility lists: header synonyms and header-row matching.
 *
 * Headers are compared after normalizeHeader() and with spaces removed, so 'TGL_LAHIR',
 * 'Tgl. Lahir', 'TGL LAHIR' and 'TGLLAHIR' are the same key. A parenthesised remark
 * ('NIK (16 digit)') is ignored as a fallback.
 */
import { hasControlCharacters, withoutControlCharacters } from '../../shared/text-rules';
import { ListFileError } from './list-file-error';

export type ListField =
  | 'nik' | 'card' | 'name' | 'dob' | 'sex' | 'birthPlace' | 'status' | 'segment' | 'facility'
  | 'class' | 'address' | 'rt' | 'rw' | 'village' | 'district' | 'city' | 'province' | 'familyCard'
  | 'motherName' | 'rowNo' | 'validFrom' | 'validUntil';

/** field -> 0-based column index */
export type ColumnMapping = Partial<Record<ListField, number>>;

/**
 * Synonyms per field, in order of preference: when several columns match one field, the column
 * matching the earlier synonym wins (ties: the leftmost column). This matters for the card:
 * DTKS extracts carry both noka_bpjs and psnoka_bpjs, and BPJS extracts both PSNOKA and NOKA;
 * PSNOKA ("nomor kartu peserta") is the member's own card number, so PSNOKA-style names come first.
 */
export const FIELD_SYNONYMS: Record<ListField, readonly string[]> = {
  nik: ['NIK', 'NO KTP', 'NOKTP', 'NO NIK', 'NOMOR NIK', 'NIK KTP', 'NOMOR KTP', 'NIK PESERTA',
    'NOMOR INDUK KEPENDUDUKAN', 'NO INDUK KEPENDUDUKAN', 'KTP'],
  card: ['PSNOKA', 'PSNOKA BPJS', 'NOKAPST', 'NO KARTU', 'NOMOR KARTU', 'NOKA', 'NOKA BPJS', 'NO BPJS',
    'NOMOR BPJS', 'NO KARTU BPJS', 'NOMOR KARTU BPJS', 'NO JKN', 'NO KARTU JKN', 'NOMOR KARTU JKN',
    'NO KIS', 'NOMOR KIS', 'NO KARTU KIS', 'NOMOR PESERTA', 'NO PESERTA', 'NO KARTU PESERTA',
    'NOMOR KARTU PESERTA', 'KIS'],
  name: ['NAMA', 'NAMA PESERTA', 'NAMA LENGKAP', 'NAMA PASIEN', 'NM PESERTA', 'NMPST', 'NAMA ART',
    'NAMA ANGGOTA'],
  dob: ['TGL LAHIR', 'TGLLHR', 'TANGGAL LAHIR', 'TGL LHR', 'TANGGAL LHR', 'TGLLAHIR', 'TANGGALLAHIR',
    'TGL LAHIR PESERTA'],
  sex: ['JK', 'JENKEL', 'JENIS KELAMIN', 'L/P', 'KELAMIN', 'SEX', 'KD JENKEL'],
  birthPlace: ['TEMPAT LAHIR', 'TMP LAHIR', 'TPT LAHIR', 'TMPT LAHIR'],
  status: ['STATUS', 'KDSTATUSPST', 'STATUS PESERTA', 'STATUS KEPESERTAAN', 'KETERANGAN STATUS',
    'KET STATUS', 'NMSTATUSPST'],
  segment: ['SEGMEN', 'SEGMENTASI', 'JENIS PESERTA', 'JNS PESERTA'],
  facility: ['FASKES', 'PPK', 'FKTP', 'KDPPK', 'NMPPK', 'FASKES TINGKAT 1', 'FASKES TK 1', 'FASKES TK I',
    'PROVIDER'],
  class: ['KELAS', 'HAK KELAS', 'KLS', 'KELAS RAWAT'],
  address: ['ALAMAT', 'ALAMAT LENGKAP', 'ALAMAT RUMAH'],
  rt: ['RT'],
  rw: ['RW'],
  village: ['KELURAHAN', 'DESA', 'KEL', 'KELURAHAN/DESA', 'DESA/KELURAHAN', 'KEL/DESA', 'DESA/KEL'],
  district: ['KECAMATAN', 'KEC'],
  city: ['KOTA', 'KABUPATEN', 'KAB/KOTA', 'KABUPATEN/KOTA', 'KOTA/KABUPATEN', 'KOTA/KAB', 'KAB'],
  province: ['PROVINSI', 'PROV'],
  familyCard: ['NOKK', 'NO KK', 'NOMOR KK', 'NO KARTU KELUARGA', 'NOMOR KARTU KELUARGA'],
  motherName: ['NAMA IBU KANDUNG', 'NAMA IBU'],
  rowNo: ['NO', 'NO.', 'NOMOR', 'NO URUT', 'NOMOR URUT'],
  validFrom: ['TMT', 'TGL TMT', 'TMT PESERTA'],
  validUntil: ['TAT', 'TGL TAT'],
};

const FIELDS = Object.keys(FIELD_SYNONYMS) as ListField[];

/**
 * Upper-case, trim, and fold NBSP, underscore, dot, dash and runs of spaces into one space; other
 * control and format characters (a stray NUL, a direction mark) are dropped, as from any cell.
 */
export function normalizeHeader(h: string): string {
  const folded = h.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff_.\-\u2013\u2014]+/g, ' ');
  return (hasControlCharacters(folded) ? withoutControlCharacters(folded) : folded).trim().toUpperCase();
}

/** Comparison key: normalized, spaces removed ('NO KTP' and 'NOKTP' are one key). */
function headerKey(h: string): string {
  return normalizeHeader(h).replace(/ /g, '');
}

interface Synonym { field: ListField; rank: number }

const SYNONYM_INDEX: ReadonlyMap<string, Synonym> = (() => {
  const index = new Map<string, Synonym>();
  for (const field of FIELDS) {
    FIELD_SYNONYMS[field].forEach((syn, rank) => {
      const key = headerKey(syn);
      const prev = index.get(key);
      // A key claimed by two fields would make matching order-dependent: fail loudly in tests.
      if (prev && prev.field !== field) throw new Error(`synonym ${syn} used by ${prev.field} and ${field}`);
      if (!prev) index.set(key, { field, rank });
    });
  }
  return index;
})();

/** Fallback rank for a match found only after dropping a parenthesised remark. */
const REMARK_PENALTY = 1000;

function isListField(f: string): f is ListField {
  return Object.prototype.hasOwnProperty.call(FIELD_SYNONYMS, f);
}

/** Which field a single header names, if any (ignoring overrides). */
export function fieldOfHeader(header: string): ListField | null {
  return lookup(header)?.field ?? null;
}

function lookup(header: string): Synonym | null {
  const direct = SYNONYM_INDEX.get(headerKey(header));
  if (direct) return direct;
  const withoutRemark = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  if (withoutRemark !== header) {
    const hit = SYNONYM_INDEX.get(headerKey(withoutRemark));
    if (hit) return { field: hit.field, rank: hit.rank + REMARK_PENALTY };
  }
  return slashedLookup(withoutRemark);
}

/**
 * Hand-made sheets join two names of one column with a slash: "NO. KTP/NIK", "NIK / NO. KTP",
 * "NOKA/NO KARTU". Such a header names a field when every part names that same field; a part
 * naming nothing or another field ("TEMPAT/TGL LAHIR": a place and a date) names none.
 */
function slashedLookup(header: string): Synonym | null {
  if (!header.includes('/')) return null;
  const parts = header.split('/').filter((p) => p.trim() !== '');
  if (parts.length < 2) return null;
  let found: Synonym | null = null;
  for (const part of parts) {
    const hit = SYNONYM_INDEX.get(headerKey(part));
    if (!hit || (found && found.field !== hit.field)) return null;
    if (!found || hit.rank < found.rank) found = hit;
  }
  return found && { field: found.field, rank: found.rank + REMARK_PENALTY };
}

/**
 * Matches a header row: returns the mapping, or null if it doesn't look like a header (fewer
 * than 2 recognised fields, or no nik/card/name). Overrides ({ nik: 'NO_KTP' }, by header text,
 * normalized compare) take precedence; an override naming a header not present throws
 * ListFileError('unknown-mapping-column'), two naming one column 'mapping-column-twice', with
 * parameters the caller words (`row`: the header row's number, for the message). Each field maps
 * to at most one column and each column to at most one field.
 */
export function matchHeader(cells: readonly string[], overrides?: Partial<Record<ListField, string>>, row = 0): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const keys = cells.map(headerKey);

  for (const [field, header] of Object.entries(overrides ?? {})) {
    if (header === undefined) continue;
    if (!isListField(field)) throw new ListFileError('unknown-mapping-field', `unknown field "${field}"`, undefined, { field, fields: Object.keys(FIELD_SYNONYMS).join(', ') });
    const key = headerKey(header);
    const col = key === '' ? -1 : keys.indexOf(key);
    const headers = cells.filter((h) => h.trim() !== '').join(', ');
    if (col < 0) throw new ListFileError('unknown-mapping-column', `${field}: no column "${header}"`, undefined, { field, header, row, headers });
    if (taken.has(col)) {
      const first = Object.entries(mapping).find(([, c]) => c === col)?.[0] ?? '';
      throw new ListFileError('mapping-column-twice', `${field}: column "${header}" is already mapped`, undefined, { header, field: `${first}, ${field}` });
    }
    mapping[field] = col;
    taken.add(col);
  }

  const candidates: { field: ListField; col: number; rank: number }[] = [];
  cells.forEach((cell, col) => {
    if (taken.has(col)) return;
    const hit = lookup(cell);
    if (hit && mapping[hit.field] === undefined) candidates.push({ field: hit.field, col, rank: hit.rank });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.col - b.col);
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || taken.has(c.col)) continue;
    mapping[c.field] = c.col;
    taken.add(c.col);
  }

  if (taken.size < 2) return null;
  if (mapping.nik === undefined && mapping.card === undefined && mapping.name === undefined) return null;
  return mapping;
}

/** True when every override names a header present in `cells` (used to locate the header row). */
export function hasOverrideHeaders(cells: readonly string[], overrides: Partial<Record<ListField, string>>): boolean {
  const keys = new Set(cells.map(headerKey));
  return Object.values(overrides).every((h) => h === undefined || keys.has(headerKey(h)));
}
