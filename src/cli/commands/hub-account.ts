import { isReservedUsername, ROLES, usernameKey, type Role } from '../../shared/accounts';
import { HUB_ADMIN_ACCOUNTS_PATH, type HubAccountListing, type HubAccountWrite } from '../../shared/hub-accounts';
import type { Lang } from '../../shared/i18n/messages';
import { hashSecret } from '../../core/accounts/password-hash';
import { HubError } from '../../hub/http/route';
import type { Output } from '../output';
import { adminTransport } from './hub-admin';
import { hubText, HubUsageError } from './hub-messages';
import { readSecret } from './secret-input';

export interface HubAccountValues {
  'hub-dir'?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
}

const ACTIONS = ['list', 'add', 'passwd', 'disable', 'enable'] as const;

/**
 * `loket hub account …`: the facility's accounts, kept at the hub and taken by every counter.
 * The password is hashed here, where it was typed: only the scrypt hash travels to the hub and
 * on to the counters.
 */
export async function hubAccountCommand(action: string | undefined, username: string | undefined, values: HubAccountValues, out: Output, lang: Lang): Promise<number> {
  if (!(ACTIONS as readonly string[]).includes(action ?? '')) throw new HubUsageError('usage/hub-account');
  const hub = adminTransport(values['hub-dir']);
  const listing = await hub.getJson<HubAccountListing>(HUB_ADMIN_ACCOUNTS_PATH);
  if (action === 'list') {
    if (out.json) out.data(listing);
    else if (listing.accounts.length === 0) out.line(hubText(lang, 'hub/account-none'));
    else for (const a of listing.accounts) out.line(hubText(lang, 'hub/account-line', { username: a.username, name: a.displayName, role: a.role, notes: a.disabled ? hubText(lang, 'hub/account-disabled') : '' }));
    return 0;
  }
  if (!username) throw new HubUsageError('usage/hub-account');
  const existing = listing.accounts.find((a) => usernameKey(a.username) === usernameKey(username));
  const role = values.role ?? existing?.role;
  if (role === undefined || !(ROLES as readonly string[]).includes(role)) throw new HubUsageError('usage/hub-account-role');
  const displayName = values.name ?? existing?.displayName;
  if (!displayName) throw new HubUsageError('usage/hub-account-name');
  if (action !== 'add' && !existing) throw new HubError(404, 'hub/account-not-found', { username });
  // `add` never replaces an account (its role, its password): that is passwd's and the others' work.
  if (action === 'add' && existing) throw new HubError(409, 'hub/account-taken', { username: existing.username, name: existing.displayName });
  if (action === 'add' && isReservedUsername(username)) throw new HubError(422, 'hub/account-reserved', { username });
  const write: HubAccountWrite = { displayName, role: role as Role };
  if (action === 'add' || action === 'passwd') write.passwordHash = await hashSecret(await readSecret(hubText(lang, 'hub/account-prompt', { username })));
  if (action === 'disable' || action === 'enable') write.disabled = action === 'disable';
  const saved = await hub.requestJson<{ username: string; rev: number }>('PUT', `${HUB_ADMIN_ACCOUNTS_PATH}/${encodeURIComponent(existing?.username ?? username)}`, write);
  if (out.json) out.data(saved);
  else out.line(hubText(lang, 'hub/account-saved', { username: saved.username, rev: saved.rev }));
  return 0;
}
