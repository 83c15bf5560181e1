import type { PoolClient, Pool } from 'pg';
import { clockIsOff, hubClockLikelyOff } from '../../shared/hub-clock';
import type { HubStatus } from '../../shared/hub-protocol';
import type { HubRoute } from '../http/route';
import { hasAuditHeads, lastAuditHeads } from '../audit/audit-heads.repo';
import { districtLinkStatus } from '../editions/district-status';
import type { UpstreamView } from '../editions/upstream-link';

/**
 * The running hub's link to its district hub, when it may have one (a facility hub): null while
 * it has none. Absent (a district hub, a test's routes): the status says nothing of a district.
 */
export type DistrictLinkSource = () => UpstreamView | null;

/** The editions table belongs to the editions part; counted only when it exists. */
const EDITIONS_TABLE = 'hub_editions';

export async function readHubStatus(pg: Pool | PoolClient, districtLink?: DistrictLinkSource): Promise<HubStatus> {
  const [facility, counters, rev, editionsTable, zone] = await Promise.all([
    pg.query<{ name: string }>('SELECT name FROM facility WHERE id = 1'),
    pg.query<{ id: string; name: string; offline_prefix: string; revoked: boolean; last_contact: Date | null; outbox_backlog: number; outbox_rejected: number; pull_stuck: number; clock_ahead_s: number | null; editions_unreadable: string[] | null; editions_set_aside: string[] | null; time_zone: string | null }>(
      `SELECT id, name, offline_prefix, revoked_at IS NOT NULL AS revoked, last_contact, outbox_backlog, outbox_rejected, pull_stuck, clock_ahead_s,
         editions_unreadable, editions_set_aside, time_zone FROM counters ORDER BY name`,
    ),
    pg.query<{ last_value: string; is_called: boolean }>('SELECT last_value, is_called FROM hub_rev'),
    pg.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [EDITIONS_TABLE]),
    pg.query<{ zone: string | null }>("SELECT json->>'timeZone' AS zone FROM facility_settings WHERE id = 1"),
  ]);
  let editions = 0;
  if (editionsTable.rows[0]?.t) {
    const { rows } = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM ${EDITIONS_TABLE}`);
    editions = Number(rows[0]!.n);
  }
  const heads = (await hasAuditHeads(pg)) ? await lastAuditHeads(pg) : new Map();
  const r = rev.rows[0]!;
  const list = counters.rows.map((c) => ({
    counterId: c.id,
    name: c.name,
    offlinePrefix: c.offline_prefix,
    revoked: c.revoked,
    lastContact: c.last_contact?.toISOString() ?? null,
    outboxBacklog: c.outbox_backlog,
    outboxRejected: c.outbox_rejected,
    pullStuck: c.pull_stuck,
    auditHead: heads.get(c.id) ?? null,
    ...clockOf(c.clock_ahead_s),
    editionsUnreadable: c.editions_unreadable ?? [],
    editionsSetAside: c.editions_set_aside ?? [],
    timeZone: c.time_zone,
  }));
  const view = districtLink?.();
  return {
    facility: facility.rows[0]?.name ?? '',
    counters: list,
    hubClockOff: hubClockLikelyOff(list),
    timeZone: zone.rows[0]?.zone ?? null,
    ...(districtLink ? { district: view ? await districtLinkStatus(pg, view) : null } : {}),
    editions,
    rev: r.is_called ? Number(r.last_value) : 0,
  };
}

/** A counter's clock difference as the status tells it: whole minutes (as the counter's own warning rounds them), and whether it is off. */
function clockOf(aheadSeconds: number | null): { clockAheadMinutes: number | null; clockOff: boolean } {
  if (aheadSeconds === null) return { clockAheadMinutes: null, clockOff: false };
  const minutes = Math.round(aheadSeconds / 60) + 0; // + 0: -0 (a few seconds behind) is 0
  return { clockAheadMinutes: minutes, clockOff: clockIsOff(minutes) };
}

/** GET /v1/admin/status → HubStatus. */
export const statusRoute = (districtLink?: DistrictLinkSource): HubRoute => ({
  method: 'GET',
  path: '/v1/admin/status',
  auth: 'admin',
  async handle(req) {
    return { json: await readHubStatus(req.pg, districtLink) };
  },
});
