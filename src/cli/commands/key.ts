import { resolve } from 'node:path';
import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import { cliText } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

/** `loket key rekey` and `loket key export --out FILE`: through the contract, as the settings screen does. */
export async function keyCommand(core: Core, args: { action: string | undefined; out: string | undefined; keyFile: string | undefined }, out: Output, lang: Lang): Promise<number> {
  if (args.action === 'rekey') {
    const view = await call(core, 'rekeyDatabase', {});
    if (out.json) out.data(view);
    else out.line(cliText(lang, 'key/rekeyed', { path: args.keyFile ?? '' }));
    return 0;
  }
  if (args.action === 'export') {
    if (!args.out) throw new UsageError('usage/needs-out', { command: 'key export' }, 'key');
    const { name } = await call(core, 'exportRecoveryKey', { file: core.registerFile(args.out, 'save-key').handle });
    if (out.json) out.data({ name, path: resolve(args.out) });
    else out.line(cliText(lang, 'key/exported', { path: resolve(args.out) }));
    return 0;
  }
  throw new UsageError('usage/key-needs-action', {}, 'key');
}

/** `loket backup --out FILE`. */
export async function backupCommand(core: Core, target: string | undefined, out: Output, lang: Lang): Promise<number> {
  if (!target) throw new UsageError('usage/needs-out', { command: 'backup' }, 'backup');
  const result = await call(core, 'backupDatabase', { file: core.registerFile(target, 'save-backup').handle });
  if (out.json) out.data({ ...result, path: resolve(target) });
  else out.line(cliText(lang, 'backup/done', { path: resolve(target), editions: result.editions }));
  return 0;
}
