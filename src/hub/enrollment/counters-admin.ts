import { createHash, randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import type { EnrollmentCode } from '../../shared/hub-protocol';
import { adminActor, recordAdmin } from '../audit/admin-log.repo';
import { HubError, type HubRoute } from '../http/route';
import type { HubIdentity } from './identity';
import { inTransaction } from './tx';

/** One admin add at a time: two must not pick the same free prefix. */
const COUNTER_ADMIN_LOCK = 4_242_002;
export const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const PREFIX = /^[A-Z0-9]{1,3}$/;

export const addCounterRequest = z.object({
  name: z.string().trim().min(1).max(60),
  offlinePrefix: z.string().trim().regex(PREFIX).optional(),
});

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const encodeEnrollmentCode = (code: EnrollmentCode): string => Buffer.from(JSON.stringify(code), 'utf8').toString('base64url');

/** Offline prefixes already taken: by counters (revoked ones too: their offline numbers exist) and by codes still usable. */
async function takenPrefixes(client: PoolClient, now: Date, exceptName: string): Promise<Set<string>> {
  const { rows } = await client.query<{ p: string }>(
    `SELECT offline_prefix AS p FROM counters
     UNION SELECT offline_prefix FROM enroll_tokens WHERE used_at IS NULL AND expires_at > $1 AND counter_name <> $2`,
    [now, exceptName],
  );
  return new Set(rows.map((r) => r.p));
}

/** K1, K2, … K99, then any free two-character prefix. */
export function firstFreePrefix(taken: ReadonlySet<string>): string {
  for (let n = 1; n < 100; n++) if (!taken.has(`K${n}`)) return `K${n}`;
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (const a of chars) for (const b of chars) if (!taken.has(a + b)) return a + b;
  throw new HubError(409, 'hub/no-free-prefix');
}

/** POST /v1/admin/counters { name, offlinePrefix? } → { code, offlinePrefix, expiresAt }. A new code for the same name replaces the old one. */
export const addCounterRoute = (identity: HubIdentity | undefined): HubRoute => ({
  method: 'POST',
  path: '/v1/admin/counters',
  auth: 'admin',
  async handle(req) {
    if (!identity) throw new HubError(500, 'hub/no-identity');
    const parsed = addCounterRequest.safeParse(req.body);
    if (!parsed.success) throw new HubError(422, 'hub/bad-request', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
    const { name, offlinePrefix } = parsed.data;
    const now = req.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS);
    const prefix = await inTransaction(req.pg, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [COUNTER_ADMIN_LOCK]);
      const existing = await client.query('SELECT 1 FROM counters WHERE name = $1 AND revoked_at IS NULL', [name]);
      if (existing.rowCount) throw new HubError(409, 'hub/counter-exists', { name });
      const taken = await takenPrefixes(client, now, name);
      if (offlinePrefix !== undefined && taken.has(offlinePrefix)) throw new HubError(409, 'hub/prefix-taken', { prefix: offlinePrefix });
      const chosen = offlinePrefix ?? firstFreePrefix(taken);
      await client.query('DELETE FROM enroll_tokens WHERE counter_name = $1 AND used_at IS NULL', [name]);
      await client.query('INSERT INTO enroll_tokens (token_hash, counter_name, offline_prefix, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        hashToken(token),
        name,
        chosen,
        now,
        expiresAt,
      ]);
      // Who may let a PC in: the code is the counter's key to the register, accounts and lists.
      await recordAdmin(client, { at: now, actor: adminActor(req), action: 'counter-code', subject: name, detail: { prefix: chosen, expiresAt: expiresAt.toISOString() } });
      return chosen;
    });
    const code = encodeEnrollmentCode({ v: 1, urls: identity.urls, fingerprint: identity.fingerprint, token });
    return { status: 201, json: { code, name, offlinePrefix: prefix, expiresAt: expiresAt.toISOString() } };
  },
});

/** DELETE /v1/admin/counters/:name: the counter is refused from its next request on. */
export const revokeCounterRoute = (): HubRoute => ({
  method: 'DELETE',
  path: '/v1/admin/counters/:name',
  auth: 'admin',
  async handle(req) {
    const name = req.params['name'] ?? '';
    await inTransaction(req.pg, async (client) => {
      const { rowCount } = await client.query('UPDATE counters SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL', [name, req.now()]);
      // An unused code for that name is withdrawn too.
      const codes = await client.query('DELETE FROM enroll_tokens WHERE counter_name = $1 AND used_at IS NULL', [name]);
      if (!rowCount && !codes.rowCount) throw new HubError(404, 'hub/counter-not-found', { name });
      await recordAdmin(client, { at: req.now(), actor: adminActor(req), action: 'counter-revoked', subject: name, detail: { counter: (rowCount ?? 0) > 0, code: (codes.rowCount ?? 0) > 0 } });
    });
    return { json: { revoked: name } };
  },
});
