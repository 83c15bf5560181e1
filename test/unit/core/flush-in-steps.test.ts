import { fstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlushInSteps, type FsyncOnPool } from '../../../src/core/store/flush-in-steps';
import { useTempDir } from '../../helpers/temp';

/** An fsync that answers only when the test says: which calls are under way, in order. */
function heldFsync() {
  const pending: { fd: number; done: () => void }[] = [];
  const fsync: FsyncOnPool = (fd, done) => pending.push({ fd, done: () => done(null) });
  return { fsync, pending, answerFirst: () => pending.shift()!.done() };
}

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('FlushInSteps: a growing file on disk a piece at a time', () => {
  const tempDir = useTempDir();
  const file = (): string => {
    const path = join(tempDir(), 'e1.db.building');
    writeFileSync(path, 'x'.repeat(4096));
    return path;
  };

  it('keeps at most two fsyncs under way: a third call while two run starts none', () => {
    const held = heldFsync();
    const flush = new FlushInSteps(file(), held.fsync);
    flush.soon();
    flush.soon();
    flush.soon();
    expect(held.pending).toHaveLength(2);
    held.answerFirst();
    flush.soon();
    expect(held.pending).toHaveLength(2);
    held.answerFirst();
    held.answerFirst();
    flush.close();
  });

  it('settle() waits for the fsyncs under way and then for one started after the call', async () => {
    const held = heldFsync();
    const flush = new FlushInSteps(file(), held.fsync);
    flush.soon();
    const settling = flush.settle();
    expect(await settled(settling)).toBe(false);
    held.answerFirst(); // the fsync started before the call: what was written after it still waits
    expect(await settled(settling)).toBe(false);
    expect(held.pending).toHaveLength(1);
    held.answerFirst();
    expect(await settled(settling)).toBe(true);
    flush.close();
  });

  it('close() with an fsync under way closes the handle only once it is answered', () => {
    const held = heldFsync();
    const flush = new FlushInSteps(file(), held.fsync);
    flush.soon();
    const fd = held.pending[0]!.fd;
    flush.close();
    expect(() => fstatSync(fd)).not.toThrow();
    flush.soon(); // closed: nothing more starts
    expect(held.pending).toHaveLength(1);
    held.answerFirst();
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
  });

  it('with the real fsync: settle() resolves and close() lets the handle go', async () => {
    const flush = new FlushInSteps(file());
    flush.soon();
    await flush.settle();
    flush.close();
    await flush.settle(); // closed: resolves at once
  });
});
