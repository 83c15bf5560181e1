import { randomBytes, randomUUID } from 'node:crypto';
import { COUNTER_CLOCK_HEADER } from '../../shared/hub-clock';
import { enrollRequest, type EnrollResponse } from '../../shared/hub-protocol';
import { clockAheadSeconds, hashSecret } from '../http/counter-auth';
import { recordAdmin } from '../audit/admin-log.repo';
import { HubError, type HubRoute } from '../http/route';
import { hashToken } from './counters-admin';
import { inTransaction } from './tx';

/**
 * POST /v1/enroll { token } → EnrollResponse. The token is used once: the row is locked, checked
 * and marked in one transaction, so two counters racing with one code cannot both get in.
 */
export const enrollRoute = (): HubRoute => ({
  method: 'POST',
  path: '/v1/enroll',
  auth: 'none',
  async handle(req) {
    const parsed = enrollRequest.safeParse(req.body);
    if (!parsed.success) throw new HubError(404, 'hub/code-unknown');
    const now = req.now();
    const secret = randomBytes(32).toString('base64url');
    const response = await inTransaction(req.pg, async (client): Promise<EnrollResponse> => {
      const { rows } = await client.query<{ counter_name: string; offline_prefix: string; expires_at: Date; used_at: Date | null }>(
        'SELECT counter_name, offline_prefix, expires_at, used_at FROM enroll_tokens WHERE token_hash = $1 FOR UPDATE',
        [hashToken(parsed.data.token)],
      );
      const token = rows[0];
      if (!token) throw new HubError(404, 'hub/code-unknown');
      if (token.used_at) throw new HubError(409, 'hub/code-used');
      if (token.expires_at.getTime() <= now.getTime()) throw new HubError(410, 'hub/code-expired');
      const live = await client.query('SELECT 1 FROM counters WHERE name = $1 AND revoked_at IS NULL', [token.counter_name]);
      if (live.rowCount) throw new HubError(409, 'hub/counter-exists', { name: token.counter_name });
      // A revoked counter of that name (a replaced PC) keeps its row, its history and its prefix, under another name.
      // Language-neutral: the status output says DICABUT / REVOKED beside it, in the reader's language.
      await client.query(`UPDATE counters SET name = name || ' · ' || left(id, 8) WHERE name = $1`, [token.counter_name]);
      const counterId = randomUUID();
      // The new counter's clock as it enrolls (X-Loket-Clock): `loket hub status` flags a PC whose clock is off from the start.
      const clock = req.headers?.[COUNTER_CLOCK_HEADER];
      await client.query('INSERT INTO counters (id, name, offline_prefix, secret_hash, created_at, clock_ahead_s) VALUES ($1, $2, $3, $4, $5, $6)', [
        counterId,
        token.counter_name,
        token.offline_prefix,
        hashSecret(secret).toString('hex'),
        now,
        clockAheadSeconds(typeof clock === 'string' ? clock : undefined, new Date()),
      ]);
      await client.query('UPDATE enroll_tokens SET used_at = $2 WHERE token_hash = $1', [hashToken(parsed.data.token), now]);
      // The code was used: whoever held it is now this counter (the code's issue names the administrator).
      await recordAdmin(client, { at: now, actor: `counter:${token.counter_name}`, action: 'counter-enrolled', subject: token.counter_name, detail: { counterId, prefix: token.offline_prefix } });
      const facility = await client.query<{ name: string }>('SELECT name FROM facility WHERE id = 1');
      return { counterId, secret, name: token.counter_name, offlinePrefix: token.offline_prefix, facility: facility.rows[0]?.name ?? '' };
    });
    return { json: response };
  },
});
