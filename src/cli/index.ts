/**
 * The `loket` command: a thin shell over the core for IT officers and scripts.
 *   loket import FILE --list NAME --kind KIND --as-of YYYY-MM-DD [--map nik=NO_KTP,...]
 *   loket lists
 *   loket cek QUERY [--dob YYYY-MM-DD] | loket cek --batch FILE
 *   loket cek NIK|CARD --online --service vclaim|pcare --bpjs-url URL --cons-id ID --secret S --user-key K
 * Every command takes --db PATH and --json.
 */
import { parseArgs } from 'node:util';
import { createCore, defaultWorkerScript, type Core } from '../core/core';
import { LoketError, toErrorPayload } from '../core/errors';
import { defaultDbPath } from '../core/store/default-paths';
import { formatMessage, type Lang } from '../shared/i18n/messages';
import { cekCommand, onlineOptions } from './commands/cek';
import { readCredentialsFile } from './commands/credentials-file';
import { importCommand } from './commands/import';
import { listsCommand } from './commands/lists';
import { consoleOutput, type Output } from './output';
import { UsageError } from './usage-error';

export const USAGE = `Usage:
  loket import FILE --list NAME --kind pbi-apbn|pbi-apbd|jamkesda|bpjs|other --as-of YYYY-MM-DD [--map nik=NO_KTP,card=NOKA,...]
  loket lists
  loket cek QUERY [--dob YYYY-MM-DD]
  loket cek --batch FILE
  loket cek NIK|CARD --online --service vclaim|pcare --bpjs-url URL --cons-id ID --secret S --user-key K
                     [--pcare-user U --pcare-pass P --pcare-app 095]
    asks BPJS directly (NIK or card number only), keeps the answer for later offline checks and logs the call.
    Each credential may come from the environment instead: LOKET_BPJS_SERVICE, LOKET_BPJS_URL,
    LOKET_BPJS_CONS_ID, LOKET_BPJS_SECRET, LOKET_BPJS_USER_KEY, LOKET_BPJS_PCARE_USER,
    LOKET_BPJS_PCARE_PASS, LOKET_BPJS_PCARE_APP (a flag wins over the environment), or from a file
    --credentials FILE (or $LOKET_BPJS_CREDENTIALS) with those NAME=value lines, readable by you only.
Options for every command:
  --db PATH    the database (default: the app's, or $LOKET_DB)
  --json       machine-readable output
  --lang id|en language of messages (default id, or $LOKET_LANG)
The database key, if the database is encrypted, comes from $LOKET_DB_KEY.`;

export async function runCli(argv: string[], makeOutput: (json: boolean) => Output = consoleOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        list: { type: 'string' },
        kind: { type: 'string' },
        'as-of': { type: 'string' },
        map: { type: 'string' },
        dob: { type: 'string' },
        batch: { type: 'string' },
        online: { type: 'boolean', default: false },
        service: { type: 'string' },
        'bpjs-url': { type: 'string' },
        'cons-id': { type: 'string' },
        secret: { type: 'string' },
        'user-key': { type: 'string' },
        'pcare-user': { type: 'string' },
        'pcare-pass': { type: 'string' },
        'pcare-app': { type: 'string' },
        credentials: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const out = makeOutput(argv.includes('--json'));
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const out = makeOutput(values.json === true);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out.line(USAGE);
    return command || values.help ? 0 : 2;
  }
  const lang: Lang = (values.lang ?? process.env.LOKET_LANG) === 'en' ? 'en' : 'id';
  let core: Core | undefined;
  try {
    if (!['import', 'lists', 'cek'].includes(command)) throw new UsageError(`unknown command "${command}"`);
    core = createCore({
      dbPath: values.db ?? defaultDbPath(),
      lang,
      workerScript: defaultWorkerScript(),
      bpjsBackground: false, // one command, then exit: no probe, no re-check runs
      ...(process.env.LOKET_DB_KEY ? { key: process.env.LOKET_DB_KEY } : {}),
    });
    switch (command) {
      case 'import':
        return await importCommand(core, { file: rest[0], list: values.list, kind: values.kind, asOf: values['as-of'], map: values.map }, out);
      case 'lists':
        return await listsCommand(core, out);
      default:
        return await cekCommand(
          core,
          rest.join(' ') || undefined,
          {
            ...(values.dob ? { dob: values.dob } : {}),
            ...(values.batch ? { batch: values.batch } : {}),
            ...(values.online
              ? {
                  online: onlineOptions(
                    {
                      service: values.service,
                      url: values['bpjs-url'],
                      consId: values['cons-id'],
                      secret: values.secret,
                      userKey: values['user-key'],
                      pcareUser: values['pcare-user'],
                      pcarePass: values['pcare-pass'],
                      pcareApp: values['pcare-app'],
                    },
                    credentialsEnv(values.credentials, out),
                  ),
                }
              : {}),
          },
          out,
        );
    }
  } catch (error) {
    out.progress('');
    if (error instanceof UsageError) {
      out.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    const payload = toErrorPayload(error);
    const message = error instanceof LoketError ? error.format(lang) : formatMessage(lang, payload.key, payload.params);
    if (out.json) out.data({ ok: false, error: { code: payload.key, message } });
    out.error(message);
    return 1;
  } finally {
    core?.close();
  }
}

/** The environment, with a credentials file's values over it (flags still win over both). */
function credentialsEnv(flag: string | undefined, out: Output): NodeJS.ProcessEnv {
  const path = flag ?? process.env.LOKET_BPJS_CREDENTIALS;
  if (!path) return process.env;
  const file = readCredentialsFile(path);
  if (file.warning) out.error(`warning: ${file.warning}`);
  return { ...process.env, ...file.values };
}

/** Runs the command line of this process and sets its exit code. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) main();
