/**
 * The facility hub in a process of its own for the hub benchmarks, so the simulated counters' work
 * is not on the hub's event loop. Started with `node --import tsx hub-child.ts PG_URL DATA_DIR`
 * and an IPC channel: it answers `{ ready: { url, fingerprint, adminKey } }` once listening;
 * on the message 'stop' (or when the parent goes away) it stops the hub and answers
 * `{ stopped: { cpuUserMs, cpuSystemMs } }`, the CPU it used.
 */
import { readHubConfig } from '../../src/hub/hub-config';
import { startHub } from '../../src/hub/hub-main';

async function main(): Promise<void> {
  const [pgUrl, dataDir] = process.argv.slice(2) as [string, string];
  const hub = await startHub({ pgUrl, dataDir, host: '127.0.0.1', port: 0, facility: 'RSUD Bench' });
  const config = readHubConfig(dataDir)!;
  const started = process.cpuUsage();
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const used = process.cpuUsage(started);
    await hub.stop();
    process.send?.({ stopped: { cpuUserMs: Math.round(used.user / 1000), cpuSystemMs: Math.round(used.system / 1000) } });
    process.disconnect?.();
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.once('disconnect', () => void stop());
  process.send?.({ ready: { url: hub.urls[0]!, fingerprint: config.fingerprint, adminKey: config.adminKey } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
