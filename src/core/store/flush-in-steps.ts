import { closeSync, fsync as fsyncOnPool, openSync } from 'node:fs';

/** fs.fsync's shape: the tests give one that answers when they say. */
export type FsyncOnPool = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * Puts a file that is being written on disk a piece at a time, on Node's thread pool, so that
 * its one fsync at the end has little left to write.
 *
 * Why: a big file written without fsync sits in the OS cache; its final fsync then writes it
 * all at once (a 1 M-member edition: ~115 MB). On Linux (ext4's ordered journal) every other
 * fsync on the disk waits for that write: the register's commit of a patient made at that
 * moment waited ~300 ms on a slow disk. Flushed a commit at a time, no such wait is longer
 * than one commit's few megabytes.
 *
 * The handle is kept open until `close()`, which must come after SQLite's own connection to
 * the file is closed: closing any handle of a file drops the process's POSIX locks on it, and
 * a building edition's lock is what tells recovery that its import is alive.
 */
export class FlushInSteps {
  private fd: number | null;
  /** fsyncs handed to the thread pool and not yet answered. */
  private running = 0;
  private waiters: (() => void)[] = [];

  constructor(
    path: string,
    private readonly fsync: FsyncOnPool = fsyncOnPool,
  ) {
    this.fd = openSync(path, 'r+');
  }

  /**
   * Starts an fsync of what is written so far, unless two are already under way (the second
   * will take what the first missed). Returns at once; it may be called from synchronous code:
   * the thread pool gets the request now, only its answer waits for the event loop. A failure
   * is not reported here: the final, synchronous fsync meets it again and reports it.
   */
  soon(): void {
    if (this.fd === null || this.running >= 2) return;
    this.running++;
    this.fsync(this.fd, () => {
      this.running--;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves once everything written before the call is on disk (as far as an fsync could put it). */
  async settle(): Promise<void> {
    if (this.fd === null) return;
    if (this.running > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.soon();
    if (this.running > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** After SQLite's connection to the file is closed (see above). */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    if (this.running > 0) {
      // An fsync still on the thread pool holds the handle: close it after the answer.
      this.waiters.push(() => closeSync(fd));
      return;
    }
    closeSync(fd);
  }
}
