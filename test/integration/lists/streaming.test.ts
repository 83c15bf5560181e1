import { describe, expect, it } from 'vitest';
import { openListFile } from '../../../src/core/lists/list-reader';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { useTempDir } from './temp-dir';

const file = useTempDir();

/** Reads the first batch and reports how much of the file had been consumed at that point. */
async function firstBatchShare(path: string, batchSize: number): Promise<{ share: number; rows: number; total: number }> {
  const reader = await openListFile(path);
  let share = -1;
  let total = 0;
  let batches = 0;
  let lastBytes = 0;
  for await (const batch of reader.batches(batchSize)) {
    if (share < 0) share = reader.bytesRead() / reader.info.sizeBytes;
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    expect(reader.bytesRead()).toBeGreaterThanOrEqual(lastBytes); // progress never goes back
    lastBytes = reader.bytesRead();
    total += batch.length;
    batches++;
  }
  expect(reader.bytesRead()).toBeGreaterThan(0.95 * reader.info.sizeBytes);
  return { share, rows: batches, total };
}

describe('streaming', () => {
  it('delivers the first CSV batch long before the file is read', async () => {
    const written = await writeCsvList(file('big.csv'), { count: 200_000, layout: 'bpjs' });
    const { share, total } = await firstBatchShare(written.path, 5000);
    expect(total).toBe(200_000);
    expect(share).toBeLessThan(0.1);
  });

  it('delivers the first XLSX batch long before the sheet is read', async () => {
    const written = await writeXlsxList(file('big.xlsx'), { count: 40_000, layout: 'dinsos' });
    const { share, total } = await firstBatchShare(written.path, 2000);
    expect(total).toBe(40_000);
    expect(share).toBeLessThan(0.6); // the shared strings are read up front, the sheet is streamed
  });

  it('can stop early and close', async () => {
    const written = await writeCsvList(file('stop.csv'), { count: 50_000, layout: 'bpjs' });
    const reader = await openListFile(written.path);
    for await (const batch of reader.batches(100)) {
      expect(batch).toHaveLength(100);
      break;
    }
    await reader.close();
    expect(reader.bytesRead()).toBeLessThan(reader.info.sizeBytes);
  });

  it('uses the default batch size of 5000', async () => {
    const written = await writeCsvList(file('default.csv'), { count: 12_000, layout: 'dinsos' });
    const reader = await openListFile(written.path);
    const sizes: number[] = [];
    for await (const batch of reader.batches()) sizes.push(batch.length);
    expect(sizes).toEqual([5000, 5000, 2000]);
  });
});
