import { ADMIN_EDITIONS_PATH, uploadedEditionHeaders, type HeldEditionResponse } from '../../core/sync/edition-wire';
import { HubError, type HubRoute } from '../http/route';
import { isCurrent } from './edition-intake';
import { editionWithContent } from './hub-editions.repo';

const heldQuery = uploadedEditionHeaders.pick({ list: true, kind: true, asOf: true, contentHash: true });

/**
 * `GET /v1/admin/editions?list=&kind=&asOf=&contentHash=` (admin): whether the hub already holds
 * that edition (the same members of the same list and as-of date, the upload's own test for a
 * duplicate). `loket hub edition add` asks before it sends: publishing the same edition twice
 * then sends nothing and says so, where an upload would send the whole file to change nothing.
 */
export const heldEditionRoute = (): HubRoute => ({
  method: 'GET',
  path: ADMIN_EDITIONS_PATH,
  auth: 'admin',
  async handle(req) {
    const parsed = heldQuery.safeParse(Object.fromEntries(['list', 'kind', 'asOf', 'contentHash'].map((k) => [k, req.query.get(k) ?? undefined])));
    if (!parsed.success) throw new HubError(400, 'hub/edition-invalid', { reason: 'edition/bad-query' });
    const edition = await editionWithContent(req.pg, parsed.data);
    const reply: HeldEditionResponse = { edition, current: edition ? await isCurrent(req.pg, edition.fileSha256) : false };
    return { json: reply };
  },
});
