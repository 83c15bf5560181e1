import { auditHeadRequest, type AuditHeadResponse, type HubHeldHead } from '../../shared/audit-head';
import type { HubRoute } from '../http/route';
import { parseBody } from '../register/register-routes';
import { heldAuditHead, receiveAuditHead } from './audit-heads.repo';

/** POST /v1/audit-head: a counter's audit chain head; kept, and flagged when it does not fit the ones before. */
export const auditHeadRoute = (): HubRoute => ({
  method: 'POST',
  path: '/v1/audit-head',
  auth: 'counter',
  async handle(req) {
    const head = parseBody(auditHeadRequest, req.body);
    const reply: AuditHeadResponse = { flag: await receiveAuditHead(req.pg, req.counter!.id, head, req.now()) };
    return { json: reply };
  },
});

/** GET /v1/audit-head: the last head kept for the calling counter, which its next head is anchored to. */
export const heldAuditHeadRoute = (): HubRoute => ({
  method: 'GET',
  path: '/v1/audit-head',
  auth: 'counter',
  async handle(req) {
    const reply: HubHeldHead = { head: await heldAuditHead(req.pg, req.counter!.id) };
    return { json: reply };
  },
});
