import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** Why a received edition stream was not taken (before its content is even looked at). */
export type EditionTransferProblem = 'edition/not-gzip' | 'edition/too-large' | 'edition/transfer-failed';

export class EditionTransferError extends Error {
  constructor(readonly code: EditionTransferProblem, readonly detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'EditionTransferError';
  }
}

export interface ReceivedEdition {
  /** SHA-256 (hex) of the uncompressed file. */
  fileSha256: string;
  /** Bytes of the uncompressed file. */
  size: number;
  /** Bytes received (compressed). */
  gzSize: number;
}

/** Counts and hashes what passes, and stops past a size limit (a gzip bomb never fills the disk). */
class HashingLimit extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(new EditionTransferError('edition/too-large', `over ${this.maxBytes} bytes`));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/** Passes the compressed bytes on and writes a copy of them to a file (the hub keeps the .gz as received). */
class CopyTo extends Transform {
  bytes = 0;
  constructor(private readonly out: WriteStream | null) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (!this.out || this.out.write(chunk)) return done(null, chunk);
    this.out.once('drain', () => done(null, chunk));
  }
  override _flush(done: TransformCallback): void {
    if (!this.out) return done();
    this.out.end(() => done());
  }
}

/** Resolves once a (destroyed) file stream has closed its file, or never opened one. */
function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

/**
 * Streams a gzip-compressed edition to `plainPath` (mode 0600), hashing the uncompressed bytes
 * on the way, and when `gzPath` is given keeps the compressed bytes too. Nothing is trusted
 * here: the caller compares the hash and then verifies the file (verifyEditionFile), and
 * deletes both files when anything is wrong.
 */
export async function receiveGzipEdition(input: NodeJS.ReadableStream, plainPath: string, options: { gzPath?: string; maxBytes: number }): Promise<ReceivedEdition> {
  const gzOut = options.gzPath ? createWriteStream(options.gzPath, { mode: 0o600 }) : null;
  const copy = new CopyTo(gzOut);
  // A failed write of the kept copy fails the transfer; once the transfer failed, late errors of it are moot.
  gzOut?.on('error', (error) => copy.destroy(error));
  const limit = new HashingLimit(options.maxBytes);
  const plainOut = createWriteStream(plainPath, { mode: 0o600 });
  try {
    await pipeline(input, copy, createGunzip(), limit, plainOut);
  } catch (error) {
    gzOut?.destroy();
    // A failed pipeline rejects as soon as it fails, while a write stream may still be opening its
    // file: wait until both are closed, or the caller's deletion runs first and the file appears after it.
    await Promise.all([closed(plainOut), gzOut ? closed(gzOut) : undefined]);
    if (error instanceof EditionTransferError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_')) throw new EditionTransferError('edition/not-gzip', code);
    throw new EditionTransferError('edition/transfer-failed', error instanceof Error ? error.message : String(error));
  }
  return { fileSha256: limit.hash.digest('hex'), size: limit.bytes, gzSize: copy.bytes };
}
