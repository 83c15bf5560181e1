import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openListFile, type RawRow } from '../../../src/core/lists/list-reader';

/** A fresh temp directory per test file, removed afterwards. Call at module level. */
export function useTempDir(): (name: string) => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loket-lists-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return (name: string) => join(dir, name);
}

/** Opens a list and reads all its data rows. */
export async function readAllRows(
  path: string,
  options?: Parameters<typeof openListFile>[1],
): Promise<{ reader: Awaited<ReturnType<typeof openListFile>>; rows: RawRow[] }> {
  const reader = await openListFile(path, options);
  const rows: RawRow[] = [];
  for await (const batch of reader.batches(1000)) rows.push(...batch);
  return { reader, rows };
}
