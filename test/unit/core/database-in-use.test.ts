import { describe, expect, it } from 'vitest';
import { fileId, lockedFiles } from '../../../src/core/store/database-in-use';

/** How `loket restore` reads /proc/locks (store/database-in-use.ts); the real locks are in test/integration/cli/restore.test.ts. */
describe('the locks /proc/locks shows', () => {
  const procLocks = [
    '1: POSIX  ADVISORY  READ 29921 fe:00:4243539 128 128',
    '2: POSIX  ADVISORY  READ 29921 fe:00:4243505 1073741826 1073742335',
    '3: FLOCK  ADVISORY  WRITE 812 103:02:1835010 0 EOF',
    '4: OFDLCK ADVISORY  READ -1 00:1b:77 0 EOF',
  ].join('\n');

  it('names each locked file by device and inode, hex devices read as numbers', () => {
    expect([...lockedFiles(procLocks)]).toEqual(['254:0:4243539', '254:0:4243505', '259:2:1835010', '0:27:77']);
  });

  it('matches stat() of the same file: device numbers split as Linux packs them', () => {
    expect(fileId(0xfe00, 4243505)).toBe('254:0:4243505'); // a device-mapper disk, 254:0
    expect(fileId(0x10302, 1835010)).toBe('259:2:1835010'); // NVMe 259:2
    expect(fileId(0x1b, 77)).toBe('0:27:77');
    expect(fileId(0x100200, 1)).toBe('2:256:1'); // minor above 255 is in bits 20-31
    expect(lockedFiles(procLocks).has(fileId(0xfe00, 4243539))).toBe(true);
    expect(lockedFiles(procLocks).has(fileId(0xfe00, 4243540))).toBe(false);
  });
});
