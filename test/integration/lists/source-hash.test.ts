/**
 * The source file's SHA-256 is computed while the file is read (not awaited before the first
 * row) and recorded at the switch: the report and the edition row must still carry the hash of
 * the whole file, on both paths (reading on the import thread, and in the reader worker).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { readEditions } from '../../../src/core/lists/editions.repo';
import { fileFor } from '../../helpers/files';
import { builtFile, useTempDir } from '../../helpers/temp';
import { writeCsvList } from '../../fixtures/write-list-files';

const tempDir = useTempDir();

describe.each([
  ['on the import thread', null],
  ['in the reader worker', builtFile('main', 'import-worker.js')],
])('source hash, reading %s', (_, workerScript) => {
  it('is the SHA-256 of the whole file, in the report and on the edition', async () => {
    const dir = tempDir();
    // Several reader batches and more than one hashing chunk (1 MB), so the hash cannot be of the head alone.
    const written = await writeCsvList(join(dir, 'list.csv'), { count: 30_000, seed: 3, layout: 'bpjs' });
    const expected = createHash('sha256').update(readFileSync(written.path)).digest('hex');
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript });
    try {
      const report = await core.importList({ file: fileFor(core, written.path), list: 'BPJS', kind: 'pbi-apbd', asOf: '2026-11-01' });
      expect(report.file.sha256).toBe(expected);
      const editions = readEditions(core.db, ['current']);
      expect(editions.map((e) => e.sourceSha256)).toEqual([expected]);
    } finally {
      core.close();
    }
  });
});
