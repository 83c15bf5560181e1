import { HubError, type HubRequest, type HubRoute } from '../http/route';
import { DISPLAY_CSP, queueDisplay, queueDisplayHtml } from './display';
import { registerHtml, REGISTER_CSP } from './register-html';
import { facilityDays, facilityTimeZone, facilityUnits } from './reports';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function range(req: HubRequest): { from: string; to: string } {
  const from = req.query.get('from') ?? '';
  const to = req.query.get('to') ?? from;
  if (!DAY.test(from)) throw new HubError(400, 'invalid-request', { path: 'from' });
  if (!DAY.test(to)) throw new HubError(400, 'invalid-request', { path: 'to' });
  if (to < from) throw new HubError(400, 'invalid-request', { path: 'to' });
  return { from, to };
}

/** The facility's days for the administrator (JSON and a printable page), and the open queue displays. */
export const reportRoutes = (): HubRoute[] => [
  {
    method: 'GET',
    path: '/v1/admin/register',
    auth: 'admin',
    async handle(req) {
      const { from, to } = range(req);
      return { json: await facilityDays(req.pg, from, to) };
    },
  },
  {
    method: 'GET',
    path: '/admin/register',
    auth: 'admin',
    async handle(req) {
      const { from, to } = range(req);
      const lang = req.query.get('lang') === 'en' ? 'en' : 'id';
      const page = { lang, timeZone: await facilityTimeZone(req.pg), units: await facilityUnits(req.pg) } as const;
      return { html: registerHtml(from, to, await facilityDays(req.pg, from, to), page), headers: { 'Content-Security-Policy': REGISTER_CSP } };
    },
  },
  {
    method: 'GET',
    path: '/display/:unit',
    auth: 'none',
    async handle(req) {
      const unit = req.params.unit ?? '';
      if (unit.length < 1 || unit.length > 20) throw new HubError(404, 'unknown-unit', { unit });
      const display = await queueDisplay(req.pg, unit, req.now());
      return { html: queueDisplayHtml(display), headers: { 'Content-Security-Policy': DISPLAY_CSP, 'Cache-Control': 'no-store' } };
    },
  },
];
