import { FACILITY_SETTING_KEYS, type FacilitySettings } from '../../shared/hub-protocol';
import { issuesOf } from '../../shared/input-issues';
import { counterSettingsSchema, DEFAULT_SETTINGS } from '../../shared/settings';
import { HubError, type HubRoute } from '../http/route';
import { adminActor, recordAdmin } from '../audit/admin-log.repo';
import { lockRevisions, nextRevision } from '../pg/revisions';
import { inTransaction } from './tx';

const KEYS = new Set<string>(FACILITY_SETTING_KEYS);

/** GET /v1/settings → { settings: FacilitySettings | null, rev }: null until an administrator sets them. */
export const getSettingsRoute = (): HubRoute => ({
  method: 'GET',
  path: '/v1/settings',
  auth: 'counter',
  async handle(req) {
    const { rows } = await req.pg.query<{ json: FacilitySettings; rev: string }>('SELECT json, rev FROM facility_settings WHERE id = 1');
    return { json: { settings: rows[0]?.json ?? null, rev: rows[0] ? Number(rows[0].rev) : 0 } };
  },
});

/**
 * PUT /v1/admin/settings { key: value, … } with keys of FACILITY_SETTING_KEYS only. Only the keys
 * given are stored (with those stored before): a key the hub never got stays unset there, and each
 * counter keeps its own value for it (core/sync/hub-settings-over.ts), on the first save as on
 * later ones. The result is checked as a whole with the counter's own settings rules (units unique,
 * emergency unit one of them…), the keys the hub does not hold read as Loket's defaults, and stored
 * with the next revision, so every counter's pull brings it. Answers { settings, rev, changed }
 * (`first` on the first save); a refusal names the field and the rule (`kind`, `bound`, `values`,
 * as shared/input-issues.ts).
 */
export const putSettingsRoute = (): HubRoute => ({
  method: 'PUT',
  path: '/v1/admin/settings',
  auth: 'admin',
  async handle(req) {
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HubError(422, 'hub/settings-invalid', { field: '' });
    const unknown = Object.keys(body).find((k) => !KEYS.has(k));
    if (unknown !== undefined) throw new HubError(422, 'hub/settings-invalid', { field: unknown, rule: 'not-a-facility-setting' });
    const result = await inTransaction(req.pg, async (client) => {
      await lockRevisions(client);
      const { rows } = await client.query<{ json: FacilitySettings }>('SELECT json FROM facility_settings WHERE id = 1 FOR UPDATE');
      const held: FacilitySettings = rows[0]?.json ?? {};
      const merged: FacilitySettings = { ...held, ...(body as FacilitySettings) };
      // reportInput: a value of the wrong type reads as wrong, not as missing (shared/input-issues.ts).
      const checked = counterSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...merged }, { reportInput: true });
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        // The rule broken, without words (shared/input-issues.ts), so the admin's tool says it in its language.
        const { kind, bound, other, values } = issuesOf([issue])[0]!;
        const words = { kind, ...(bound === undefined ? {} : { bound }), ...(other === undefined ? {} : { other }), ...(values ? { values: values.join(', ') } : {}) };
        throw new HubError(422, 'hub/settings-invalid', { field: issue.path.join('.'), rule: issue.code, ...words });
      }
      // The keys the hub holds, as the check wrote them (trimmed); the defaults the check read for
      // the others are not stored: they would replace every counter's own values (papertester F17).
      const stored = Object.fromEntries(FACILITY_SETTING_KEYS.filter((k) => k in merged).map((k) => [k, checked.data[k]]));
      // Against what the hub held (a key it did not hold changes when given): which fields, never
      // their values (as a counter's trail), with the revision the counters pull.
      const changed = FACILITY_SETTING_KEYS.filter((k) => k in stored && JSON.stringify(held[k]) !== JSON.stringify(stored[k]));
      const rev = await nextRevision(client);
      await recordAdmin(client, { at: req.now(), actor: adminActor(req), action: 'settings', detail: { changed, rev, ...(rows[0] ? {} : { first: true }) } });
      await client.query(
        `INSERT INTO facility_settings (id, json, rev) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET json = excluded.json, rev = excluded.rev`,
        [JSON.stringify(stored), rev],
      );
      return { settings: stored, rev, changed, ...(rows[0] ? {} : { first: true }) };
    });
    return { json: result };
  },
});
