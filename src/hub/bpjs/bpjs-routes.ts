import { bpjsSettingsFormSchema, type BpjsSettingsForm } from '../../shared/bpjs';
import { HubError, type HubRoute } from '../http/route';
import { adminActor, recordAdmin } from '../audit/admin-log.repo';
import { lockRevisions, nextRevision } from '../pg/revisions';
import { openForHub, sealForHub } from './bpjs-seal';

/**
 * The facility's BPJS access (VClaim or PCare: URL, consumer id, secret, user key...), set once at
 * the hub and handed to every counter, which keeps it sealed with its own secret box. A counter
 * learns of a change from its pull (`bpjsRev`) and then asks GET /v1/bpjs: the secrets only ever
 * travel to an enrolled counter, over the pinned connection.
 */
export function bpjsRoutes(config: { dataDir: string }): HubRoute[] {
  return [
    {
      method: 'PUT',
      path: '/v1/admin/bpjs',
      auth: 'admin',
      async handle(req) {
        const parsed = bpjsSettingsFormSchema.safeParse(req.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new HubError(422, 'hub/bpjs-invalid', { field: issue.path.join('.'), rule: issue.code });
        }
        const client = await req.pg.connect();
        try {
          await client.query('BEGIN');
          await lockRevisions(client);
          const rev = await nextRevision(client);
          await client.query(
            'INSERT INTO facility_bpjs (id, sealed, rev) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, rev = excluded.rev',
            [sealForHub(config.dataDir, JSON.stringify(parsed.data)), rev],
          );
          // Which service, never a secret.
          await recordAdmin(client, { at: req.now(), actor: adminActor(req), action: 'bpjs', detail: { use: parsed.data.use, rev } });
          await client.query('COMMIT');
          return { json: { rev, use: parsed.data.use } };
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
    },
    {
      method: 'GET',
      path: '/v1/bpjs',
      auth: 'counter',
      async handle(req) {
        const { rows } = await req.pg.query<{ sealed: string; rev: string }>('SELECT sealed, rev FROM facility_bpjs WHERE id = 1');
        const row = rows[0];
        if (!row) return { json: { rev: 0, form: null } };
        let form: BpjsSettingsForm;
        try {
          form = bpjsSettingsFormSchema.parse(JSON.parse(openForHub(config.dataDir, row.sealed)));
        } catch {
          // The data folder's key is not the one the access was sealed with: set it again at the hub.
          throw new HubError(409, 'hub/bpjs-unreadable');
        }
        return { json: { rev: Number(row.rev), form } };
      },
    },
  ];
}
