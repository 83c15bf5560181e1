/**
 * `npm run harness -- --db PATH --port N [--bpjs-sim [--bpjs-service pcare]]`: the app in any
 * browser, with the real core behind it, optionally against the BPJS simulator. For demos and
 * training; it listens on 127.0.0.1 only.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkerScript } from '../core/core';
import { controlFromTerminal, startDemoBpjs } from './demo-bpjs';
import { startHarness } from './harness';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: process.env.LOKET_DB ?? join(process.cwd(), 'loket-harness.db') },
      port: { type: 'string', default: '5174' },
      lang: { type: 'string', default: 'id' },
      'bpjs-sim': { type: 'boolean', default: false },
      'bpjs-service': { type: 'string', default: 'vclaim' },
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
  const sim = values['bpjs-sim'] ? await startDemoBpjs(harness.core, values['bpjs-service'] === 'pcare' ? 'pcare' : 'vclaim') : null;
  if (sim) controlFromTerminal(sim);
  const stop = (): void => {
    void harness
      .close()
      .then(() => sim?.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
