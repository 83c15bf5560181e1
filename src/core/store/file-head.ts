import { closeSync, openSync, readSync } from 'node:fs';

/** What a database file is, from its first bytes (no SQLite needed: the Electron main process uses it too). */
export type DatabaseFileState = 'missing' | 'empty' | 'plain' | 'encrypted' | 'foreign';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's smallest page: an encrypted database is whole pages, so never shorter. */
const SMALLEST_PAGE = 512;
const SAMPLE = 4096;

/**
 * Tells a plain SQLite file, an encrypted one and anything else apart by its first 4 KiB.
 *
 * An encrypted file (SQLCipher layout) starts with a random 16-byte salt and goes on as
 * ciphertext: noise, about 37 % printable bytes and almost no zeros. Judging by the salt alone
 * (16 bytes) called about one fresh database in 2,500 "not a database" when its salt happened to
 * be mostly printable; over 4 KiB noise is thirty standard deviations from the 75 % bar, while a
 * text file (another program's, a mistyped path) or a zeroed one is far on the other side.
 */
export function databaseFileState(path: string): DatabaseFileState {
  let head: Buffer;
  try {
    head = readHead(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  if (head.length === 0) return 'empty';
  if (head.length >= SQLITE_HEADER.length && head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return 'plain';
  return looksLikeCiphertext(head) ? 'encrypted' : 'foreign';
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SAMPLE);
    const read = readSync(fd, head, 0, SAMPLE, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function looksLikeCiphertext(head: Buffer): boolean {
  if (head.length < SMALLEST_PAGE) return false;
  let printable = 0;
  let zeros = 0;
  for (const byte of head) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d) printable++;
    else if (byte === 0) zeros++;
  }
  return printable <= head.length * 0.75 && zeros <= head.length * 0.25;
}
