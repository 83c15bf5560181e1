import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionRow } from '../lists/editions.repo';
import { editionPath, editionsDir, type EditionStore } from '../store/edition-store';
import { privateDir } from '../store/private-files';
import { openRaw } from '../store/cipher-files';
import { rekeyTo } from '../store/sqlcipher';
import { contentHashOf, readEditionMeta, stampedSourceFormat, writeEditionMeta, type EditionMeta } from './edition-meta';

/**
 * A temporary file in the lists folder (0700, beside the editions it comes from or goes to),
 * named so the edition sweep never mistakes it for an edition; the caller deletes it.
 */
export function tempEditionFile(store: EditionStore, purpose: 'upload' | 'fetch'): string {
  privateDir(editionsDir(store));
  sweepStaleTemps(store);
  return join(editionsDir(store), `${purpose}-${randomUUID()}.tmp`);
}

const TEMP_PATTERN = /^(upload|fetch)-[0-9a-f-]{36}\.tmp(-journal)?$/;
const STALE_TEMP_MS = 24 * 3600_000;

/**
 * Copies left by a process killed mid-upload or mid-fetch (the edition sweep does not
 * know their names): deleted once a day old, so a transfer running now in another process is never touched.
 */
export function sweepStaleTemps(store: EditionStore, now = Date.now()): void {
  if (store.dir === null) return;
  let names: string[];
  try {
    names = readdirSync(store.dir).filter((n) => TEMP_PATTERN.test(n));
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const path = join(store.dir, name);
      if (now - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // gone meanwhile, or held open (Windows): the next sweep
    }
  }
}


/**
 * The copy of a finished edition that travels: a compact copy (VACUUM INTO, written with this
 * counter's key), then re-keyed in place to `transferKey` (transfer-key.ts): no unencrypted copy
 * of the members is ever written on a counter that encrypts its files. Without a transfer key
 * (a test's forged file, an old hub's protocol) the copy is unencrypted. The content hash is
 * computed here, on the copy, not during the import (see stampEditionIdentity); a file fetched
 * from the hub already carries it.
 */
export function writePortableCopy(store: EditionStore, edition: EditionRow, dest: string, transferKey?: string): EditionMeta {
  const source = openRaw(editionPath(store, edition.id), store.key, store, true);
  try {
    source.prepare('VACUUM INTO ?').run(dest);
  } finally {
    source.close();
  }
  // VACUUM INTO writes the copy with the source's cipher and key.
  const copy = openRaw(dest, store.key, store);
  try {
    if (transferKey !== store.key) rekeyTo(copy, transferKey);
    const carried = readEditionMeta(copy);
    if (carried) return carried;
    const meta: EditionMeta = {
      list: edition.listName,
      kind: edition.kind,
      asOf: edition.asOf,
      sourceFile: edition.sourceFile,
      sourceSha256: edition.sourceSha256,
      sourceFormat: stampedSourceFormat(copy) ?? 'unknown',
      ...contentHashOf(copy),
    };
    writeEditionMeta(copy, meta);
    return meta;
  } finally {
    copy.close();
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const removeTemp = (path: string): void => rmSync(path, { force: true });
