import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { syncCommand } from '../../../src/cli/commands/sync';
import type { Output } from '../../../src/cli/output';
import { secretKeyPath } from '../../../src/core/core-paths';
import { createCore, type Core } from '../../../src/core/core';
import { keyFileSecretBox } from '../../../src/core/secrets/secret-box';
import { openDatabase } from '../../../src/core/store/open-database';
import { enroll } from '../../../src/core/sync/enroll';
import { rejectedOps } from '../../../src/core/sync/outbox';
import { syncState } from '../../../src/core/sync/sync-state.repo';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import type { HubStatus } from '../../../src/shared/hub-protocol';
import { runCaptured } from '../../helpers/cli-capture';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { untimed } from '../../helpers/untimed-transport';
import { hubFetch } from './service-fetch';

/**
 * The hub tester's F6, F8 and F1 with a real hub (HTTPS, PostgreSQL) and real counter cores on
 * their own SQLite files, rounds run by hand as `loket sync` does:
 * - the hub restored from a backup (the database copied while the hub was stopped): the counters
 *   send what the backup lacks again and pull the whole register, and every register agrees;
 * - a counter enrolled again at a new hub: its history arrives there and another counter sees it;
 * - `loket enroll` on an enrolled counter is refused; a refused enroll leaves no new database.
 */
const { server, hubs, cores, tempDir } = useHubTestbed('loket-epoch-');
const open = { cores, hubs };
let databases = 0;

/** A statement on the server's maintenance database (CREATE DATABASE … TEMPLATE: a copy of a stopped hub's database). */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server().url.replace(/\/hub$/, '/postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Facility {
  dbName: string;
  hubDir: string;
  hub: RunningHub;
  codeFor(name: string): Promise<string>;
  status(): Promise<HubStatus>;
  /** Stops the hub; the next start runs on `dbName` (the same folder, certificate and port). */
  stop(): Promise<void>;
  start(dbName?: string): Promise<void>;
}

async function facility(): Promise<Facility> {
  const dbName = `epoch_${process.pid}_${++databases}`;
  await server().createDatabase(dbName);
  const hubDir = join(tempDir(), 'hub');
  const urlOf = (name: string): string => server().url.replace(/\/hub$/, `/${name}`);
  let port = 0;
  const f: Facility = {
    dbName,
    hubDir,
    hub: null as unknown as RunningHub,
    async start(name = dbName) {
      f.hub = await startHub({ pgUrl: urlOf(name), dataDir: hubDir, host: '127.0.0.1', port, facility: 'RSUD Uji' });
      port = f.hub.port; // the counters' credentials name it
      open.hubs.push(f.hub);
    },
    async stop() {
      await f.hub.stop();
      open.hubs.splice(open.hubs.indexOf(f.hub), 1);
    },
    async codeFor(name) {
      const reply = await hubFetch(f.hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: `Admin ${readHubConfig(hubDir)!.adminKey}`, body: { name } });
      expect(reply.status).toBe(201);
      return (reply.json as { code: string }).code;
    },
    async status() {
      return (await hubFetch(f.hub.urls[0]!, 'GET', '/v1/admin/status', { authorization: `Admin ${readHubConfig(hubDir)!.adminKey}` })).json as HubStatus;
    },
  };
  await f.start();
  return f;
}

/**
 * The real clock: a re-sent visit change wins against the hub's older copy by comparing the
 * counter's record times (the core's clock) with op times (SQLite's), one clock on a real PC.
 */
const clock = (): Date => new Date();

function counter(dbPath: string, name: string): Core {
  const core = createCore({
    dbPath,
    workerScript: null,
    bpjsBackground: false,
    hubBackground: false,
    hubTransport: untimed,
    now: clock,
    clerk: name,
    actor: { username: name, role: 'admin' },
  });
  open.cores.push(core);
  return core;
}

async function enrolled(f: Facility, name: string): Promise<{ core: Core; dbPath: string }> {
  const dbPath = join(tempDir(), name, 'loket.db');
  const core = counter(dbPath, name);
  await core.enrollHub({ code: await f.codeFor(name) });
  await core.syncNow({});
  return { core, dbPath };
}

const register = async (core: Core, name: string, dob = '1990-01-01', unit = 'UMUM') => core.registerNewPatient({ identity: { name, dob }, unit, verdict: null });
const queueOf = async (core: Core, unit = 'UMUM') => (await core.dayQueue({ unit })).map((e) => `${e.queue} ${e.patient.name} ${e.status}`);

