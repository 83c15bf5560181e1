/**
 * The `loket` command: a thin shell over the core for IT officers and scripts. Its usage, per
 * command and in both languages, is in usage.ts (`loket help [COMMAND]`); every line it writes
 * itself is in messages.ts. Exit codes: 0 success, 1 failure, 2 usage mistake.
 */
import { parseArgs } from 'node:util';
import { createCore, defaultWorkerScript, type Core } from '../core/core';
import { LoketError, toErrorPayload } from '../core/errors';
import { defaultDbPath } from '../core/store/default-paths';
import { formatCoreMessage, formatMessage, type Lang } from '../shared/i18n/messages';
import { chosenLang } from '../shared/i18n/chosen-lang';
import { checkDatabasePath, checkDate, databaseFailure, requireReadableFile } from './checks';
import { cekCommand, onlineOptions } from './commands/cek';
import { readCredentialsFile } from './commands/credentials-file';
import { checkImportArgs, importCommand } from './commands/import';
import { listsCommand } from './commands/lists';
import { rollbackCommand } from './commands/rollback';
import { gabungCommand } from './commands/gabung';
import { antreanCommand } from './commands/antrean';
import { daftarCommand } from './commands/daftar';
import { syncCommand } from './commands/sync';
import { accountCommand } from './commands/account';
import { cliActor } from './cli-actor';
import { auditCommand } from './commands/audit';
import { cliText, type CliKey, type CliParams } from './messages';
import { consoleOutput, type Output } from './output';
import { COMMANDS, isCommand, usage, type Command } from './usage';
import { CliFailure, UsageError } from './usage-error';
import { cliContractError } from './contract-words';
import { ContractCallError } from './contract-call';
import { backupCommand, keyCommand } from './commands/key';
import { restoreCommand } from './commands/restore';
import { keyConfigOf, resolveFileKey } from '../core/store/resolve-file-key';

/** The English usage of every command (kept for scripts and the README). */
export const USAGE = usage('en');

