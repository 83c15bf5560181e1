import { isReservedUsername, ROLES, usernameKey, type AccountView, type Role } from '../../shared/accounts';
import type { Core } from '../../core/core';
import { LoketError } from '../../core/errors';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import { cliText } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';
import { readSecret } from './secret-input';

export const ACCOUNT_ACTIONS = ['add', 'list', 'passwd', 'disable', 'enable', 'unlock'] as const;
type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export interface AccountValues {
  name?: string | undefined;
  role?: string | undefined;
}

export function checkRole(value: string | undefined, command: 'account' | 'hub'): Role {
  if (value === undefined) throw new UsageError('usage/account-needs-role', { roles: ROLES.join(', ') }, command);
  if (!(ROLES as readonly string[]).includes(value)) throw new UsageError('usage/bad-role', { value, roles: ROLES.join(', ') }, command);
  return value as Role;
}

/**
 * `loket account ACTION [USERNAME]`: the counter's accounts from the command line, through the
 * contract like the accounts screen. The CLI holds the database key, so it acts as the file's
 * administrator (`cli:<os user>`): the way back in when the last administrator forgot the password.
 */
export async function accountCommand(core: Core, args: string[], values: AccountValues, out: Output, lang: Lang): Promise<number> {
  const [action, username, ...extra] = args;
  if (!(ACCOUNT_ACTIONS as readonly string[]).includes(action ?? '')) throw new UsageError('usage/account-action', { actions: ACCOUNT_ACTIONS.join(', ') }, 'account');
  if (extra.length > 0) throw new UsageError('usage/unexpected-argument', { value: extra[0]! }, 'account');
  const act = action as AccountAction;
  if (act === 'list') {
    if (username !== undefined) throw new UsageError('usage/unexpected-argument', { value: username }, 'account');
    const accounts = await call(core, 'listAccounts', {});
    if (out.json) out.data(accounts);
    else if (accounts.length === 0) out.line(cliText(lang, 'account/none'));
    else for (const a of accounts) out.line(accountLine(lang, a));
    return 0;
  }
  if (username === undefined) throw new UsageError('usage/account-needs-username', {}, 'account');
  const saved = await runAction(core, act, username, values, lang);
  if (out.json) out.data(saved);
  else out.line(cliText(lang, `account/${act}-done`, { username: saved.username }));
  return 0;
}

async function runAction(core: Core, action: Exclude<AccountAction, 'list'>, username: string, values: AccountValues, lang: Lang): Promise<AccountView> {
  if (action === 'unlock') return call(core, 'unlockAccount', { username });
  if (action === 'add') {
    const role = checkRole(values.role, 'account');
    if (!values.name) throw new UsageError('usage/account-needs-name', {}, 'account');
    // Said before the password is asked for; the core refuses it too (saveAccount's `create`).
    const taken = (await call(core, 'listAccounts', {})).find((a) => usernameKey(a.username) === usernameKey(username));
    if (taken) throw new LoketError('account/username-taken', { username: taken.username, displayName: taken.displayName });
    if (isReservedUsername(username)) throw new LoketError('account/username-reserved', { username: username.trim() });
    const password = await readSecret(cliText(lang, 'account/password-prompt', { username }));
    return call(core, 'saveAccount', { username, displayName: values.name, role, password, create: true });
  }
  const existing = (await call(core, 'listAccounts', {})).find((a) => usernameKey(a.username) === usernameKey(username));
  if (!existing) throw new LoketError('account/not-found', { username });
  const same = { username: existing.username, displayName: values.name ?? existing.displayName, role: values.role ? checkRole(values.role, 'account') : existing.role };
  if (action === 'passwd') return call(core, 'saveAccount', { ...same, password: await readSecret(cliText(lang, 'account/password-prompt', { username: existing.username })) });
  return call(core, 'saveAccount', { ...same, disabled: action === 'disable' });
}

export function accountLine(lang: Lang, a: Pick<AccountView, 'username' | 'displayName' | 'role' | 'disabled' | 'lockedUntil' | 'source'>): string {
  const notes = [a.disabled ? cliText(lang, 'account/disabled') : '', a.lockedUntil ? cliText(lang, 'account/locked', { until: a.lockedUntil }) : '', a.source === 'hub' ? cliText(lang, 'account/from-hub') : '']
    .filter(Boolean)
    .join(', ');
  return cliText(lang, 'account/line', { username: a.username, name: a.displayName, role: a.role, notes: notes ? ` (${notes})` : '' });
}
