import { openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseNotADatabase } from '../../../src/core/store/database-key-error';
import { databaseFileState } from '../../../src/core/store/file-head';
import { openKeyedCore } from '../../helpers/keyed-database';
import { useTempDir } from '../../helpers/temp';

/**
 * databaseFileState on real files. An encrypted database starts with a random 16-byte salt;
 * judged by those 16 bytes alone, about one salt in 2,500 is mostly printable and the database
 * was called "not a database" (a CI run's restore refused a backup as "bukan cadangan Loket").
 */
const tempDir = useTempDir();

function encryptedDatabase(): string {
  const dbPath = join(tempDir(), 'loket.db');
  openKeyedCore(dbPath).close();
  return dbPath;
}

describe('databaseFileState', () => {
  it('calls an encrypted database encrypted whatever its salt holds, even sixteen printable bytes', () => {
    const dbPath = encryptedDatabase();
    expect(databaseFileState(dbPath)).toBe('encrypted');
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.from('Kx7#pQ2!mZ9$aB4&', 'latin1'), 0, 16, 0);
    closeSync(fd);
    expect(databaseFileState(dbPath)).toBe('encrypted');
    expect(diagnoseNotADatabase(dbPath, false)).toBe('key-missing');
    expect(diagnoseNotADatabase(dbPath, true)).toBe('wrong-key');
  });

  it('calls text, zeros and a short file foreign, an empty one empty, a missing one missing', () => {
    const dir = tempDir();
    const text = join(dir, 'daftar.csv');
    writeFileSync(text, 'nik;nama;tgl_lahir\n'.repeat(400));
    const zeros = join(dir, 'zeros.db');
    writeFileSync(zeros, Buffer.alloc(8192));
    const short = join(dir, 'short.db');
    writeFileSync(short, Buffer.from([0x8f, 0x12, 0xe3, 0x01, 0x9a, 0xc4, 0x77, 0x05, 0xb2, 0x3e, 0xf0, 0x6d, 0x11, 0xa9, 0x5c, 0xd8, 0x02]));
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect([text, zeros, short, empty, join(dir, 'nothing.db')].map(databaseFileState)).toEqual(['foreign', 'foreign', 'foreign', 'empty', 'missing']);
    expect(diagnoseNotADatabase(text, true)).toBe('not-a-database');
  });
});
