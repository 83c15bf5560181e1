/**
 * A counter's look-ups while its lists are being replaced, in a process of its own (as the
 * counter's core process is while a sync runs elsewhere): looks the same NIK up every few ms
 * through a real core on the counter's files, and on 'stop' answers what it saw.
 * Run by the probe test with `node --import tsx`.
 */
import { createCore } from '../../../src/core/core';

const [dbPath, nik] = process.argv.slice(2) as [string, string];
const core = createCore({ dbPath, workerScript: null, bpjsBackground: false });
const latencies: number[] = [];
let failures = 0;
const failed: string[] = [];
let stopping = false;

async function loop(): Promise<void> {
  process.send?.({ type: 'ready' });
  while (!stopping) {
    const started = performance.now();
    try {
      const result = await core.lookup({ query: nik });
      if (result.verdict === 'unknown') {
        failures++;
        if (failed.length < 5) failed.push('not found');
      }
    } catch (error) {
      failures++;
      if (failed.length < 5) failed.push(error instanceof Error ? error.message : String(error));
    }
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  latencies.sort((x, y) => x - y);
  const at = (q: number): number => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 100) / 100;
  process.send?.({ type: 'done', lookups: latencies.length, failures, failed, maxMs: at(1), p99Ms: at(0.99), p50Ms: at(0.5) });
  core.close();
}

process.on('message', (message) => {
  if (message === 'stop') stopping = true;
});
void loop();