const OPTIONS = {
  db: { type: 'string' },
  // the database key (store/resolve-file-key.ts); loket key, loket backup, loket restore
  'key-file': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  list: { type: 'string' },
  kind: { type: 'string' },
  'as-of': { type: 'string' },
  map: { type: 'string' },
  'same-file-ok': { type: 'boolean', default: false },
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
  // loket hub, loket enroll
  embedded: { type: 'string' },
  pg: { type: 'string' },
  data: { type: 'string' },
  port: { type: 'string' },
  'pg-port': { type: 'string' },
  host: { type: 'string' },
  facility: { type: 'string' },
  'hub-dir': { type: 'string' },
  prefix: { type: 'string' },
  hub: { type: 'string' },
  code: { type: 'string' },
  // loket hub settings / report; loket restore --from, --force
  file: { type: 'string' },
  from: { type: 'string' },
  force: { type: 'boolean', default: false },
  to: { type: 'string' },
  html: { type: 'string' },
  // loket daftar, loket antrean
  name: { type: 'string' },
  unit: { type: 'string' },
  again: { type: 'boolean', default: false },
  new: { type: 'boolean', default: false },
  rm: { type: 'string' },
  'rm-lama': { type: 'string' },
  // loket gabung: the merge itself (without it, only the preview)
  yes: { type: 'boolean', default: false },
  // loket account, loket hub account
  role: { type: 'string' },
  // loket hub: a district hub, a facility hub's district
  mode: { type: 'string' },
  'upstream-code': { type: 'string' },
  'upstream-url': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** node:util's parse errors as a usage mistake in the CLI's words. */
function parseFailure(error: unknown): UsageError {
  const e = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('usage/unknown-option', { option });
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError('usage/option-needs-value', { option });
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('usage/bad-option', { detail: e.message ?? '' });
  return new UsageError('usage/bad-option', { detail: e.message ?? String(error) });
}

/** A catalog line, with the kind of file named in the same language. */
function words(lang: Lang, key: CliKey, params: CliParams): string {
  const what = typeof params.what === 'string' ? cliText(lang, `what/${params.what}` as CliKey) : undefined;
  return cliText(lang, key, what ? { ...params, what } : params);
}

export async function runCli(argv: string[], makeOutput: (json: boolean) => Output = consoleOutput): Promise<number> {
  const { lang, refused } = chosenLang(argv, process.env.LOKET_LANG);
  const early = makeOutput(argv.includes('--json'));
  const usageMistake = (error: UsageError, out: Output): number => {
    out.error(`${words(lang, error.key, error.params)}\n\n${usage(lang, error.command)}`);
    return 2;
  };
  if (refused !== undefined) {
    // The command's own usage, not every command's (the refused value is no command, whatever it spells).
    const named = argv.find((a) => !a.startsWith('-') && a !== refused);
    return usageMistake(new UsageError('usage/bad-lang', { value: refused }, isCommand(named) && named !== 'help' ? named : undefined), early);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const mistake = parseFailure(error);
    const named = argv.find((a) => !a.startsWith('-'));
    return usageMistake(isCommand(named) && named !== 'help' ? new UsageError(mistake.key, mistake.params, named) : mistake, early);
  }
  const { values, positionals } = parsed;
  const out = makeOutput(values.json === true);
  const [command, ...rest] = positionals;
  const commands = COMMANDS.join(', ');

  // Help: `loket help [COMMAND]`, `loket COMMAND --help`, `loket --help`; nothing at all is a mistake.
  if (command === 'help' || values.help) {
    const topic = command === 'help' ? rest[0] : command;
    if (topic !== undefined && !isCommand(topic)) return usageMistake(new UsageError(command === 'help' ? 'usage/help-unknown' : 'usage/unknown-command', { command: topic, commands }), out);
    out.line(usage(lang, topic as Command | undefined));
    return 0;
  }
  if (!command) {
    out.error(usage(lang));
    return 2;
  }
  let core: Core | undefined;
  try {
    if (!isCommand(command)) throw new UsageError('usage/unknown-command', { command, commands });
    // The hub needs no counter database; enroll opens one itself (no core, no worker). Both are
    // loaded only when used: PostgreSQL and certificate code would slow every other command's start.
    if (command === 'hub') return await (await import('./commands/hub')).hubCommand(rest, values, out, lang);
    if (command === 'enroll') {
      if (rest.length > 0) throw new UsageError('usage/unexpected-argument', { value: rest[0]! }, 'enroll');
      return await (await import('./commands/enroll')).enrollCommand({ hub: values.hub, code: values.code, again: values.again }, values.db ?? defaultDbPath(), out, lang);
    }
    // Restoring replaces the database: no core may hold it open, this one included.
    if (command === 'restore') {
      if (rest.length > 0) throw new UsageError('usage/unexpected-argument', { value: rest[0]! }, 'restore');
      if (!values.from) throw new UsageError('usage/restore-needs-from', {}, 'restore');
      return restoreCommand({ from: values.from, keyFile: values['key-file'], dbPath: values.db ?? defaultDbPath(), force: values.force }, out, lang);
    }
    if (command === 'import') {
      checkImportArgs({ file: rest[0], list: values.list, kind: values.kind, asOf: values['as-of'], map: values.map });
      if (rest.length > 1) throw new UsageError('usage/unexpected-argument', { value: rest[1]! }, 'import');
      requireReadableFile(rest[0]!, 'list');
    }
    if (command === 'sync' && rest.length > 0) throw new UsageError('usage/unexpected-argument', { value: rest[0]! }, 'sync');
    if (command === 'rollback') {
      if (!values.list) throw new UsageError('usage/rollback-needs-list', {}, 'rollback');
      if (rest.length > 0) throw new UsageError('usage/unexpected-argument', { value: rest[0]! }, 'rollback');
    }
    if (command === 'lists' && rest.length > 0) throw new UsageError('usage/unexpected-argument', { value: rest[0]! }, 'lists');
    if (command === 'cek' && values.dob !== undefined) checkDate('--dob', values.dob, { notFuture: true, command: 'cek' });
    if ((command === 'antrean' || command === 'sync') && rest.length > 0) throw new UsageError('usage/unexpected-argument', { value: rest[0]! }, command);
    if (command === 'daftar' && rest.length > 1) throw new UsageError('usage/unexpected-argument', { value: rest[1]! }, 'daftar');
    if (command === 'cek' && values.batch !== undefined) requireReadableFile(values.batch, 'batch');
    if (command === 'key' && rest[0] !== 'rekey' && rest[0] !== 'export') throw new UsageError('usage/key-needs-action', {}, 'key');
    if ((command === 'key' && rest[0] === 'export') || command === 'backup') {
      if (!values.out) throw new UsageError('usage/needs-out', { command: command === 'key' ? 'key export' : 'backup' }, command);
    }
    const dbPath = values.db ?? defaultDbPath();
    // A wrong path must not silently become an empty database: only a command that writes
    // (import, cek --online, which keeps the answer) may start one.
    const mayCreate = command === 'import' || (command === 'cek' && values.online === true);
    checkDatabasePath(dbPath, mayCreate);
    // Encrypted by default: the key from LOKET_DB_KEY, --key-file, <db>.key, or a new one beside a new database.
    let fileKey;
    try {
      fileKey = resolveFileKey({ dbPath, mayCreate, ...(values['key-file'] ? { keyFile: values['key-file'] } : {}) });
    } catch (error) {
      throw databaseFailure(error, dbPath) ?? error;
    }
    if (fileKey.made) out.error(cliText(lang, 'key/made', { path: fileKey.keyFile?.path ?? '' }));
    try {
      core = createCore({
        dbPath,
        workerScript: defaultWorkerScript(),
        bpjsBackground: false, // one command, then exit: no probe, no re-check runs
        actor: cliActor(), // it holds the database key: the file's administrator (docs/accounts.md)
        ...keyConfigOf(fileKey),
      });
    } catch (error) {
      throw databaseFailure(error, dbPath) ?? error;
    }
    // A file set aside plain, a failed conversion, a key file others can read: said at every run until dealt with.
    for (const notice of core.startNotices) out.error(formatCoreMessage(lang, notice));
    switch (command) {
      case 'import':
        return await importCommand(core, { file: rest[0], list: values.list, kind: values.kind, asOf: values['as-of'], map: values.map, sameFileOk: values['same-file-ok'] }, out, lang);
      case 'lists':
        return await listsCommand(core, out, lang, dbPath);
      case 'daftar':
        return await daftarCommand(core, { number: rest[0], name: values.name, dob: values.dob, unit: values.unit, again: values.again, new: values.new, rm: values.rm, rmLama: values['rm-lama'] }, out, lang);
      case 'antrean':
        return await antreanCommand(core, { unit: values.unit }, out, lang);
      case 'sync':
        return await syncCommand(core, out, lang);
      case 'account':
        return await accountCommand(core, rest, { name: values.name, role: values.role }, out, lang);
      case 'audit':
        return await auditCommand(core, rest, out, lang);
      case 'key':
        return await keyCommand(core, { action: rest[0], out: values.out, keyFile: fileKey.keyFile?.path }, out, lang);
      case 'backup':
        return await backupCommand(core, values.out, out, lang);
      case 'rollback':
        return await rollbackCommand(core, values.list!, out, lang);
      case 'gabung':
        return await gabungCommand(core, { rest, yes: values.yes }, out, lang);
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
                    credentialsEnv(values.credentials, out, lang),
                  ),
                }
              : {}),
          },
          out,
          lang,
        );
    }
  } catch (error) {
    out.progress('');
    if (error instanceof UsageError) return usageMistake(error, out);
    if (error instanceof ContractCallError) {
      // The contract's error is a code with parameters: worded here, in --lang.
      const message = cliContractError(lang, error.error);
      if (out.json) out.data({ ok: false, error: { ...error.error, message } });
      out.error(message);
      return 1;
    }
    const failure = error instanceof CliFailure ? { key: error.key, message: words(lang, error.key, error.params) } : null;
    const payload = failure ? null : toErrorPayload(error);
    const code = failure?.key ?? payload!.key;
    const message = failure?.message ?? (error instanceof LoketError ? error.format(lang) : formatCoreMessage(lang, { code: payload!.key, params: payload!.params }));
    if (out.json) out.data({ ok: false, error: { code, message } });
    out.error(message);
    return 1;
  } finally {
    core?.close();
  }
}

/** The environment, with a credentials file's values over it (flags still win over both). */
function credentialsEnv(flag: string | undefined, out: Output, lang: Lang): NodeJS.ProcessEnv {
  const path = flag ?? process.env.LOKET_BPJS_CREDENTIALS;
  if (!path) return process.env;
  const file = readCredentialsFile(path);
  if (file.warning) out.error(cliText(lang, file.warning.key, file.warning.params));
  return { ...process.env, ...file.values };
}

/** Runs the command line of this process and sets its exit code. */
export function main(): void {
  // `loket cek --batch … | head`: the reader has what it wanted and closed the pipe. That is the
  // end of the output, not a failure: stop quietly, with the exit code a shell expects.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Never a raw stack: the same words the app uses for an unexpected error.
      const { lang } = chosenLang(process.argv.slice(2), process.env.LOKET_LANG);
      process.stderr.write(`${formatMessage(lang, 'internal', { detail: error instanceof Error ? error.message : String(error) })}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) main();