async function hubRegister(f: Facility): Promise<string[]> {
  const { rows } = await f.hub.pg.query<{ line: string }>(
    `SELECT v.queue_prefix || '-' || lpad(v.queue_no::text, 3, '0') || ' ' || p.name || ' ' || v.status AS line FROM visits v JOIN patients p ON p.uid = v.patient_uid ORDER BY v.queue_no, v.queue_prefix`,
  );
  return rows.map((r) => r.line);
}

async function syncLines(core: Core): Promise<string> {
  const lines: string[] = [];
  const out: Output = { json: false, data: () => undefined, line: (text) => lines.push(text), error: (text) => lines.push(text), progress: () => undefined };
  expect(await syncCommand(core, out, 'en')).toBe(0);
  return lines.join('\n');
}

describe('a hub restored from a backup', () => {
  it('the counters send again what the backup lacks and pull the whole register; a plain restart changes nothing', async () => {
    const f = await facility();
    const a = await enrolled(f, 'Loket A');
    const b = await enrolled(f, 'Loket B');
    const ani = await register(a.core, 'Ani Sebelum');
    await register(b.core, 'Budi Sebelum');
    await a.core.syncNow({});
    await b.core.syncNow({});
    await a.core.syncNow({});

    // The nightly backup: hub stopped, its database copied, hub started again.
    await f.stop();
    await onServer(`CREATE DATABASE "${f.dbName}_bak" TEMPLATE "${f.dbName}"`);
    await f.start();
    // A restart is not a restore: nothing is sent again.
    expect((await a.core.syncNow({})).resent).toBeUndefined();

    // The day goes on: registrations and a call the backup does not hold.
    await register(a.core, 'Citra Sesudah');
    await a.core.setVisitStatus({ visitId: ani.id, status: 'called' });
    await register(b.core, 'Dodi Sesudah');
    for (const core of [a.core, b.core, a.core]) expect((await core.syncNow({})).resent).toBeUndefined();
    const before = await hubRegister(f);
    expect(before).toHaveLength(4);

    // The hub's disk dies: the backup is restored (same folder and certificate, the copied database).
    await f.stop();
    await f.start(`${f.dbName}_bak`);
    expect(await hubRegister(f)).toHaveLength(2);
    // B comes first: it sends its history again and registers more, so the hub's revision passes A's cursor before A comes.
    expect((await b.core.syncNow({})).resent).toBeGreaterThan(0);
    for (const name of ['Eka Sesudah Pulih', 'Fajar Sesudah Pulih', 'Gita Sesudah Pulih']) await register(b.core, name);
    // B corrects Ani's address now: A's history, sent later, must not put the old one back.
    const aniAtB = (b.core.db.prepare(`SELECT id FROM patients WHERE name = 'ANI SEBELUM'`).get() as { id: number }).id;
    await b.core.updatePatient({ patientId: aniAtB, changes: { address: 'JL. SESUDAH PULIH 9' } });
    await b.core.syncNow({});
    expect((await f.status()).rev).toBeGreaterThan(syncState(a.core.db).cursor);
    const aSays = await syncLines(a.core);
    expect(aSays).toContain('does not hold the register this counter knew');
    await b.core.syncNow({});

    // One register again: the hub's and both counters' queues agree, the call made after the backup included.
    const after = await hubRegister(f);
    expect(after).toHaveLength(7);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.filter((l) => l.includes('ANI SEBELUM'))).toEqual([expect.stringContaining('called')]);
    const address = `SELECT address FROM patients WHERE name = 'ANI SEBELUM'`;
    expect((await f.hub.pg.query(address)).rows).toEqual([{ address: 'JL. SESUDAH PULIH 9' }]);
    expect(a.core.db.prepare(address).get()).toEqual({ address: 'JL. SESUDAH PULIH 9' });
    expect(await queueOf(a.core)).toEqual(await queueOf(b.core));
    expect(await queueOf(a.core)).toHaveLength(7);
    // Nothing doubled: one patient per name at the hub, and nothing set aside at the counters.
    const { rows } = await f.hub.pg.query<{ n: string }>('SELECT count(*) AS n FROM patients');
    expect(Number(rows[0]!.n)).toBe(7);
    for (const core of [a.core, b.core]) expect(rejectedOps(core.db)).toEqual([]);
    // Said once: the next round sends nothing again; the follow-ups screen has the notice.
    expect((await a.core.syncNow({})).resent).toBeUndefined();
    expect((await a.core.hubNotices({})).filter((n) => n.kind === 'register-resent')).toHaveLength(1);
  });
});

