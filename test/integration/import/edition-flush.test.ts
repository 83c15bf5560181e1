import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src/core/core';
import { FlushInSteps } from '../../../src/core/store/flush-in-steps';
import { writeCsvList } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/**
 * A new edition's file goes to disk while it is built, a commit at a time, not all at once
 * when it is sealed: one fsync of a whole 1 M-member file (~115 MB) made a registration's
 * commit at that moment wait ~300 ms (ext4 orders every fsync behind it; import-stall.solo.test.ts
 * measures it end to end).
 */
describe('an import flushes its edition file in steps', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts an fsync after each commit of rows and each index, and waits for them before the seal', async () => {
    const dir = tempDir();
    const csv = join(dir, 'list.csv');
    await writeCsvList(csv, { count: 120_000, seed: 3, layout: 'bpjs' });
    const soon = vi.spyOn(FlushInSteps.prototype, 'soon');
    const settle = vi.spyOn(FlushInSteps.prototype, 'settle');
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null });
    try {
      const report = await core.importList({ file: fileFor(core, csv), list: 'BPJS', kind: 'bpjs', asOf: '2026-11-01' });
      expect(report.rows.imported).toBe(120_000);
      // Commits: the first batch, then every 50,000 rows (two), the last one; then the NIK table
      // and the copied name index and card table; and settle()'s own.
      expect(soon.mock.calls.length).toBeGreaterThanOrEqual(7);
      // The rows on disk before the NIK table starts; the table (one step of 200,000 keys here)
      // on disk before what follows; and everything before the seal.
      expect(settle).toHaveBeenCalledTimes(3);
      // The seal's settle() comes after every step's soon().
      expect(settle.mock.invocationCallOrder[2]).toBeGreaterThan(soon.mock.invocationCallOrder.at(-2)!);
    } finally {
      core.close();
    }
  }, 120_000);
});
