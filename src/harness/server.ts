/**
 * `npm run harness -- --db PATH --port N`: the app in any browser, with the real core behind it.
 * For demos and training; it listens on 127.0.0.1 only.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkerScript } from '../main/core/core';
import { startHarness } from './harness';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: process.env.LOKET_DB ?? join(process.cwd(), 'loket-harness.db') },
      port: { type: 'string', default: '5174' },
      lang: { type: 'string', default: 'id' },
    },
  });
  const harness = await startHarness({
    dbPath: resolve(values.db),
    port: Number(values.port),
    lang: values.lang === 'en' ? 'en' : 'id',
    rendererDir: join(__dirname, '../renderer'),
    workerScript: defaultWorkerScript(),
    ...(process.env.LOKET_DB_KEY ? { key: process.env.LOKET_DB_KEY } : {}),
  });
  console.log(`Loket harness: ${harness.url}  (database: ${resolve(values.db)})`);
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
