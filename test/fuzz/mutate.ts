/**
 * Damaged list files, made deterministically from a seed: what a broken disk, a bad download,
 * a hand-edited export or an attacker could hand the importer. Every mutation is named, so a
 * failure says which kind of damage found it.
 */
import { rng } from '../fixtures/generate-members';
import { buildZip, minimalXlsx, type ZipInput } from '../fixtures/zip-writer';

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: () => number, max: number): number => Math.floor(random() * max);

const NIKS = ['3673015203850003', '3673011708900002', '3604010101700005', '7571015506000007', '3201014506880001', '3174022308790004'];
const NAMES = ['SITI AMINAH', 'MOCH. RIZKI', 'DJOKO SOESILO', 'NUR HASANAH', "I GUSTI AYU PUTU", 'YOHANES ÖZİL'];

/** The seed corpus: a small, valid list as rows. */
export function seedRows(): string[][] {
  const rows = [['NO', 'NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK', 'STATUS']];
  for (let i = 0; i < 40; i++) {
    rows.push([String(i + 1), NIKS[i % NIKS.length]!.slice(0, 12) + String(1000 + i), String(1336526592 + i).padStart(13, '0'), `${NAMES[i % NAMES.length]} ${i}`, '12-03-1985', i % 2 ? 'L' : 'P', 'AKTIF']);
  }
  return rows;
}

const csvOf = (rows: string[][]): string => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Sheet XML and shared strings for rows, every text cell a shared string (as Excel writes it). */
function xlsxParts(rows: string[][]): { sheet: string; sst: string } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const col = (c: number): string => String.fromCharCode(65 + c);
  const body = rows.map((r, ri) => `<row r="${ri + 1}">${r.map((cell, ci) => `<c r="${col(ci)}${ri + 1}" t="s"><v>${ref(cell)}</v></c>`).join('')}</row>`).join('');
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return {
    sheet: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`,
    sst: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
  };
}

export interface Mutant {
  name: string;
  ext: 'csv' | 'xlsx';
  data: Buffer;
}

type TextMutation = (text: string, random: () => number) => string;
type ByteMutation = (bytes: Buffer, random: () => number) => Buffer;

const TEXT: Record<string, TextMutation> = {
  truncate: (t, r) => t.slice(0, int(r, t.length)),
  'unclosed-tag': (t, r) => {
    const closes = [...t.matchAll(/<\/(row|c|si|t|v|sheetData)>/g)];
    if (closes.length === 0) return t;
    const m = pick(r, closes);
    return t.slice(0, m.index) + t.slice(m.index + m[0].length);
  },
  'huge-reference': (t, r) => t.replace(/r="([A-Z]+)(\d+)"/, pick(r, ['r="ZZZZZZ2"', 'r="A99999999999"', 'r="XFE2"', 'r="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"'])),
  'huge-row-number': (t) => t.replace(/<row r="5"/, '<row r="4294967297"'),
  'nul-bytes': (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + '\0'.repeat(1 + int(r, 50)) + t.slice(at);
  },
  'control-characters': (t, r) => t.replace(/SITI/g, () => `SI${String.fromCharCode(1 + int(r, 30))}TI`),
  'long-cell': (t, r) => t.replace('DJOKO', 'D'.repeat(40_000 + int(r, 60_000))),
  'unbalanced-quote': (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + '"' + t.slice(at);
  },
  'many-columns': (t) => t.replace('\r\n', ','.repeat(20_000) + '\r\n'),
  'duplicate-sst-entries': (t) => t.replace(/<\/sst>/, '<si><t>x</t></si>'.repeat(50) + '</sst>'),
  'negative-sst-index': (t) => t.replace(/<v>3<\/v>/, '<v>-1</v>').replace(/<v>4<\/v>/, '<v>99999999999</v>'),
  'deep-markup': (t) => t.replace('<sheetData>', '<sheetData>' + '<x>'.repeat(100_000)),
};

const BYTES: Record<string, ByteMutation> = {
  'bit-flips': (b, r) => {
    const out = Buffer.from(b);
    for (let k = 0, n = 1 + int(r, 20); k < n; k++) out[int(r, out.length)]! ^= 1 << int(r, 8);
    return out;
  },
  'byte-truncate': (b, r) => b.subarray(0, int(r, b.length)),
  'utf16le': (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  'utf16le-no-bom': (b) => Buffer.from(b.toString('utf8'), 'utf16le'),
  'mixed-encoding': (b, r) => {
    const latin = Buffer.from('JOSÉ MARÍA ÑOÑO', 'latin1');
    const at = int(r, b.length);
    return Buffer.concat([b.subarray(0, at), latin, b.subarray(at)]);
  },
  'zip-garbage-tail': (b, r) => Buffer.concat([b, Buffer.from(Array.from({ length: 1 + int(r, 4096) }, () => int(r, 256)))]),
};

const CSV_TEXT = ['truncate', 'nul-bytes', 'control-characters', 'long-cell', 'unbalanced-quote', 'many-columns'];
const CSV_BYTES = ['bit-flips', 'byte-truncate', 'utf16le', 'utf16le-no-bom', 'mixed-encoding'];
const XLSX_TEXT = ['truncate', 'unclosed-tag', 'huge-reference', 'huge-row-number', 'nul-bytes', 'control-characters', 'long-cell', 'duplicate-sst-entries', 'negative-sst-index', 'deep-markup'];
const XLSX_BYTES = ['bit-flips', 'byte-truncate', 'zip-garbage-tail'];

/** Mutant number `i` of the run seeded `seed`: one or two damages to one of the seed files. */
export function mutant(seed: number, i: number): Mutant {
  const random = rng(seed * 1_000_003 + i);
  const rows = seedRows();
  if (random() < 0.5) {
    const textual = random() < 0.6;
    const name = textual ? pick(random, CSV_TEXT) : pick(random, CSV_BYTES);
    const data = textual ? Buffer.from(TEXT[name]!(csvOf(rows), random), 'utf8') : BYTES[name]!(Buffer.from(csvOf(rows), 'utf8'), random);
    return { name: `csv/${name}`, ext: 'csv', data };
  }
  const { sheet, sst } = xlsxParts(rows);
  if (random() < 0.7) {
    const name = pick(random, XLSX_TEXT);
    const inSheet = random() < 0.6;
    const parts = { sheet: inSheet ? TEXT[name]!(sheet, random) : sheet, sst: inSheet ? sst : TEXT[name]!(sst, random) };
    const entries: ZipInput[] = minimalXlsx({ sheets: [{ name: 'Data', xml: parts.sheet }], sharedStrings: parts.sst });
    return { name: `xlsx/${name}${inSheet ? '' : '@sst'}`, ext: 'xlsx', data: buildZip(entries) };
  }
  const name = pick(random, XLSX_BYTES);
  const data = BYTES[name]!(buildZip(minimalXlsx({ sheets: [{ name: 'Data', xml: sheet }], sharedStrings: sst })), random);
  return { name: `xlsx/${name}`, ext: 'xlsx', data };
}

/** The seed corpus itself, valid: the edition every run starts from. */
export function validCsv(): Buffer {
  return Buffer.from(csvOf(seedRows()), 'utf8');
}
