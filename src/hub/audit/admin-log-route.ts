import { HUB_ADMIN_LOG_PATH, MAX_ADMIN_LOG_PAGE } from '../../shared/hub-admin-log';
import { HubError, type HubRoute } from '../http/route';
import { readAdminLog } from './admin-log.repo';

/** GET /v1/admin/log?limit=&before= → HubAdminLogPage: `loket hub audit` reads it. */
export const adminLogRoute = (): HubRoute => ({
  method: 'GET',
  path: HUB_ADMIN_LOG_PATH,
  auth: 'admin',
  async handle(req) {
    const limit = Number(req.query.get('limit') ?? MAX_ADMIN_LOG_PAGE);
    const beforeText = req.query.get('before');
    const before = beforeText === null ? undefined : Number(beforeText);
    if (!Number.isInteger(limit) || limit < 1 || (before !== undefined && (!Number.isInteger(before) || before < 1))) throw new HubError(422, 'hub/bad-request', { field: 'limit' });
    return { json: await readAdminLog(req.pg, { limit, ...(before !== undefined ? { before } : {}) }) };
  },
});
