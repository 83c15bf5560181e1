/**
 * Minimal random-access ZIP reader (central directory + inflate), enough for xlsx workbooks.
 * Random access matters: Excel stores sharedStrings.xml and styles.xml AFTER the worksheets,
 * so a forward-only unzip must spool the whole sheet to disk before it can decode a cell.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { XLSX_LIMITS } from './xlsx-limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}
export class ZipFormatError extends Error {}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

function u64(buf: Buffer, at: number): number {
  return Number(buf.readBigUInt64LE(at));
}

export async function readZipDirectory(path: string, fileSize: number): Promise<Map<string, ZipEntry>> {
  const fh = await open(path, 'r');
  try {
    const tailLen = Math.min(fileSize, 65_557);
    const tail = await readAt(fh, fileSize - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) { eocd = i; break; }
    }
    if (eocd < 0) throw new ZipFormatError('end of central directory not found (truncated file?)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
      const locAt = eocd - 20;
      if (locAt < 0 || tail.readUInt32LE(locAt) !== EOCD64_LOCATOR_SIG) throw new ZipFormatError('zip64 locator missing');
      const eocd64At = u64(tail, locAt + 8);
      const rec = await readAt(fh, eocd64At, 56);
      if (rec.readUInt32LE(0) !== EOCD64_SIG) throw new ZipFormatError('zip64 end record missing');
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
    if (cdOffset + cdSize > fileSize) throw new ZipFormatError('central directory outside the file (truncated?)');
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) throw new ZipFormatError('bad central directory');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let compressedSize = cd.readUInt32LE(p + 20);
      let size = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      // Zip64 extended information: present fields follow in a fixed order.
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) { size = u64(cd, q); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(cd, q); q += 8; }
          if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(cd, q); }
        }
        e += 4 + len;
      }
      entries.set(name.replace(/\\/g, '/').replace(/^\//, ''), { name, method, flags, crc32: crc, compressedSize, size, localHeaderOffset });
      p = extraEnd + commentLen;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** Checks an entry's CRC-32 and size as it streams: damaged data must not pass as cells. */
class EntryVerifier extends Transform {
  private crc = 0;
  private size = 0;
  constructor(private readonly entry: ZipEntry) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    // More than the directory declared: stop now, not after inflating whatever follows.
    if (this.size > this.entry.size) return done(new ZipFormatError(`${this.entry.name} is larger than the zip directory says (damaged)`));
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    if (this.crc !== this.entry.crc32 || this.size !== this.entry.size) {
      done(new ZipFormatError(`${this.entry.name} is damaged (checksum mismatch)`));
    } else {
      done();
    }
  }
}

/** Streams an entry's uncompressed bytes; `onCompressed` reports compressed bytes read. */
export async function openEntry(path: string, entry: ZipEntry, onCompressed: (n: number) => void): Promise<Readable> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name}: unsupported compression ${entry.method}`);
  if (entry.size > XLSX_LIMITS.inflateRatioFloorBytes && entry.size > XLSX_LIMITS.inflateRatio * Math.max(entry.compressedSize, 1)) {
    throw new ZipFormatError(`${entry.name} would inflate ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}-fold to ${Math.round(entry.size / 1e6)} MB (a zip bomb, not a workbook)`);
  }
  const fh = await open(path, 'r');
  let header: Buffer;
  try {
    header = await readAt(fh, entry.localHeaderOffset, 30);
  } finally {
    await fh.close();
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LFH_SIG) throw new ZipFormatError(`${entry.name}: bad local header`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const verifier = new EntryVerifier(entry);
  if (entry.compressedSize === 0) {
    verifier.end();
    return verifier;
  }
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  raw.on('data', (chunk) => onCompressed(chunk.length));
  // pipe() does not forward errors: pass them down so the consumer's iterator rejects.
  const forward = (from: Readable, to: Transform): void => {
    from.on('error', (err) => to.destroy(err));
    to.on('close', () => from.destroy());
  };
  if (entry.method === 0) {
    forward(raw, verifier);
    return raw.pipe(verifier);
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  forward(raw, inflate);
  forward(inflate, verifier);
  return raw.pipe(inflate).pipe(verifier);
}
