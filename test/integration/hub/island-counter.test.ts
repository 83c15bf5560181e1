import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { antreanCommand } from '../../../src/cli/commands/antrean';
import { syncCommand } from '../../../src/cli/commands/sync';
import type { Output } from '../../../src/cli/output';
import { createCore, type Core } from '../../../src/core/core';
import { STUCK_AFTER_ROUNDS } from '../../../src/core/sync/pull-deferred';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { MAX_PULL, type HubStatus } from '../../../src/shared/hub-protocol';
import { runCaptured } from '../../helpers/cli-capture';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { useTempDir } from '../../helpers/temp';
import { untimed } from '../../helpers/untimed-transport';
import { hubFetch } from './service-fetch';

/**
 * The hub tester's scenarios, with a real hub (HTTPS, PostgreSQL) and real counter cores on
 * their own SQLite files, rounds run by hand as `loket sync` does:
 * - a counter that registered alone in the morning enrols at noon, when the hub has already
 *   given the same numbers: both visits stay at every counter, marked, with a notice;
 * - a record a counter cannot apply is followed by more than MAX_PULL records: the counter
 *   still receives everything after it, and says so when the record stays stuck.
 */
const tempDir = useTempDir();
let postgres: TestPostgres;
let databases = 0;
const open: { cores: Core[]; hubs: RunningHub[] } = { cores: [], hubs: [] };

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterEach(async () => {
  for (const core of open.cores.splice(0)) await core.close();
  for (const hub of open.hubs.splice(0)) await hub.stop();
});
afterAll(async () => {
  await postgres?.stop();
});

interface Facility {
  hub: RunningHub;
  hubDir: string;
  codeFor(name: string): Promise<string>;
  status(): Promise<HubStatus>;
}

