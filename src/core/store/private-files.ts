import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The database and the edition files hold the NIK, name and birth date of millions of people:
 * on a shared PC they are readable by their owner only. Created empty with mode 0600 before
 * SQLite opens them (SQLite gives its -wal and -shm files the database file's mode), their
 * folders 0700. Windows ignores the modes; there the user profile's own permissions apply.
 */
export function privateDir(path: string): void {
  if (!existsSync(path)) mkdirSync(path, { recursive: true, mode: 0o700 });
}

export function privateFile(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'wx', 0o600));
}

/**
 * Tightens a file made by an older version (0644), or copied back by hand: its owner keeps
 * reading and writing it. True when it is private now (or there is nothing to tighten: Windows,
 * where the modes mean nothing and the user profile's own permissions protect it; no file).
 */
export function tightenFile(path: string): boolean {
  return tighten(path, 0o600);
}

/** The same for a folder (0700): nobody else can list it or reach the files in it. */
export function tightenDir(path: string): boolean {
  return tighten(path, 0o700);
}

function tighten(path: string, mode: number): boolean {
  if (process.platform === 'win32' || !existsSync(path)) return true;
  try {
    chmodSync(path, mode);
  } catch {
    // Not the owner (a copy from another account): SQLite will say if it cannot open it.
  }
  try {
    return (statSync(path).mode & 0o077) === 0;
  } catch {
    return true;
  }
}

/**
 * A file about to receive personal data that leaves the database (an export of members, patients,
 * visits or the audit trail, a slip as PDF): made empty with mode 0600 before a byte is written,
 * like a backup, or tightened when it exists already (the person chose to overwrite it). The
 * writer then truncates it and keeps its mode. Someone who wants to share the file chooses so.
 */
export function privateTarget(path: string): void {
  privateFile(path);
  tightenFile(path);
}

/** Makes a rename durable. Windows cannot open a folder for this; its rename is already journaled by NTFS. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (Windows): nothing to do
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
