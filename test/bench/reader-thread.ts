/**
 * The list reader's thread on its own: the built `reader-worker.js` reads, splits and validates a
 * CSV list and sends its batches, as in an import, to a consumer that only takes them. In an
 * import the reader shares two cores with the import thread and the name index's thread, so
 * every microsecond it spends on a row lengthens the import (docs/performance.md).
 *
 * The reference, measured in the same run: the least any reader does, the same file read whole
 * and split into lines and cells on the bench's own thread. The ratio says what decoding in
 * chunks, validating and packing cost beyond touching every cell. Not a test: nothing asserts a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerSource } from '../../src/core/lists/worker-source';
import { round } from './stats';

const readerScript = join(__dirname, '../../out/main/reader-worker.js');

export interface ReaderThreadBench {
  rows: number;
  readerSeconds: number;
  readerUsPerRow: number;
  bareSplitUsPerRow: number;
  ratio: number;
}

async function readerThread(csv: string): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const source = await workerSource(readerScript, { path: csv, today: '2026-11-29' });
  let rows = 0;
  try {
    for await (const batch of source.batches()) rows += batch.members.count + batch.rejects.length;
    await source.sha256();
  } finally {
    await source.close();
  }
  return { rows, ms: performance.now() - started };
}

function bareSplit(csv: string): { rows: number; ms: number } {
  const started = performance.now();
  const text = readFileSync(csv, 'utf8');
  let rows = 0;
  let cells = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    cells += line.split(',').length;
    rows++;
  }
  if (cells === 0) throw new Error('no cells');
  return { rows: rows - 1, ms: performance.now() - started }; // the header is no member
}

export async function benchReaderThread(csv: string): Promise<ReaderThreadBench> {
  await readerThread(csv); // warm-up: the page cache, the worker's start
  const reader = await readerThread(csv);
  const bare = bareSplit(csv);
  const readerUsPerRow = (reader.ms * 1000) / reader.rows;
  const bareSplitUsPerRow = (bare.ms * 1000) / bare.rows;
  return {
    rows: reader.rows,
    readerSeconds: round(reader.ms / 1000, 2),
    readerUsPerRow: round(readerUsPerRow, 2),
    bareSplitUsPerRow: round(bareSplitUsPerRow, 2),
    ratio: round(readerUsPerRow / bareSplitUsPerRow, 2),
  };
}
