import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The part of a set-aside name after the file's own: `e7.db.tidak-terbaca-2026-11-30T2154`. */
export const SET_ASIDE_MARK = '.tidak-terbaca-';

/**
 * Moves an unreadable file out of the way in its own folder, under a name no sweep of Loket
 * touches (`<name>.tidak-terbaca-<local date and time>`, `-2`, `-3` … when taken): it is never
 * deleted by Loket, so the IT officer can still look at it (or hand it to support) and deletes
 * it when done. Its -wal/-journal go with it under the same new name (they may hold the rows
 * SQLite had not yet written into it). Returns the new name, or null when there was no file.
 * Fails (and moves nothing more) when it cannot be renamed.
 */
export function setFileAside(path: string, now: Date): string | null {
  if (!existsSync(path)) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}${pad(now.getMinutes())}`;
  const dir = dirname(path);
  const base = `${basename(path)}${SET_ASIDE_MARK}${stamp}`;
  let name = base;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${base}-${n}`;
  renameSync(path, join(dir, name));
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, join(dir, name + suffix));
  }
  return name;
}
