import { createHash } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubError, type HubReply, type HubRequest } from '../../../src/hub/http/route';
import type { FacilityDays } from '../../../src/hub/register/reports';
import { registerRoutes } from '../../../src/hub/register/register-routes';
import type { PullResponse } from '../../../src/shared/hub-protocol';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { patient, patientOp, registerDb, statusOp, visit, visitOp } from './register-db';

let server: TestPostgres;
let pool: pg.Pool;
// 08:30 in Jakarta on 2026-11-30.
const NOW = new Date('2026-11-30T01:30:00.000Z');
beforeAll(async () => {
  server = await startTestPostgres();
  pool = await registerDb(server, { timeZone: 'Asia/Jakarta', mrnFormat: '{seq:6}' });
  await pool.query(`INSERT INTO counters (id, name) VALUES ('k1', 'Loket 1'), ('k2', 'Loket Anak')`);
});
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

/** Calls a route as the server would after its auth check. */
async function call(method: string, path: string, init: { body?: unknown; query?: string; params?: Record<string, string>; counter?: string } = {}): Promise<HubReply> {
  const route = registerRoutes().find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  const req: HubRequest = {
    pg: pool,
    counter: route.auth === 'counter' ? { id: init.counter ?? 'k1', name: 'Loket 1', offlinePrefix: 'K1' } : null,
    body: init.body,
    raw: null,
    query: new URLSearchParams(init.query ?? ''),
    params: init.params ?? {},
    now: () => NOW,
  };
  return route.handle(req);
}

