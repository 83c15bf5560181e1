import { randomBytes } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { isOpenPurpose, type ChosenFile, type FilePurpose } from '../../shared/file-handle';
import { LoketError } from '../errors';

/** How long a chosen file may be used: long enough to check a list's columns, short enough to forget. */
export const HANDLE_TTL_MS = 30 * 60_000;
/** A bound on remembered choices, so a caller registering in a loop cannot grow memory without end. */
const MAX_HANDLES = 1000;

interface Entry {
  path: string;
  purpose: FilePurpose;
  name: string;
  expiresAt: number;
}

/**
 * The files a person chose, behind opaque handles. The renderer only ever holds a handle: it
 * cannot name a path, cannot write through a handle chosen for reading, and a handle dies after
 * a while. Paths enter only through `register` (the dialog's answer in the main process, a path
 * typed into the browser harness, the command line's arguments).
 */
export class FileHandles {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => Date,
    /** Refuses a place to save to (the core's: files/save-target.ts, never its own files). */
    private readonly checkSave: (path: string) => void = () => {},
    private readonly ttlMs = HANDLE_TTL_MS,
  ) {}

  register(path: string, purpose: FilePurpose): ChosenFile {
    this.prune();
    const handle = randomBytes(16).toString('base64url');
    const absolute = resolve(path);
    const name = basename(absolute);
    this.entries.set(handle, { path: absolute, purpose, name, expiresAt: this.now().getTime() + this.ttlMs });
    return { handle, name };
  }

  /**
   * The path behind a handle, when it is known, alive, and chosen for one of `purposes`. A place
   * to save to is checked now, just before the write (not when it was chosen: the folder may be
   * gone since): never the core's own files, and a folder that exists and can be written.
   */
  resolve(handle: string, purposes: FilePurpose | readonly FilePurpose[]): { path: string; name: string } {
    const entry = this.entries.get(handle);
    if (!entry || entry.expiresAt <= this.now().getTime()) {
      this.entries.delete(handle);
      throw new LoketError('file/unknown-handle');
    }
    const allowed: readonly FilePurpose[] = typeof purposes === 'string' ? [purposes] : purposes;
    if (!allowed.includes(entry.purpose)) throw new LoketError('file/wrong-purpose', { name: entry.name });
    if (!isOpenPurpose(entry.purpose)) this.checkSave(entry.path);
    return { path: entry.path, name: entry.name };
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now().getTime();
    for (const [handle, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(handle);
    // Map keeps insertion order: the oldest choices go first.
    for (const handle of this.entries.keys()) {
      if (this.entries.size < MAX_HANDLES) break;
      this.entries.delete(handle);
    }
  }
}

/** The purpose a table export's format needs. */
export const savePurposeOf = (format: 'csv' | 'xlsx'): FilePurpose => (format === 'csv' ? 'save-csv' : 'save-xlsx');
