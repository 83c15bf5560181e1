/**
 * Text encoding of CSV lists: UTF-8 (with or without BOM) or Windows-1252, which is what
 * Excel on an Indonesian Windows PC writes for "CSV (Comma delimited)".
 */
// Node's own checks (SIMD): isAscii runs on every chunk of an ASCII file, ~15x a loop in JavaScript.
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

export type ListEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2];
}

/** Length of `buf` without a UTF-8 sequence cut off at its end (chunk boundaries split characters). */
export function completeUtf8Length(buf: Uint8Array): number {
  const len = buf.length;
  for (let back = 1; back <= Math.min(4, len); back++) {
    const b = buf[len - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? len - back : len;
  }
  return len;
}

export interface DetectedEncoding {
  encoding: ListEncoding;
  /** The sample held no byte >= 0x80, so the choice of UTF-8 is provisional. */
  asciiSample: boolean;
}

/** Detects the encoding from the first bytes (64 KB) of the file. */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (hasBom(head)) return { encoding: 'utf-8-bom', asciiSample: false };
  const sample = head.subarray(0, completeUtf8Length(head));
  if (isAscii(sample)) return { encoding: 'utf-8', asciiSample: true };
  return { encoding: isUtf8(sample) ? 'utf-8' : 'windows-1252', asciiSample: false };
}

/**
 * Streaming decoder, line by line where it matters. A list is one encoding as a rule, but
 * files pasted together from several sources are not: a UTF-8 file with a few rows from an old
 * Windows-1252 export, or the reverse. Each line holding bytes >= 0x80 is read as UTF-8 when it
 * is valid UTF-8 and as Windows-1252 otherwise, so neither kind comes out garbled. The first
 * such line fixes the file's encoding (an ASCII-looking sample leaves it open; `onSwitch`
 * reports a file that turns out Windows-1252); lines read in the other encoding are collected
 * in `otherLines` (1-based physical line numbers), for a warning that names their rows.
 */
export class ListTextDecoder {
  private carry: Buffer = Buffer.alloc(0);
  private readonly cp1252 = new TextDecoder('windows-1252');
  /**
   * Always with `stream: true`: Node's one-shot decode of 'windows-1252' takes a Latin-1 fast
   * path that turns 0x80-0x9F (€ ‘ ’ “ ” – …) into control characters; the streaming path maps
   * them right. The encoding is single-byte, so no state carries between calls.
   */
  private readonly fromCp1252 = (bytes: Uint8Array): string => this.cp1252.decode(bytes, { stream: true });
  private established: 'utf-8' | 'windows-1252' | null;
  private first = true;
  private lines = 0;
  /** Lines read in the other encoding than the file's, since the last drain. */
  private other = new Map<number, 'utf-8' | 'windows-1252'>();

  constructor(
    encoding: ListEncoding,
    switchable: boolean,
    private readonly onSwitch?: () => void,
  ) {
    this.established = encoding === 'windows-1252' ? 'windows-1252' : switchable ? null : 'utf-8';
  }

  decode(chunk: Buffer): string {
    let buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.first) {
      this.first = false;
      if (hasBom(buf)) buf = buf.subarray(3);
    }
    const lastNewline = buf.lastIndexOf(0x0a);
    // A file with bare CR line ends (or one huge line) still moves on: decode what is here.
    const cut = lastNewline >= 0 ? lastNewline + 1 : buf.length > LONG_LINE_BYTES ? completeUtf8Length(buf) : 0;
    this.carry = Buffer.from(buf.subarray(cut));
    this.asciiPart = null;
    return cut > 0 ? this.decodeLines(buf.subarray(0, cut)) : '';
  }

  end(): string {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    this.asciiPart = null;
    return rest.length > 0 ? this.decodeLines(rest) : '';
  }

  /** Lines read in the other encoding since the last call: physical line number -> how it was read. */
  drainOtherLines(): Map<number, 'utf-8' | 'windows-1252'> {
    const drained = this.other;
    if (drained.size > 0) this.other = new Map();
    return drained;
  }

  /** The bytes of the text last decoded when all of them were ASCII (that text is then those bytes, a character each), else null. */
  lastAsciiBytes(): Uint8Array | null {
    return this.asciiPart;
  }

  private asciiPart: Uint8Array | null = null;

  private decodeLines(part: Buffer): string {
    this.asciiPart = null;
    // Fast paths: the whole part is plainly one encoding (almost every chunk of almost every file).
    if (this.established !== 'windows-1252' && isUtf8(part)) {
      if (isAscii(part)) this.asciiPart = part;
      else if (this.established === null) this.established = 'utf-8';
      this.lines += countNewlines(part);
      return part.toString('utf8');
    }
    if (this.established === 'windows-1252' && !looksLikeUtf8(part)) {
      this.lines += countNewlines(part);
      return this.fromCp1252(part);
    }
    let out = '';
    for (let start = 0; start < part.length; ) {
      const newline = part.indexOf(0x0a, start);
      const end = newline < 0 ? part.length : newline + 1;
      const line = part.subarray(start, end);
      this.lines++;
      if (isAscii(line)) out += line.toString('latin1');
      else {
        const kind = isUtf8(line) ? 'utf-8' : 'windows-1252';
        if (this.established === null) {
          this.established = kind;
          if (kind === 'windows-1252') this.onSwitch?.();
        } else if (kind !== this.established) this.other.set(this.lines, kind);
        out += kind === 'utf-8' ? line.toString('utf8') : this.fromCp1252(line);
      }
      start = end;
    }
    return out;
  }
}

/** A line longer than this without a newline is decoded as it stands (CR-only files). */
const LONG_LINE_BYTES = 1 << 20;

function countNewlines(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** A UTF-8 lead byte followed by a continuation byte: text that may be UTF-8 inside a Windows-1252 file. */
function looksLikeUtf8(buf: Uint8Array): boolean {
  for (let i = 0; i + 1 < buf.length; i++) {
    const b = buf[i]!;
    if (b >= 0xc2 && b <= 0xf4 && (buf[i + 1]! & 0xc0) === 0x80) return true;
  }
  return false;
}
