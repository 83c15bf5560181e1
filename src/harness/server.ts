/**
 * `npm run harness -- --db PATH --port N [--bpjs-sim [--bpjs-service pcare]]`: the app in any
 * browser, with the real core behind it, optionally against the BPJS simulator. For demos and
 * training; it listens on 127.0.0.1 only.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkerScript } from '../core/core';
import { toErrorPayload } from '../core/errors';
import { formatCoreMessage } from '../shared/i18n/messages';
import { keyConfigOf, resolveFileKey } from '../core/store/resolve-file-key';
import { controlFromTerminal, startDemoBpjs } from './demo-bpjs';
import { startHarness } from './harness';

const USAGE = {
  id: `Pemakaian: node out/main/harness.js [--db PATH] [--port N] [--lang id|en] [--bpjs-sim [--bpjs-service vclaim|pcare]]
  Loket di peramban mana pun, dengan inti yang sebenarnya; hanya mendengar di 127.0.0.1.
  --db PATH        basis data (bawaan: $LOKET_DB, atau ./loket-harness.db)
  --port N         port (bawaan 5174)
  --lang id|en     bahasa petunjuk ini (bawaan id); tiap halaman memakai bahasanya sendiri
  --bpjs-sim       pakai simulator BPJS (--bpjs-service vclaim atau pcare)
  --accounts       akun yang sebenarnya (layar masuk, administrator pertama); tanpanya selalu masuk sebagai administrator "admin"
  -h, --help       petunjuk ini`,
  en: `Usage: node out/main/harness.js [--db PATH] [--port N] [--lang id|en] [--bpjs-sim [--bpjs-service vclaim|pcare]]
  Loket in any browser, with the real core behind it; listens on 127.0.0.1 only.
  --db PATH        the database (default: $LOKET_DB, or ./loket-harness.db)
  --port N         the port (default 5174)
  --lang id|en     the language of this usage (default id); each page speaks its own
  --bpjs-sim       against the BPJS simulator (--bpjs-service vclaim or pcare)
  --accounts       the real accounts (sign-in screen, first administrator); without it always signed in as administrator "admin"
  -h, --help       this usage`,
} as const;

function langOfArgs(): 'id' | 'en' {
  const at = process.argv.indexOf('--lang');
  return process.argv.includes('--lang=en') || (at >= 0 && process.argv[at + 1] === 'en') ? 'en' : 'id';
}

function options() {
  const lang = langOfArgs();
  try {
    return parseArgs({
      options: {
        db: { type: 'string', default: process.env.LOKET_DB ?? join(process.cwd(), 'loket-harness.db') },
        port: { type: 'string', default: '5174' },
        lang: { type: 'string', default: 'id' },
        'bpjs-sim': { type: 'boolean', default: false },
        'bpjs-service': { type: 'string', default: 'vclaim' },
        accounts: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    // A mistyped option: say which, show the usage, exit 2 (as the loket command does).
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE[lang]}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = options();
  if (values.help) {
    process.stdout.write(`${USAGE[values.lang === 'en' ? 'en' : 'id']}\n`);
    return;
  }
  const harness = await startHarness({
    dbPath: resolve(values.db),
    port: Number(values.port),
    rendererDir: join(__dirname, '../renderer'),
    workerScript: defaultWorkerScript(),
    session: values.accounts ? 'none' : 'admin',
    // Encrypted by default, like the CLI: LOKET_DB_KEY, LOKET_DB_KEY_FILE, <db>.key, or a new key beside a new database.
    ...keyConfigOf(resolveFileKey({ dbPath: resolve(values.db), mayCreate: true })),
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
  // In words, in the harness's language, as the loket command says it (a wrong or missing key, a database too new...).
  const { key, params } = toErrorPayload(error);
  console.error(key === 'internal' ? (error instanceof Error ? error.message : String(error)) : formatCoreMessage(langOfArgs(), { code: key, params }));
  process.exit(1);
});
