import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LoketError } from '../errors';
import { isOwnFile, type OwnFiles } from './own-files';

/**
 * Checks a place chosen to save to before anything is written there: never one of the core's
 * own files (`file/own-file`), and a folder that exists and can be written, so the person reads
 * what to do ("choose an existing folder, e.g. the USB drive") instead of the file system's or
 * SQLite's English ("unable to open database") as an internal error.
 */
export function checkSaveTarget(path: string, own: OwnFiles): void {
  if (isOwnFile(path, own)) throw new LoketError('file/own-file');
  const folder = dirname(path);
  if (!isDirectory(folder)) throw new LoketError('file/folder-missing', { folder });
  if (isDirectory(path)) throw new LoketError('file/is-folder', { path });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new LoketError('file/folder-not-writable', { folder });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
