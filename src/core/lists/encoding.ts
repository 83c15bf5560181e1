/**
 * Text encoding of CSV lists: UTF-8 (with or without BOM) or Windows-1252, which is what
 * Excel on an Indonesian Windows PC writes for "CSV (Comma delimited)".
 */
import { isUtf8 } from 'node:buffer';
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

function isAscii(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if ((buf[i] ?? 0) >= 0x80) return false;
  return true;
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
 * Streaming decoder. When the sample was pure ASCII the file may still be Windows-1252 further
 * down (one "JOSÉ" at row 40,000): the first chunk that is not valid UTF-8 switches the decoder
 * to Windows-1252 for the rest of the file, and `onSwitch` reports it. A file whose sample
 * already proved UTF-8 stays UTF-8; stray invalid bytes become U+FFFD.
 */
export class ListTextDecoder {
  private carry: Buffer = Buffer.alloc(0);
  private cp1252: TextDecoder | null = null;
  private first = true;

  constructor(
    encoding: ListEncoding,
    private readonly switchable: boolean,
    private readonly onSwitch?: () => void,
  ) {
    if (encoding === 'windows-1252') this.cp1252 = new TextDecoder('windows-1252');
  }

  decode(chunk: Buffer): string {
    if (this.cp1252) return this.cp1252.decode(chunk, { stream: true });
    let buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.first) {
      this.first = false;
      if (hasBom(buf)) buf = buf.subarray(3);
    }
    const n = completeUtf8Length(buf);
    if (this.switchable && !isUtf8(buf.subarray(0, n))) {
      this.cp1252 = new TextDecoder('windows-1252');
      this.carry = Buffer.alloc(0);
      this.onSwitch?.();
      return this.cp1252.decode(buf, { stream: true });
    }
    this.carry = n < buf.length ? Buffer.from(buf.subarray(n)) : Buffer.alloc(0);
    return buf.toString('utf8', 0, n);
  }

  end(): string {
    if (this.cp1252) return this.cp1252.decode();
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    if (rest.length === 0) return '';
    if (this.switchable && !isUtf8(rest)) {
      this.onSwitch?.();
      return new TextDecoder('windows-1252').decode(rest);
    }
    return rest.toString('utf8');
  }
}