describe("a visit's payer and patient changed after the backup", () => {
  it('reach the restored hub again at their own time: the older copy is replaced, a newer change from another counter stays', async () => {
    const f = await facility();
    const a = await enrolled(f, 'Loket A');
    const b = await enrolled(f, 'Loket B');
    const rina = await register(a.core, 'Rina Dikenal', '1985-03-03');
    const sari = await register(a.core, 'Sari Dikenal', '1986-04-04');
    const first = await a.core.registerEmergency({});
    const second = await a.core.registerEmergency({});
    for (const core of [a.core, b.core]) await core.syncNow({});

    await f.stop();
    await onServer(`CREATE DATABASE "${f.dbName}_bak" TEMPLATE "${f.dbName}"`);
    await f.start();

    // After the backup, at A: both emergencies get their payer and their patient (a known record).
    for (const [e, known] of [[first, rina], [second, sari]] as const) {
      await a.core.setPayer({ visitId: e.id, payer: 'jkn' });
      await a.core.attachIdentity({ visitId: e.id, patientId: known.patient.id });
    }
    for (const core of [a.core, b.core]) await core.syncNow({});

    await f.stop();
    await f.start(`${f.dbName}_bak`);
    const hubVisit = async (uid: string) =>
      (await f.hub.pg.query(`SELECT v.payer, p.name FROM visits v JOIN patients p ON p.uid = v.patient_uid WHERE v.uid = $1`, [uid])).rows[0] as { payer: string; name: string };
    const uidOf = (e: { id: number }) => (a.core.db.prepare('SELECT uid FROM visits WHERE id = ?').get(e.id) as { uid: string }).uid;
    expect((await hubVisit(uidOf(first))).payer).toBe('pending');
    // B comes first and, after the restore, settles the second one otherwise: newer than A's changes.
    expect((await b.core.syncNow({})).resent).toBeGreaterThan(0);
    const atB = (b.core.db.prepare('SELECT id FROM visits WHERE uid = ?').get(uidOf(second)) as { id: number }).id;
    const tono = await register(b.core, 'Tono Sesudah Pulih', '1990-05-05');
    await b.core.setPayer({ visitId: atB, payer: 'umum' });
    await b.core.attachIdentity({ visitId: atB, patientId: tono.patient.id });
    await b.core.syncNow({});
    expect((await a.core.syncNow({})).resent).toBeGreaterThan(0);
    await b.core.syncNow({});

    expect(await hubVisit(uidOf(first))).toEqual({ payer: 'jkn', name: 'RINA DIKENAL' });
    expect(await hubVisit(uidOf(second))).toEqual({ payer: 'umum', name: 'TONO SESUDAH PULIH' });
    const local = 'SELECT v.payer, p.name FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.uid = ?';
    for (const core of [a.core, b.core]) {
      expect(core.db.prepare(local).get(uidOf(first))).toEqual({ payer: 'jkn', name: 'RINA DIKENAL' });
      expect(core.db.prepare(local).get(uidOf(second))).toEqual({ payer: 'umum', name: 'TONO SESUDAH PULIH' });
      expect(rejectedOps(core.db)).toEqual([]);
    }
  });
});

