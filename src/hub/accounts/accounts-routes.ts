import type { Pool } from 'pg';
import { isReservedUsername, usernameKey, usernameSchema } from '../../shared/accounts';
import { HUB_ACCOUNTS_PATH, HUB_ADMIN_ACCOUNTS_PATH, hubAccountWrite, type HubAccountListing, type HubAccountRecord, type HubAccountsResponse, type HubAccountWrite } from '../../shared/hub-accounts';
import { HubError, type HubRoute } from '../http/route';
import { inTransaction } from '../enrollment/tx';
import { adminActor, recordAdmin } from '../audit/admin-log.repo';

interface Row {
  username: string;
  display_name: string;
  role: HubAccountRecord['role'];
  password_hash: string;
  pin_hash: string | null;
  disabled: boolean;
  rev: string;
}

async function currentRev(pg: Pool): Promise<number> {
  const { rows } = await pg.query<{ rev: string | null }>('SELECT max(rev) AS rev FROM hub_accounts');
  return Number(rows[0]?.rev ?? 0);
}

/** What a save changed, for the hub's record: never a hash, never a display name's value. */
function accountChange(existing: Row | undefined, w: HubAccountWrite, disabled: boolean, rev: number): Record<string, unknown> {
  if (!existing) return { change: 'added', role: w.role, disabled, pinSet: typeof w.pinHash === 'string', rev };
  return {
    change: 'changed',
    role: w.role,
    ...(existing.role !== w.role ? { previousRole: existing.role } : {}),
    ...(existing.disabled !== disabled ? { disabled } : {}),
    ...(existing.display_name !== w.displayName ? { nameChanged: true } : {}),
    ...(w.passwordHash !== undefined && w.passwordHash !== existing.password_hash ? { passwordSet: true } : {}),
    ...(typeof w.pinHash === 'string' && w.pinHash !== existing.pin_hash ? { pinSet: true } : {}),
    rev,
  };
}

/**
 * The facility's accounts: the counters' pull (hashes, only when something changed) and the
 * administrator's list and save. Writes take a table lock, so revisions become visible in order
 * and a counter that saw revision n has seen every change below it.
 */
export function accountRoutes(): HubRoute[] {
  return [
    {
      method: 'GET',
      path: HUB_ACCOUNTS_PATH,
      auth: 'counter',
      async handle(req) {
        const after = Number(req.query.get('after') ?? '0');
        const rev = await currentRev(req.pg);
        if (!Number.isFinite(after) || rev <= after) return { json: { rev, accounts: null } satisfies HubAccountsResponse };
        const { rows } = await req.pg.query<Row>('SELECT * FROM hub_accounts ORDER BY username_key');
        const accounts = rows.map((r) => ({ username: r.username, displayName: r.display_name, role: r.role, passwordHash: r.password_hash, pinHash: r.pin_hash, disabled: r.disabled, rev: Number(r.rev) }));
        return { json: { rev, accounts } satisfies HubAccountsResponse };
      },
    },
    {
      method: 'GET',
      path: HUB_ADMIN_ACCOUNTS_PATH,
      auth: 'admin',
      async handle(req) {
        const { rows } = await req.pg.query<Row>('SELECT * FROM hub_accounts ORDER BY username_key');
        const listing: HubAccountListing = {
          rev: await currentRev(req.pg),
          accounts: rows.map((r) => ({ username: r.username, displayName: r.display_name, role: r.role, hasPin: r.pin_hash !== null, disabled: r.disabled })),
        };
        return { json: listing };
      },
    },
    {
      method: 'PUT',
      path: `${HUB_ADMIN_ACCOUNTS_PATH}/:username`,
      auth: 'admin',
      async handle(req) {
        const username = usernameSchema.safeParse(req.params['username'] ?? '');
        const write = hubAccountWrite.safeParse(req.body);
        if (!username.success) throw new HubError(422, 'hub/account-invalid', { field: 'username' });
        if (!write.success) throw new HubError(422, 'hub/account-invalid', { field: write.error.issues[0]!.path.join('.') });
        const w = write.data;
        const saved = await inTransaction(req.pg, async (client) => {
          await client.query('LOCK TABLE hub_accounts IN EXCLUSIVE MODE');
          const key = usernameKey(username.data);
          const existing = (await client.query<Row>('SELECT * FROM hub_accounts WHERE username_key = $1', [key])).rows[0];
          if (!existing && !w.passwordHash) throw new HubError(422, 'hub/account-needs-password');
          // A name the counters' audit trails use for someone who is not an account: no new account takes it.
          if (!existing && isReservedUsername(username.data)) throw new HubError(422, 'hub/account-reserved', { username: username.data });
          const { rows } = await client.query<{ rev: string }>(`SELECT nextval('hub_account_rev') AS rev`);
          const rev = Number(rows[0]!.rev);
          await client.query(
            `INSERT INTO hub_accounts (username_key, username, display_name, role, password_hash, pin_hash, disabled, rev)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (username_key) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash,
               pin_hash = excluded.pin_hash, disabled = excluded.disabled, rev = excluded.rev`,
            [key, existing?.username ?? username.data, w.displayName, w.role, w.passwordHash ?? existing!.password_hash, w.pinHash ?? existing?.pin_hash ?? null, w.disabled ?? existing?.disabled ?? false, rev],
          );
          const saved = { username: existing?.username ?? username.data, displayName: w.displayName, role: w.role, hasPin: (w.pinHash ?? existing?.pin_hash ?? null) !== null, disabled: w.disabled ?? existing?.disabled ?? false, rev };
          await recordAdmin(client, { at: req.now(), actor: adminActor(req), action: 'account', subject: saved.username, detail: accountChange(existing, w, saved.disabled, rev) });
          return saved;
        });
        return { json: saved };
      },
    },
  ];
}