async function facility(): Promise<Facility> {
  const hubDir = join(tempDir(), 'hub');
  const hub = await startHub({ pgUrl: await postgres.createDatabase(`island_${process.pid}_${++databases}`), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  open.hubs.push(hub);
  const admin = `Admin ${readHubConfig(hubDir)!.adminKey}`;
  return {
    hub,
    hubDir,
    async codeFor(name) {
      const reply = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
      expect(reply.status).toBe(201);
      return (reply.json as { code: string }).code;
    },
    async status() {
      return (await hubFetch(hub.urls[0]!, 'GET', '/v1/admin/status', { authorization: admin })).json as HubStatus;
    },
  };
}

/** One clock for every counter: real time moving on from a morning, so no test straddles the facility's midnight. */
const MORNING = Date.parse('2026-11-30T01:00:00.000Z');
const started = Date.now();
const clock = (): Date => new Date(MORNING + (Date.now() - started));

/** A counter's core on its own file; rounds only when the test asks (as the CLI). */
function counter(name: string, printer = false): Core {
  const core = createCore({
    dbPath: join(tempDir(), name, 'loket.db'),
    workerScript: null,
    bpjsBackground: false,
    hubBackground: false,
    hubTransport: untimed,
    now: clock,
    clerk: name,
    actor: { username: name, role: 'admin' }, // as the CLI: its commands go through the contract's access rules
    // A printer that prints nothing (the print is logged as at any counter).
    ...(printer ? { printer: { print: async () => undefined, toPdf: async () => Buffer.from('%PDF-1.4\n%%EOF\n') } } : {}),
  });
  open.cores.push(core);
  return core;
}

/** The lines a `loket` command writes for people, run on a counter's core. */
async function commandLines(run: (out: Output) => Promise<number>): Promise<string[]> {
  const lines: string[] = [];
  const code = await run({ json: false, data: () => undefined, line: (text) => lines.push(text), error: (text) => lines.push(text), progress: () => undefined });
  expect(code).toBe(0);
  return lines;
}

async function enrolled(f: Facility, name: string): Promise<Core> {
  const core = counter(name);
  await core.enrollHub({ code: await f.codeFor(name) });
  await core.syncNow({}); // connected: the next registration asks the hub for its number
  return core;
}

const register = async (core: Core, name: string, dob = '1990-01-01', unit = 'UMUM') =>
  core.registerNewPatient({ identity: { name, dob }, unit, verdict: null });
const queueOf = async (core: Core, unit = 'UMUM') => (await core.dayQueue({ unit })).map((e) => `${e.queue} ${e.patient.name}${e.sameNumber ? ' [same]' : ''}`);

/** An island that registered 340 patients at Poli Gigi this morning enrols: more than MAX_PULL records (patient, visit, follow-up each). */
async function islandEnrols(f: Facility): Promise<Core> {
  const core = counter('Loket Pulau');
  for (let i = 1; i <= 340; i++) await register(core, `Massal ${i}`, `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, 'GIGI');
  await core.enrollHub({ code: await f.codeFor('Loket Pulau') });
  await core.syncNow({});
  return core;
}

describe('a counter that numbered alone before it enrolled', () => {
  it('both U-001 are in every queue, marked, with a notice; the hub numbers on after the island; nothing waits or is dropped', async () => {
    const f = await facility();
    const a = await enrolled(f, 'Loket A');
    expect((await register(a, 'Ani Online')).queue).toBe('U-001');

    // B worked alone this morning (a PC added at midday): its own U-001..U-003, printed.
    const b = counter('Loket B');
    for (const name of ['Beni Pulau', 'Citra Pulau', 'Dodi Pulau']) await register(b, name);
    await b.enrollHub({ code: await f.codeFor('Loket B') });

    const rounds = [await b.syncNow({}), await a.syncNow({}), await b.syncNow({}), await a.syncNow({})];
    for (const round of rounds) expect(round).toMatchObject({ deferred: 0, stuck: 0 });
    // A's registration reaches the hub with A's round (the second): A pulls B's U-001 beside its own, then B pulls A's; each says so once.
    expect(rounds.map((r) => r.conflicts)).toEqual([0, 1, 1, 0]);

    const expected = ['U-001 ANI ONLINE [same]', 'U-001 BENI PULAU [same]', 'U-002 CITRA PULAU', 'U-003 DODI PULAU'];
    expect(await queueOf(a)).toEqual(expected);
    expect(await queueOf(b)).toEqual(expected);
    for (const core of [a, b]) {
      // (Their RMs clash too, 000001 at both: a same-mrn notice of its own.)
      expect((await core.hubNotices({})).filter((n) => n.kind === 'same-queue-number')).toEqual([
        expect.objectContaining({ params: { queue: 'U-001', unit: 'UMUM', date: expect.any(String), name: 'ANI ONLINE', otherNames: 'BENI PULAU' } }),
      ]);
    }

    // Online again, the hub's numbers come after the island's: no counter falls back to its offline prefix.
    expect((await register(a, 'Eko Online')).queue).toBe('U-004');
    await b.syncNow({});
    expect((await register(b, 'Fajar Online')).queue).toBe('U-005');
    await b.syncNow({});
    await a.syncNow({});
    expect((await queueOf(a)).slice(-2)).toEqual(['U-004 EKO ONLINE', 'U-005 FAJAR ONLINE']);

    // `loket antrean` marks them too (the command on B's core, as the CLI runs it).
    const lines = await commandLines((out) => antreanCommand(b, { unit: 'UMUM' }, out, 'id'));
    expect(lines.filter((l) => l.endsWith('[nomor ganda: panggil dengan nama]'))).toEqual([expect.stringContaining('ANI ONLINE'), expect.stringContaining('BENI PULAU')]);
  });
});

describe('a record a counter cannot apply, followed by more than MAX_PULL records', () => {
  it('a follow-up whose visit changed a thousand records later: a counter enrolling then still gets everything, and re-pulls nothing', async () => {
    const f = await facility();
    const a = await enrolled(f, 'Loket A');
    const early = await register(a, 'Pasien Pertama'); // a visit and its follow-up (payer to settle), at the start of the register
    await a.syncNow({});

    await islandEnrols(f); // more than MAX_PULL records after that follow-up
    // The first visit is called now: its revision moves past all of them; its follow-up's does not.
    await a.setVisitStatus({ visitId: early.id, status: 'called' });
    await a.syncNow({});
    expect((await f.status()).rev).toBeGreaterThan(MAX_PULL + 10);

    const c = await enrolled(f, 'Loket C'); // its first round pulls the register from the start
    expect(await c.dayQueue({ unit: 'GIGI' })).toHaveLength(340);
    expect(await queueOf(c)).toEqual([`${early.queue} PASIEN PERTAMA`]);
    expect((await c.openFollowUps({})).filter((x) => x.visit.queue === early.queue)).toHaveLength(1);
    expect(await c.syncNow({})).toMatchObject({ deferred: 0, stuck: 0 });

    // A round with nothing new pulls nothing (the queue screen reloads on what a round pulled).
    expect(await c.syncNow({})).toMatchObject({ pulled: 0, deferred: 0 });
    // Another counter's registration reaches it.
    const last = await register(a, 'Terakhir Hilang', '1999-09-09');
    await a.syncNow({});
    const round = await c.syncNow({});
    expect(round.pulled).toBeGreaterThan(0);
    expect((await queueOf(c)).at(-1)).toBe(`${last.queue} TERAKHIR HILANG`);
  });

  it('a record that stays unappliable never holds back the rest; after some rounds the hub status, the counter and its follow-ups screen say so', async () => {
    const f = await facility();
    const a = counter('Loket A', true);
    await a.enrollHub({ code: await f.codeFor('Loket A') });
    await a.syncNow({});
    const visit = await register(a, 'Pasien Hilang');
    await a.syncNow({});
    const c = counter('Loket C');
    await c.enrollHub({ code: await f.codeFor('Loket C') });
    await c.syncNow({});
    // C lost its copy of the visit (as a version before this one dropped visits that shared a number).
    const lostUid = (c.db.prepare('SELECT v.uid FROM visits v JOIN patients p ON p.id = v.patient_id WHERE p.name = ?').get('PASIEN HILANG') as { uid: string }).uid;
    c.db.exec(`DELETE FROM follow_ups WHERE visit_id = (SELECT id FROM visits WHERE uid = '${lostUid}'); DELETE FROM visits WHERE uid = '${lostUid}'`);
    // A prints its slip again: C receives a print of a visit it does not have.
    await a.printSlip({ visitId: visit.id, reprint: true });
    await a.syncNow({});

    expect((await c.syncNow({})).deferred).toBe(1);
    // More than MAX_PULL records come after it: C receives them all the same.
    await islandEnrols(f);
    const last = await register(a, 'Terakhir Hilang', '1999-09-09');
    await a.syncNow({});
    const rounds = [];
    for (let i = 2; i < STUCK_AFTER_ROUNDS; i++) rounds.push(await c.syncNow({}));
    expect(await queueOf(c)).toEqual([`${last.queue} TERAKHIR HILANG`]);
    expect(await c.dayQueue({ unit: 'GIGI' })).toHaveLength(340);
    // Only the first of these rounds brought anything: the others pull nothing (nor re-pull what came).
    expect(rounds.slice(1).map((r) => r.pulled)).toEqual(Array(rounds.length - 1).fill(0));
    expect(rounds.map((r) => [r.deferred, r.stuck])).toEqual(Array(rounds.length).fill([1, 0]));
    const stuckNotices = async () => (await c.hubNotices({})).filter((n) => n.kind === 'pull-stuck');
    expect(await stuckNotices()).toEqual([]);

    // The round that makes it stuck: counted, sent to the hub, a notice for the follow-ups screen, a line in `loket sync`.
    expect(await c.syncNow({})).toMatchObject({ deferred: 1, stuck: 1 });
    expect((await f.status()).counters.find((x) => x.name === 'Loket C')).toMatchObject({ pullStuck: 1 });
    expect(await stuckNotices()).toEqual([expect.objectContaining({ params: { count: '1' } })]);
    const sync = await commandLines((out) => syncCommand(c, out, 'id'));
    expect(sync.join('\n')).toContain('Perhatian: 1 catatan dari hub sudah lama tidak bisa diterapkan di loket ini');
    const status = await runCaptured(['hub', 'status', '--hub-dir', f.hubDir]);
    expect(status.lines.join('\n')).toContain('PERIKSA: 1 catatan dari hub tertahan di loket ini');
    expect((await f.status()).counters.find((x) => x.name === 'Loket A')).toMatchObject({ pullStuck: 0 });
  });
});