describe('a counter enrolled again at a new hub', () => {
  it('loket enroll --again: its history reaches the new hub, its visits of known patients are kept, another counter sees them', async () => {
    const old = await facility();
    const a = await enrolled(old, 'Loket A');
    const rudi = await register(a.core, 'Rudi Firdaus', '1980-10-28');
    await register(a.core, 'Chairul Lama', '1970-01-01');
    await a.core.syncNow({});
    await a.core.close();
    open.cores.splice(open.cores.indexOf(a.core), 1);

    // The old hub's folder is lost: a new hub, a new certificate.
    const fresh = await facility();
    const y = await enrolled(fresh, 'Loket Y');
    await register(y.core, 'Yanti Baru');
    await y.core.syncNow({});

    const db = openDatabase(a.dbPath);
    try {
      const box = keyFileSecretBox(secretKeyPath(a.dbPath));
      await expect(enroll(db, box, { code: await fresh.codeFor('Loket X') })).rejects.toMatchObject({ key: 'hub/already-enrolled' });
      await enroll(db, box, { code: await fresh.codeFor('Loket X'), again: true });
    } finally {
      db.close();
    }
    const x = counter(a.dbPath, 'Loket X');
    // A second visit of a patient only this counter knows, before its first round at the new hub.
    await x.registerVisit({ patientId: rudi.patient.id, unit: 'GIGI', verdict: null });
    const round = await x.syncNow({});
    expect(round.resent).toBeGreaterThan(0);
    expect(round.rejected).toBe(0);
    expect(rejectedOps(x.db)).toEqual([]);
    await y.core.syncNow({});

    const names = async (core: Core) => [...(await queueOf(core)), ...(await queueOf(core, 'GIGI'))].map((l) => l.split(' ').slice(1, 3).join(' ')).sort();
    expect(await names(y.core)).toEqual(['CHAIRUL LAMA', 'RUDI FIRDAUS', 'RUDI FIRDAUS', 'YANTI BARU']);
    expect(await names(x)).toEqual(await names(y.core));
    // Its next RM comes from a block the new hub reserved for it, never from one it gave another counter.
    const next = await register(x, 'Baru Sesudah Daftar Ulang', '1999-09-09');
    const { rows } = await fresh.hub.pg.query('SELECT counter_id FROM mrn_blocks WHERE first <= $1::bigint AND last >= $1::bigint', [Number(next.patient.mrn)]);
    expect(rows).toEqual([{ counter_id: (await fresh.status()).counters.find((c) => c.name === 'Loket X')!.counterId }]);
    expect((await fresh.status()).counters.find((c) => c.name === 'Loket X')).toMatchObject({ outboxBacklog: 0, outboxRejected: 0 });
  });
});

describe('an op the hub refuses', () => {
  it('is set aside, and said: by loket sync at the counter and by the hub status', async () => {
    const f = await facility();
    const { core } = await enrolled(f, 'Loket A');
    // A visit the hub never got (written as a pulled record is, so no op was queued), then called here.
    core.db.prepare('UPDATE sync_state SET applying = 1').run();
    const lost = await register(core, 'Hilang Di Hub');
    core.db.prepare('UPDATE sync_state SET applying = 0').run();
    await core.setVisitStatus({ visitId: lost.id, status: 'called' });

    const says = await syncLines(core);
    expect(says).toContain('1 changes of this counter were refused by the hub and set aside, not sent again (unknown-visit 1)');
    expect(rejectedOps(core.db)).toMatchObject([{ kind: 'visit.status', reason: 'unknown-visit' }]);
    expect((await f.status()).counters.find((c) => c.name === 'Loket A')).toMatchObject({ outboxBacklog: 0, outboxRejected: 1 });
    const status = await runCaptured(['hub', 'status', '--hub-dir', f.hubDir, '--lang', 'en']);
    expect(status.lines.join('\n')).toContain('CHECK: 1 changes from this counter were refused by the hub and set aside');
  });
});

describe('loket enroll on an enrolled counter', () => {
  it('is refused with where it is enrolled, the code stays usable; a refused enroll on a new path leaves nothing', async () => {
    const f = await facility();
    const root = tempDir();
    const dbPath = join(root, 'c1', 'loket.db');
    const first = await runCaptured(['enroll', '--code', await f.codeFor('Loket 1'), '--db', dbPath]);
    expect(first.code).toBe(0);

    const other = await f.codeFor('Loket 3');
    const twice = await runCaptured(['enroll', '--code', other, '--db', dbPath, '--lang', 'en']);
    expect(twice.code).toBe(1);
    expect(twice.errors.join('\n')).toContain('already enrolled at the facility hub RSUD Uji as "Loket 1"');
    // The code was not used: the PC it was made for enrolls with it.
    const pc3 = join(root, 'c3', 'loket.db');
    expect((await runCaptured(['enroll', '--code', other, '--db', pc3])).code).toBe(0);
    expect((await f.status()).counters.map((c) => c.name).sort()).toEqual(['Loket 1', 'Loket 3']);

    // A used code on a mistyped path: refused, and no database or key file is left there.
    const typo = join(root, 'c3x', 'loket.db');
    expect((await runCaptured(['enroll', '--code', other, '--db', typo])).code).toBe(1);
    expect(existsSync(join(root, 'c3x'))).toBe(false);
  });
});
