import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The people whose identifiers must never be readable on disk. */
export interface Person {
  nik?: string | null;
  card?: string | null;
  /** null: no name to look for (see identifyingName). */
  name: string | null;
}

export interface Finding {
  file: string;
  /** 'utf8' (also ASCII, Latin-1), 'utf16le', and '+gunzip' when found inside a gzip stream. */
  encoding: string;
  kind: 'nik' | 'card' | 'name';
  value: string;
}

export interface ScanReport {
  files: number;
  bytes: number;
  findings: Finding[];
}

/**
 * Looks for identifiers in the raw bytes of every file under some folders: each NIK and card
 * number as digits, and each name in any letter case, written as single bytes (ASCII, UTF-8,
 * Latin-1) or as UTF-16LE at either byte alignment. A gzip file is also looked into (the hub
 * keeps editions gzip-compressed: an unencrypted file inside would otherwise pass).
 *
 * One pass per file and form instead of one search per identifier: the bytes are read as a
 * stream of characters, digit runs are cut into every 13- and 16-digit window and looked up in
 * a set, and letter runs (letters, space, dot, apostrophe, hyphen) are matched, upper-cased, at
 * every position against the names that start with the three letters there. Names must be ASCII.
 */
export class PlaintextScanner {
  private readonly numbers = new Map<string, 'nik' | 'card'>();
  /** Upper-case names by their first three characters. */
  private readonly namesByPrefix = new Map<string, string[]>();

  constructor(people: readonly Person[]) {
    for (const person of people) {
      if (person.nik) this.numbers.set(person.nik, 'nik');
      if (person.card) this.numbers.set(person.card, 'card');
      if (person.name === null) continue;
      const name = person.name.trim().toUpperCase();
      if (!/^[A-Z][A-Z .'-]{2,}$/.test(name)) throw new Error(`the scanner takes ASCII names of three characters or more only: ${person.name}`);
      const prefix = name.slice(0, 3);
      const list = this.namesByPrefix.get(prefix) ?? [];
      if (!list.includes(name)) list.push(name);
      this.namesByPrefix.set(prefix, list);
    }
  }

  /** Every regular file under `roots` (symbolic links are not followed). */
  scanFolders(roots: readonly string[]): ScanReport {
    const report: ScanReport = { files: 0, bytes: 0, findings: [] };
    for (const root of roots) this.walk(root, report);
    return report;
  }

  private walk(path: string, report: ScanReport): void {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) this.walk(join(path, name), report);
      return;
    }
    if (!stat.isFile()) return;
    const bytes = readFileSync(path);
    report.files += 1;
    report.bytes += bytes.length;
    report.findings.push(...this.scanBytes(bytes).map((f) => ({ ...f, file: path })));
  }

  /** The identifiers in one buffer (and, for a gzip stream, in what it holds). */
  scanBytes(bytes: Buffer): Omit<Finding, 'file'>[] {
    const found = [
      ...this.scanText(singleBytes(bytes)).map((f) => ({ ...f, encoding: 'utf8' })),
      ...this.scanText(utf16le(bytes, 0)).map((f) => ({ ...f, encoding: 'utf16le' })),
      ...this.scanText(utf16le(bytes, 1)).map((f) => ({ ...f, encoding: 'utf16le' })),
    ];
    if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
      let inner: Buffer | null;
      try {
        inner = gunzipSync(bytes);
      } catch {
        inner = null; // not a whole gzip stream: its raw bytes were scanned above
      }
      if (inner) found.push(...this.scanBytes(inner).map((f) => ({ ...f, encoding: `${f.encoding}+gunzip` })));
    }
    return found;
  }

  /** `text`: one character per code unit, anything not ASCII already replaced by a separator. */
  private scanText(text: string): Omit<Finding, 'file' | 'encoding'>[] {
    const found: Omit<Finding, 'file' | 'encoding'>[] = [];
    for (const run of text.matchAll(/\d{13,}/g)) {
      const digits = run[0];
      for (const width of [13, 16]) {
        for (let i = 0; i + width <= digits.length; i++) {
          const value = digits.slice(i, i + width);
          const kind = this.numbers.get(value);
          if (kind) found.push({ kind, value });
        }
      }
    }
    for (const run of text.matchAll(/[A-Za-z][A-Za-z .'-]{2,}/g)) {
      const upper = run[0].toUpperCase();
      // Every position, not only word starts: a record's header byte may be a letter glued to the name.
      for (let i = 0; i + 3 <= upper.length; i++) {
        for (const name of this.namesByPrefix.get(upper.slice(i, i + 3)) ?? []) {
          if (upper.startsWith(name, i)) found.push({ kind: 'name', value: name });
        }
      }
    }
    return found;
  }
}

/** Each byte as a character; bytes outside printable ASCII become a separator. */
function singleBytes(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '\n');
}

/** The bytes as UTF-16LE from `offset`; a code unit outside printable ASCII becomes a separator. */
function utf16le(bytes: Buffer, offset: number): string {
  const length = Math.floor((bytes.length - offset) / 2) * 2;
  if (length <= 0) return '';
  return bytes.subarray(offset, offset + length).toString('utf16le').replace(/[^\x20-\x7e]/g, '\n');
}

/**
 * The part of a list's name that identifies a person, as the scanner looks for it: without an
 * honorific in front ("H.", "DR.") or a degree behind (", S.PD"), which a list carries but a
 * clerk may drop; null for a single word (a common given name such as "SITI" is no identifier,
 * and four letters turn up by chance in megabytes of encrypted bytes).
 */
export function identifyingName(name: string): string | null {
  const words = name.split(',')[0]!.trim().split(/\s+/);
  if (words.length > 1 && words[0]!.endsWith('.')) words.shift();
  return words.length >= 2 ? words.join(' ') : null;
}