async function refusal(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

it('declares the routes with their auth', () => {
  expect(registerRoutes().map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual([
    'POST /v1/push counter',
    'GET /v1/pull counter',
    'POST /v1/queue-number counter',
    'POST /v1/mrn-block counter',
    'GET /v1/admin/register admin',
    'GET /admin/register admin',
    'GET /display/:unit none',
  ]);
});

describe('counter routes', () => {
  it('push applies valid ops and keeps the counter backlog; an invalid body is refused with its path', async () => {
    const p = patient({ mrn: '000001' });
    const reply = await call('POST', '/v1/push', { body: { ops: [patientOp(p)], outboxBacklog: 17 }, counter: 'k2' });
    expect(reply.json).toEqual({ results: [{ opId: expect.any(String), status: 'applied' }] });
    expect((await pool.query(`SELECT outbox_backlog FROM counters WHERE id = 'k2'`)).rows[0].outbox_backlog).toBe(17);
    const bad = await refusal(call('POST', '/v1/push', { body: { ops: [{ ...patientOp(p), kind: 'nope' }], outboxBacklog: 0 } }));
    expect([bad.status, bad.code, bad.params.path]).toEqual([400, 'invalid-request', 'ops.0.kind']);
  });

  it('pull reads after and limit; a bad cursor is refused', async () => {
    const reply = (await call('GET', '/v1/pull', { query: 'after=0&limit=1' })).json as PullResponse;
    expect(reply.more).toBe(true);
    expect((await refusal(call('GET', '/v1/pull', { query: 'after=-1' }))).params).toEqual({ path: 'after' });
  });

  it('queue-number and mrn-block answer with numbers', async () => {
    const visitUid = uuidv7();
    const body = { visitUid, unit: 'UMUM', serviceDate: '2026-11-30', prefix: 'U' };
    expect((await call('POST', '/v1/queue-number', { body })).json).toEqual({ queueNo: 1 });
    expect((await call('POST', '/v1/queue-number', { body })).json).toEqual({ queueNo: 1 });
    expect((await call('POST', '/v1/mrn-block', { body: { size: 100 } })).json).toEqual({ first: 2, last: 101 });
    expect((await refusal(call('POST', '/v1/mrn-block', { body: { size: 1 } }))).status).toBe(400);
  });

  it('hidden characters in a pushed name or address are removed, never stored or handed to other counters', async () => {
    const p = patient({ mrn: '000077', name: 'BUDI \u202eNAMSOR\u202c', address: 'JL. MAWAR\u200b 5' });
    expect((await call('POST', '/v1/push', { body: { ops: [patientOp(p)], outboxBacklog: 0 } })).json).toEqual({ results: [{ opId: expect.any(String), status: 'applied' }] });
    const pulled = (await call('GET', '/v1/pull', { query: 'after=0&limit=1000' })).json as PullResponse;
    expect(pulled.patients.find((r) => r.uid === p.uid)).toMatchObject({ name: 'BUDI NAMSOR', address: 'JL. MAWAR 5' });
  });
});

describe("the facility's day", () => {
  it('register of all counters, recap by unit and payer, waiting times per payer group; emergencies left out of the equal-service view', async () => {
    const a = patient({ mrn: '000010', name: 'ANI' });
    const b = patient({ mrn: '000011', name: 'BUDI' });
    const v1 = visit(a.uid, { unit: 'POLI-GIGI', queueNo: 1, payer: 'jkn', registeredAt: '2026-11-30T01:00:00.000Z', counter: 'k1' });
    const v2 = visit(b.uid, { unit: 'POLI-GIGI', queueNo: 2, payer: 'umum', registeredAt: '2026-11-30T01:05:00.000Z', counter: 'k2' });
    const v3 = visit(b.uid, { unit: 'IGD', queuePrefix: 'G', queueNo: 1, emergency: true, payer: 'umum', registeredAt: '2026-11-30T01:10:00.000Z', counter: 'k2' });
    // Each visit pushed by its own counter: the hub files a visit under the counter that pushed it.
    await call('POST', '/v1/push', { body: { ops: [patientOp(a), patientOp(b), visitOp(v1)], outboxBacklog: 0 } });
    await call('POST', '/v1/push', { body: { ops: [visitOp(v2), visitOp(v3)], outboxBacklog: 0 }, counter: 'k2' });
    await call('POST', '/v1/push', {
      body: { ops: [statusOp(v1.uid, '2026-11-30T01:20:00.000Z', 'called', { calledAt: '2026-11-30T01:20:00.000Z' }), statusOp(v2.uid, '2026-11-30T01:15:00.000Z', 'called', { calledAt: '2026-11-30T01:15:00.000Z' }), statusOp(v3.uid, '2026-11-30T01:11:00.000Z', 'called', { calledAt: '2026-11-30T01:11:00.000Z' })], outboxBacklog: 0 },
    });
    const days = (await call('GET', '/v1/admin/register', { query: 'from=2026-11-30&to=2026-11-30' })).json as FacilityDays;
    const ours = days.register.filter((r) => ['000010', '000011'].includes(r.mrn));
    expect(ours.map((r) => [r.queue, r.counter, r.waitMinutes])).toEqual([['U-001', 'k1', 20], ['U-002', 'k2', 10], ['G-001', 'k2', 1]]);
    expect(days.recap.byUnit).toMatchObject({ 'POLI-GIGI': 2, IGD: 1 });
    expect(days.recap.byHour['8']).toBeGreaterThanOrEqual(3);
    expect(days.equalService.lines).toEqual([
      { unit: 'POLI-GIGI', payer: 'jkn', visits: 1, medianWaitMinutes: 20, p90WaitMinutes: 20 },
      { unit: 'POLI-GIGI', payer: 'umum', visits: 1, medianWaitMinutes: 10, p90WaitMinutes: 10 },
    ]);
    expect(ours.map((r) => r.counterName)).toEqual(['Loket 1', 'Loket Anak', 'Loket Anak']);
    // The printable page is for people: their language, payer and status words, local times (WIB), counters by name.
    const page = (await call('GET', '/admin/register', { query: 'from=2026-11-30' })).html ?? '';
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('<th>No. antrean</th>');
    expect(page).toMatch(/<td>U-002<\/td><td>POLI-GIGI<\/td><td><\/td><td>000011<\/td><td>BUDI<\/td><td>Baru<\/td><td>Umum<\/td><td>Dipanggil<\/td><td>2026-11-30 08:05<\/td><td>2026-11-30 08:15<\/td>/);
    expect(page).toMatch(/<td>Loket Anak<\/td><\/tr>/);
    // No settings saved at the hub yet: Loket's default unit names for its default codes (as the
    // counters' reports say), any other code as it is (reporttester F10).
    expect(page).toMatch(/<td>G-001<\/td><td>IGD \(Gawat Darurat\)<\/td>/);
    expect(page).not.toMatch(/registeredAt|waitMinutes|T01:05:00/);
    const english = (await call('GET', '/admin/register', { query: 'from=2026-11-30&lang=en' })).html ?? '';
    expect(english).toContain('<th>Queue no.</th>');
    expect(english).toContain('<td>Self-pay</td>');
    expect(english).not.toContain('Dipanggil');
    expect((await refusal(call('GET', '/v1/admin/register', { query: 'from=30-11-2026' }))).params).toEqual({ path: 'from' });
  });

  it('the recap as the counters count it: cancelled visits apart (wait and time of the cancel in the register), new and returning visits of the whole facility', async () => {
    const day = '2026-12-02';
    const back = patient({ mrn: '000020', name: 'KEMBALI' });
    const fresh = patient({ mrn: '000021', name: 'BARU SEKALI' });
    const gone = patient({ mrn: '000022', name: 'PULANG' });
    // KEMBALI came on 1 Dec at counter k1; on 2 Dec at k2 it is a returning visit ("lama").
    const before = visit(back.uid, { serviceDate: '2026-12-01', queueNo: 1, registeredAt: '2026-12-01T01:00:00.000Z', counter: 'k1' });
    const again = visit(back.uid, { serviceDate: day, queueNo: 1, registeredAt: '2026-12-02T01:00:00.000Z', counter: 'k2' });
    const first = visit(fresh.uid, { serviceDate: day, queueNo: 2, registeredAt: '2026-12-02T01:02:00.000Z', counter: 'k1' });
    const cancelled = visit(gone.uid, { serviceDate: day, queueNo: 3, registeredAt: '2026-12-02T01:04:00.000Z', counter: 'k1' });
    await call('POST', '/v1/push', { body: { ops: [patientOp(back), patientOp(fresh), patientOp(gone), visitOp(before), visitOp(again), visitOp(first), visitOp(cancelled)], outboxBacklog: 0 } });
    await call('POST', '/v1/push', { body: { ops: [statusOp(cancelled.uid, '2026-12-02T01:10:00.000Z', 'cancelled', { cancelledAt: '2026-12-02T01:10:00.000Z' })], outboxBacklog: 0 } });
    const days = (await call('GET', '/v1/admin/register', { query: `from=${day}` })).json as FacilityDays;
    expect(days.register.map((r) => [r.name, r.firstVisit, r.waitMinutes, r.cancelledAt])).toEqual([
      ['KEMBALI', false, null, null],
      ['BARU SEKALI', true, null, null],
      ['PULANG', null, 6, '2026-12-02T01:10:00.000Z'],
    ]);
    expect(days.recap).toMatchObject({ total: 2, cancelled: 1, newVisits: 1, returningVisits: 1, byUnit: { UMUM: 2 }, byPayer: { jkn: 2 } });
    const page = (await call('GET', '/admin/register', { query: `from=${day}&lang=en` })).html ?? '';
    expect(page).toContain('<tr><td>Total visits</td><td>2026-12-02 – 2026-12-02</td><td>2</td></tr>');
    expect(page).toContain('<tr><td>New visits</td><td></td><td>1</td></tr><tr><td>Returning visits</td><td></td><td>1</td></tr>');
    expect(page).toMatch(/<td>PULANG<\/td><td><\/td><td>JKN<\/td><td>Cancelled<\/td><td>2026-12-02 08:04<\/td><td><\/td><td><\/td><td>2026-12-02 08:10<\/td><td>6<\/td>/);
  });

  it('the queue display: called and waiting in order, emergencies first, initials only, strict CSP and refresh', async () => {
    const pasien = patient({ mrn: '778899', nik: '3201010101017777', name: 'SITI NUR HALIZA', card: '0001112223334' });
    const igd = patient({ mrn: '778800', name: 'AGUS PRATAMA' });
    const other = patient({ mrn: '778801', name: 'WAYAN' });
    const waiting = visit(pasien.uid, { unit: 'POLI-MATA', queuePrefix: 'M', queueNo: 1, payer: 'jamkesda', registeredAt: '2026-11-30T01:00:00.000Z' });
    const emergency = visit(igd.uid, { unit: 'POLI-MATA', queuePrefix: 'GD', queueNo: 1, emergency: true, registeredAt: '2026-11-30T01:20:00.000Z' });
    const called = visit(other.uid, { unit: 'POLI-MATA', queuePrefix: 'K2-M', queueNo: 4, registeredAt: '2026-11-30T00:50:00.000Z' });
    const yesterday = visit(other.uid, { unit: 'POLI-MATA', queuePrefix: 'M', queueNo: 9, serviceDate: '2026-11-29' });
    await call('POST', '/v1/push', {
      body: { ops: [patientOp(pasien), patientOp(igd), patientOp(other), visitOp(waiting), visitOp(emergency), visitOp(called), visitOp(yesterday), statusOp(called.uid, '2026-11-30T01:25:00.000Z', 'called', { calledAt: '2026-11-30T01:25:00.000Z' })], outboxBacklog: 0 },
    });
    const reply = await call('GET', '/display/:unit', { params: { unit: 'POLI-MATA' } });
    const html = reply.html ?? '';
    expect(html.indexOf('K2-M-004')).toBeGreaterThan(-1);
    expect(html.indexOf('GD-001')).toBeGreaterThan(html.indexOf('K2-M-004'));
    expect(html.indexOf('M-001')).toBeGreaterThan(html.indexOf('GD-001'));
    expect(html).not.toContain('M-009');
    expect(html).toContain('S. N. H.');
    for (const secret of ['SITI', 'HALIZA', '778899', '3201010101017777', '0001112223334', 'jamkesda', 'JKN', 'jkn']) expect(html).not.toContain(secret);
    expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = reply.headers?.['Content-Security-Policy'] ?? '';
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toContain('<script');
  });
});
