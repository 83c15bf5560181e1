/**
 * One import in a process of its own, so its peak memory is the import's alone (the import
 * worker and reader worker are threads of this process). Prints one JSON line.
 *   tsx test/bench/import-child.ts FILE DB LIST
 */
import { join } from 'node:path';
import { createCore } from '../../src/main/core/core';

async function main(): Promise<void> {
  const [file, dbPath, list] = process.argv.slice(2);
  if (!file || !dbPath || !list) throw new Error('usage: import-child FILE DB LIST');
  const core = createCore({ dbPath, workerScript: join(__dirname, '../../out/main/import-worker.js') });
  const started = performance.now();
  const report = await core.importList({ path: file, list, kind: 'pbi-apbd', asOf: '2026-11-01' });
  const seconds = (performance.now() - started) / 1000;
  core.close();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ rows: report.rows.read, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(report.rows.read / seconds), peakRssMb: maxRssMb }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
