/**
 * `npm run harness -- --db PATH --port N [--bpjs-sim [--bpjs-service pcare]]`: the app in any
 * browser, with the real core behind it, optionally against the BPJS simulator. For demos and
 * training; it listens on 127.0.0.1 only.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkerScript } from '../core/core';
import { toErrorPayload } from '../core/errors';
import { chosenLang } from '../shared/i18n/chosen-lang';
import { formatCoreMessage } from '../shared/i18n/messages';
import { keyConfigOf, resolveFileKey } from '../core/store/resolve-file-key';
import { controlFromTerminal, startDemoBpjs } from './demo-bpjs';
import { startHarness } from './harness';
import { HARNESS_WORDS, parseMistake } from './harness-words';

/** The harness's language (--lang, else $LOKET_LANG, else id), as the loket command chooses its own. */
const { lang, refused } = chosenLang(process.argv.slice(2), process.env.LOKET_LANG);

function options() {
  if (refused !== undefined) usageMistake(HARNESS_WORDS[lang].badLang(refused));
  try {
    return parseArgs({
      options: {
        db: { type: 'string', default: process.env.LOKET_DB ?? join(process.cwd(), 'loket-harness.db') },
        port: { type: 'string', default: '5174' },
        lang: { type: 'string' },
        'bpjs-sim': { type: 'boolean', default: false },
        'bpjs-service': { type: 'string', default: 'vclaim' },
        accounts: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    usageMistake(parseMistake(error, lang));
  }
}

/** A mistyped option: say which, show the usage, exit 2 (as the loket command does); one language throughout. */
function usageMistake(text: string): never {
  process.stderr.write(`${text}\n\n${HARNESS_WORDS[lang].usage}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const values = options();
  if (values.help) {
    process.stdout.write(`${HARNESS_WORDS[lang].usage}\n`);
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
  console.error(key === 'internal' ? (error instanceof Error ? error.message : String(error)) : formatCoreMessage(lang, { code: key, params }));
  process.exit(1);
});
