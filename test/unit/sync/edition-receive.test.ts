import { pbkdf2 } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { receiveGzipEdition } from '../../../src/core/sync/edition-receive';

const dir = mkdtempSync(join(tmpdir(), 'loket-receive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('receiveGzipEdition', () => {
  // The caller deletes the file as soon as the transfer is refused: a write stream still opening
  // its file at that moment would create it after the deletion, leaving a temporary file behind
  // (seen in CI as a stray fetch-….tmp beside the editions).
  it('a connection dropped before the first byte, while the file is still being opened, leaves no file once deleted', async () => {
    // Keep the thread pool busy so the files' open is still pending when the transfer fails.
    const busy = Array.from({ length: 4 }, () => new Promise((resolve) => pbkdf2('x', 'y', 200_000, 32, 'sha256', resolve)));
    const plain = join(dir, 'dropped.tmp');
    const gz = join(dir, 'dropped.gz.tmp');
    const dropped = new Readable({ read() { this.destroy(new Error('ECONNRESET')); } });
    await expect(receiveGzipEdition(dropped, plain, { gzPath: gz, maxBytes: 1 << 20 })).rejects.toMatchObject({ code: 'edition/transfer-failed' });
    rmSync(plain, { force: true });
    rmSync(gz, { force: true });
    await Promise.all(busy);
    await settle();
    expect([existsSync(plain), existsSync(gz)]).toEqual([false, false]);
  });

  it('a whole transfer reports the hash and sizes', async () => {
    const body = Buffer.alloc(10_000, 7);
    const got = await receiveGzipEdition(Readable.from([gzipSync(body)]), join(dir, 'ok.db'), { maxBytes: 1 << 20 });
    expect(got.size).toBe(10_000);
    expect(got.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
