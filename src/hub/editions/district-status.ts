import type { Pool, PoolClient } from 'pg';
import type { HubDistrictLink } from '../../shared/district-link';
import { lastUpstreamEdition } from './hub-editions.repo';
import type { UpstreamView } from './upstream-link';

/**
 * The link to the district as `GET /v1/admin/status` answers it: what the running link knows
 * (since this start) and the last edition taken from the district, which the register of
 * editions keeps across restarts. Instants as ISO strings: the command shows them on the
 * facility's clock.
 */
export async function districtLinkStatus(pg: Pool | PoolClient, view: UpstreamView): Promise<HubDistrictLink> {
  const problem = view.lastProblem;
  return {
    state: view.state,
    url: view.url,
    district: view.district,
    name: view.name,
    lastContact: view.lastContact?.toISOString() ?? null,
    lastEdition: await lastUpstreamEdition(pg),
    lastError: problem ? { code: problem.code, detail: problem.detail, url: problem.url, retryMinutes: problem.retryMinutes, since: problem.since.toISOString(), at: problem.at.toISOString() } : null,
  };
}
