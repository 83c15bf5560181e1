import { z } from 'zod';
import { MAX_PULL, mrnBlockRequest, pushRequest, queueNumberRequest, type PullResponse } from '../../shared/hub-protocol';
import { HubError, type CallingCounter, type HubRequest, type HubRoute } from '../http/route';
import { groupCommitFor } from './group-commit';
import { reserveMrnBlock } from './mrn-block';
import { pull } from './pull';
import { registerLineage } from './register-epoch';
import { nextQueueNumber } from './queue-number';
import { reportRoutes } from './report-routes';

/** The body parsed by `schema`, or a 400 naming the first problem's path (words are the caller's). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HubError(400, 'invalid-request', { path: issue ? issue.path.join('.') : '' });
}

function callingCounter(req: HubRequest): CallingCounter {
  if (!req.counter) throw new HubError(401, 'not-enrolled');
  return req.counter;
}

const nonNegativeInt = (raw: string | null, fallback: number, name: string): number => {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw new HubError(400, 'invalid-request', { path: name });
  return Number(raw);
};

/** Push, pull, queue numbers and record-number blocks (counters), the facility's day (admin) and the queue displays (open). */
export const registerRoutes = (): HubRoute[] => [
  {
    method: 'POST',
    path: '/v1/push',
    auth: 'counter',
    async handle(req) {
      const counter = callingCounter(req);
      const push = parseBody(pushRequest, req.body);
      // Concurrent pushes are applied together, each answered with its own results (group-commit.ts).
      return { json: await groupCommitFor(req.pg).submit(counter.id, push.ops, req.now(), push.outboxBacklog, counter.clockAhead ?? null) };
    },
  },
  {
    method: 'GET',
    path: '/v1/pull',
    auth: 'counter',
    async handle(req) {
      const counter = callingCounter(req);
      const after = nonNegativeInt(req.query.get('after'), 0, 'after');
      const limit = Math.max(1, Math.min(MAX_PULL, nonNegativeInt(req.query.get('limit'), MAX_PULL, 'limit')));
      const epoch = req.query.get('epoch') || null;
      if (epoch !== null && !/^[0-9a-f-]{36}$/i.test(epoch)) throw new HubError(400, 'invalid-request', { path: 'epoch' });
      const register = await registerLineage(req.pg, epoch, after);
      const pulled = await pull(req.pg, after, limit);
      // A counter on another zone than the facility's takes the hub's settings again (reporttester F9).
      const settings = pulled.settings ?? (pulled.more ? null : await settingsForOtherZone(req.pg, counter.timeZone ?? null));
      return { json: { ...pulled, settings, register } };
    },
  },
  {
    method: 'POST',
    path: '/v1/queue-number',
    auth: 'counter',
    async handle(req) {
      callingCounter(req);
      return { json: await nextQueueNumber(req.pg, parseBody(queueNumberRequest, req.body)) };
    },
  },
  {
    method: 'POST',
    path: '/v1/mrn-block',
    auth: 'counter',
    async handle(req) {
      const counter = callingCounter(req);
      const { size } = parseBody(mrnBlockRequest, req.body);
      return { json: await reserveMrnBlock(req.pg, counter.id, size, req.now()) };
    },
  },
  ...reportRoutes(),
];

/** The facility's settings when the hub holds a time zone and the calling counter said another one; null otherwise. */
async function settingsForOtherZone(pg: HubRequest['pg'], zone: string | null): Promise<PullResponse['settings']> {
  if (zone === null) return null;
  const { rows } = await pg.query<{ json: NonNullable<PullResponse['settings']> }>("SELECT json FROM facility_settings WHERE id = 1 AND json ? 'timeZone' AND json->>'timeZone' <> $1", [zone]);
  return rows[0]?.json ?? null;
}
