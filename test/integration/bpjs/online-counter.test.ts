// The counter's online half through the core's contract methods, against the real simulator:
// the local answer never waits, the live one follows or says why not, and the state the status
// bar shows comes from what really happened.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, secretKeyPath, type Core } from '../../../src/core/core';
import type { BpjsSettingsForm, Connectivity } from '../../../src/shared/bpjs';
import { formatCoreMessage, type CoreMessage, type Lang } from '../../../src/shared/i18n/messages';
import { SAMPLE_ON_BPJS, simSettingsForm } from '../../helpers/bpjs-members';
import { DJOKO, RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { SIM_CREDENTIALS, startBpjsSimulator, type BpjsSimulator, type SimFault } from '../../../src/simulators/bpjs-simulator';
import { fileFor } from '../../helpers/files';

/** The core answers in codes; a caller words them (Indonesian unless said). */
const words = (m: CoreMessage | null, lang: Lang = 'id'): string => (m ? formatCoreMessage(lang, m) : '');

const tempDir = useTempDir();
const open: { core: Core; sim: BpjsSimulator }[] = [];
afterEach(async () => {
  for (const { core, sim } of open.splice(0)) {
    core.close();
    await sim.close();
  }
});

/** Short timeouts: a failure shows within a second or two. */
const vclaimForm = (sim: BpjsSimulator, over: Partial<BpjsSettingsForm> = {}): BpjsSettingsForm =>
  simSettingsForm(sim, { timeoutSeconds: 1, slowSeconds: 1, ...over });

interface Setup {
  core: Core;
  sim: BpjsSimulator;
  dir: string;
  clock: { t: number };
  events: Connectivity[];
}

/** A core with the sample list (as of 1 Nov), the simulator knowing its people, and VClaim configured. */
async function setup(options: { configure?: boolean; background?: boolean } = {}): Promise<Setup> {
  const dir = tempDir();
  const clock = { t: Date.parse('2026-11-23T03:00:00Z') };
  const sim = await startBpjsSimulator({ members: SAMPLE_ON_BPJS, now: () => clock.t });
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date(clock.t), bpjsBackground: options.background ?? false });
  open.push({ core, sim });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  const events: Connectivity[] = [];
  core.events.on('connectivity', (c) => events.push(c));
  if (options.configure ?? true) await core.saveBpjsSettings(vclaimForm(sim));
  return { core, sim, dir, clock, events };
}

/** Starts both halves as the counter does; the local one is timed on its own. */
async function bothHalves(core: Core, query: string) {
  const online = core.lookupOnline({ query });
  const started = performance.now();
  const local = await core.lookup({ query });
  const localMs = performance.now() - started;
  return { local, localMs, online: await online };
}

const FAULTS: { fault: SimFault; reason: string }[] = [
  { fault: { kind: 'hang' }, reason: 'timeout' },
  { fault: { kind: 'slow', delayMs: 1500 }, reason: 'timeout' },
  { fault: { kind: 'http500' }, reason: 'service-down' },
  { fault: { kind: 'empty' }, reason: 'bad-response' },
  { fault: { kind: 'garbage' }, reason: 'bad-response' },
  { fault: { kind: 'clockSkew' }, reason: 'clock' },
  { fault: { kind: 'down' }, reason: 'offline' },
];

describe('offline-first look-up', () => {
  it.each(FAULTS)('$fault.kind: the local answer comes within 100 ms, then the failure reason ($reason) in words', async ({ fault, reason }) => {
    const { core, sim } = await setup();
    sim.setFault(fault);
    const { local, localMs, online } = await bothHalves(core, SITI.nik);
    expect(localMs).toBeLessThan(100);
    expect(local.verdict).toBe('eligible'); // the list of 1 Nov
    expect(online.online).toMatchObject({ status: 'failed', service: 'vclaim', reason });
    const failed = online.online as { message: CoreMessage };
    expect(failed.message.code).toBe(`bpjs/${reason}`);
    expect(words(failed.message).length).toBeGreaterThan(20);
    expect(JSON.stringify(failed.message)).not.toContain(SIM_CREDENTIALS.secret);
    // Nothing live was kept: the verdict is still the lists'.
    expect(online.result!.verdict).toBe('eligible');
    expect(online.result!.matches.some((m) => m.list.kind === 'bpjs-live')).toBe(false);
  });

  it('wrong credentials: the gateway\'s 403 page becomes "check the credentials"', async () => {
    const { core, sim } = await setup({ configure: false });
    await core.saveBpjsSettings(vclaimForm(sim, { vclaim: { baseUrl: sim.vclaimUrl, consId: SIM_CREDENTIALS.consId, secret: 'salah', userKey: SIM_CREDENTIALS.userKey } }));
    const { online } = await bothHalves(core, SITI.nik);
    expect(online.online).toMatchObject({ status: 'failed', reason: 'credentials' });
    expect(words((online.online as { message: CoreMessage }).message)).toMatch(/kredensial/);
  });

  it('the live answer follows, marked with its time and service; newer than the list, it wins the verdict', async () => {
    const { core, sim, clock } = await setup();
    sim.setFault({ kind: 'slow', delayMs: 300 });
    const { local, localMs, online } = await bothHalves(core, SITI.nik);
    expect(localMs).toBeLessThan(100);
    expect(local.verdict).toBe('eligible');
    expect(online.online).toMatchObject({ status: 'answered', service: 'vclaim', found: true, at: new Date(clock.t).toISOString() });
    const liveMatch = online.result!.matches.find((m) => m.list.kind === 'bpjs-live');
    expect(liveMatch).toMatchObject({ status: 'inactive', statusReason: 'premium', live: { service: 'vclaim', fetchedAt: new Date(clock.t).toISOString() } });
    // Both sources are shown; the newer (today's live answer) decides.
    expect(online.result!.matches.some((m) => m.list.kind === 'pbi-apbd' && m.status === 'active')).toBe(true);
    expect(online.result!.verdict).toBe('not-eligible');
    // Kept: a later look-up without BPJS still sees it.
    sim.setFault({ kind: 'down' });
    expect((await core.lookup({ query: SITI.card })).verdict).toBe('not-eligible');
  });

  it('by card and by record number too; a name is not sent to BPJS; BPJS off says not configured', async () => {
    const { core } = await setup();
    expect((await core.lookupOnline({ query: DJOKO.card })).online).toMatchObject({ status: 'answered', found: true });
    expect((await core.lookupOnline({ query: DJOKO.card })).result?.verdict).toBe('eligible'); // active again on BPJS
    const patient = await core.createPatient({ name: RIZKI.name, nik: RIZKI.nik, dob: RIZKI.dob });
    expect((await core.lookupOnline({ query: patient.mrn })).online).toMatchObject({ status: 'answered', found: true });
    expect(await core.lookupOnline({ query: 'SITI AMINAH' })).toEqual({ online: { status: 'not-applicable' }, result: null });
    const form = vclaimForm((open[0]!).sim, { use: 'off' });
    await core.saveBpjsSettings(form);
    // BPJS off: nothing asked, and no second look-up either (the counter already shows the first).
    expect(await core.lookupOnline({ query: SITI.nik })).toEqual({ online: { status: 'not-configured' }, result: null });
  });
});

describe('the circuit breaker at the counter', () => {
  it('opens after three failed look-ups (no more calls, "paused until"), and a trial after the cool-down closes it', async () => {
    const { core, sim, clock } = await setup();
    sim.setFault({ kind: 'http500' });
    for (let i = 0; i < 3; i++) expect((await core.lookupOnline({ query: SITI.nik })).online).toMatchObject({ reason: 'service-down' });
    const before = sim.requests.length;
    const paused = await bothHalves(core, SITI.nik);
    expect(paused.online.online).toMatchObject({ status: 'failed', reason: 'breaker-open' });
    expect(paused.online.online.status === 'failed' && paused.online.online.tookMs).toBeLessThan(50);
    expect(sim.requests.length).toBe(before); // BPJS was not asked
    expect(await core.connectivity({})).toMatchObject({ state: 'offline', reason: 'breaker-open', pausedUntil: new Date(clock.t + 60_000).toISOString() });
    expect(words((await core.connectivity({})).message)).toMatch(/10:01/); // 03:01 UTC in WIB
    sim.setFault(null);
    clock.t += 61_000;
    expect((await core.lookupOnline({ query: SITI.nik })).online).toMatchObject({ status: 'answered' });
    expect(await core.connectivity({})).toMatchObject({ state: 'online', reason: null, pausedUntil: null });
  });
});

describe('connectivity', () => {
  it('follows the real outcome of calls: not configured, checking, online, slow, offline, rejected; each change is an event', async () => {
    const { core, sim, events } = await setup({ configure: false });
    expect(await core.connectivity({})).toMatchObject({ state: 'not-configured', service: null, message: null });
    await core.saveBpjsSettings(vclaimForm(sim));
    expect(await core.connectivity({})).toMatchObject({ state: 'checking', service: 'vclaim' });
    await core.lookupOnline({ query: RIZKI.nik });
    expect(await core.connectivity({})).toMatchObject({ state: 'online', reason: null });
    sim.setFault({ kind: 'slow', delayMs: 1100 }, { times: 1 });
    await core.saveBpjsSettings(vclaimForm(sim, { timeoutSeconds: 3 }));
    await core.lookupOnline({ query: RIZKI.nik });
    expect(await core.connectivity({})).toMatchObject({ state: 'slow' });
    sim.setFault({ kind: 'down' });
    await core.lookupOnline({ query: RIZKI.nik });
    expect(await core.connectivity({})).toMatchObject({ state: 'offline', reason: 'offline' });
    sim.setFault({ kind: 'clockSkew' });
    await core.lookupOnline({ query: RIZKI.nik });
    const rejected = await core.connectivity({});
    expect(rejected).toMatchObject({ state: 'rejected', reason: 'clock' });
    expect(words(rejected.message)).toMatch(/jam komputer/);
    const states = events.map((e) => e.state).filter((state, i, all) => state !== all[i - 1]);
    expect(states).toEqual(['checking', 'online', 'checking', 'slow', 'offline', 'rejected']);
  });

  it('the periodic probe finds BPJS by itself (a cheap signed reference call), and finds it gone', async () => {
    const { core, sim } = await setup({ configure: false, background: true });
    const probes = (): number => sim.requests.filter((r) => r.path.endsWith('/referensi/propinsi')).length;
    await core.saveBpjsSettings(vclaimForm(sim));
    await waitFor(async () => (await core.connectivity({})).state === 'online');
    expect(probes()).toBeGreaterThanOrEqual(1);
    expect(sim.requests.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('a damaged key file never stops the counter: BPJS is unusable and the status bar says why', async () => {
    const { core, sim, dir } = await setup({ configure: false });
    await core.saveBpjsSettings(vclaimForm(sim));
    core.close();
    writeFileSync(secretKeyPath(join(dir, 'loket.db')), 'not a key\n');
    const reopened = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    open.push({ core: reopened, sim: await startBpjsSimulator() });
    await waitFor(async () => (await reopened.connectivity({})).state === 'not-configured');
    expect(words((await reopened.connectivity({})).message)).toMatch(/^Penyimpanan rahasia tidak tersedia di komputer ini: the key file .* is damaged/);
    expect((await reopened.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    expect((await reopened.lookupOnline({ query: SITI.nik })).online).toEqual({ status: 'not-configured' });
    await expect(reopened.saveBpjsSettings(vclaimForm(sim))).rejects.toMatchObject({ key: 'bpjs/secret-store-unavailable' });
    await expect(reopened.testBpjsConnection({ service: 'vclaim' })).rejects.toMatchObject({ key: 'bpjs/secret-store-unavailable' });
  });

  it('an incomplete setting says what is missing', async () => {
    const { core, sim } = await setup({ configure: false });
    await core.saveBpjsSettings(vclaimForm(sim, { vclaim: { baseUrl: sim.vclaimUrl, consId: '', secret: '', userKey: '' } }));
    const status = await core.connectivity({});
    expect(status).toMatchObject({ state: 'not-configured', service: null });
    expect(status.message).toMatchObject({ code: 'bpjs/incomplete' });
    expect(words(status.message)).toMatch(/cons-id, secret, user key/);
  });
});

describe('BPJS settings', () => {
  it('never give a secret back, store them sealed, and keep a saved secret when the field is left empty', async () => {
    const { core, sim, dir } = await setup({ configure: false });
    const view = await core.saveBpjsSettings(vclaimForm(sim));
    expect(view.vclaim).toEqual({ baseUrl: sim.vclaimUrl, consId: SIM_CREDENTIALS.consId, pcareUser: '', pcareApp: '095', saved: { secret: true, userKey: true, pcarePass: false } });
    expect(view.secretStore).toBe('key-file');
    expect(JSON.stringify(await core.getBpjsSettings({}))).not.toContain(SIM_CREDENTIALS.secret);
    const stored = (core.db.prepare(`SELECT value FROM settings WHERE key = 'bpjs'`).get() as { value: string }).value;
    expect(stored).not.toContain(SIM_CREDENTIALS.secret);
    expect(stored).not.toContain(SIM_CREDENTIALS.userKey);
    expect(readFileSync(secretKeyPath(join(dir, 'loket.db')), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    // Saved again with the secret fields empty: still works.
    await core.saveBpjsSettings(vclaimForm(sim, { vclaim: { baseUrl: sim.vclaimUrl, consId: SIM_CREDENTIALS.consId, secret: '', userKey: '' } }));
    expect((await core.testBpjsConnection({ service: 'vclaim' })).ok).toBe(true);
    // Nothing secret in the bridge log either.
    expect(JSON.stringify(core.db.prepare('SELECT * FROM bridge_log').all())).not.toMatch(new RegExp(`${SIM_CREDENTIALS.secret}|${SIM_CREDENTIALS.userKey}`));
  });

  it('"test the connection" says in plain words what is wrong, for the form as typed', async () => {
    const { core, sim } = await setup({ configure: false });
    const test = (form: BpjsSettingsForm, service: 'vclaim' | 'pcare' = 'vclaim') => core.testBpjsConnection({ service, form });
    const ok = await test(vclaimForm(sim));
    expect(ok).toMatchObject({ ok: true, reason: null, message: { code: 'bpjs/ok' } });
    expect(words(ok.message)).toMatch(/^Terhubung ke BPJS VClaim/);
    const pcare = await test(vclaimForm(sim), 'pcare');
    expect(pcare.ok).toBe(true);
    expect(words(pcare.message)).toMatch(/BPJS PCare/);
    expect(await test(vclaimForm(sim, { vclaim: { baseUrl: sim.vclaimUrl, consId: '999', secret: 'x', userKey: 'y' } }))).toMatchObject({ ok: false, reason: 'credentials' });
    const pcareWrong = vclaimForm(sim);
    pcareWrong.pcare.pcarePass = 'salah';
    expect(words((await test(pcareWrong, 'pcare')).message)).toMatch(/PCare/);
    const offline = await test(vclaimForm(sim, { vclaim: { baseUrl: 'http://127.0.0.1:9/vclaim-rest', consId: '1', secret: 'x', userKey: 'y' } }));
    expect(offline).toMatchObject({ ok: false, reason: 'offline' });
    expect(words(offline.message)).toMatch(/Tidak ada koneksi/);
    expect(await test(vclaimForm(sim, { vclaim: { baseUrl: sim.vclaimUrl, consId: '', secret: '', userKey: '' } }))).toMatchObject({ ok: false, reason: 'incomplete' });
    sim.setFault({ kind: 'clockSkew' });
    expect(await test(vclaimForm(sim))).toMatchObject({ ok: false, reason: 'clock' });
    sim.setFault({ kind: 'http500' });
    expect(await test(vclaimForm(sim))).toMatchObject({ ok: false, reason: 'service-down' });
    // The same answer, worded by a caller in English and one in Indonesian.
    const down = (await test(vclaimForm(sim))).message;
    expect(words(down, 'en')).toMatch(/^The BPJS service is having problems/);
    expect(words(down, 'id')).toMatch(/^Layanan BPJS sedang bermasalah/);
  });
});

describe('re-check when BPJS is back', () => {
  it('a visit registered on the lists only is re-checked, the follow-up closes, and the change is in the reconciliation view', async () => {
    const { core, sim } = await setup();
    sim.setFault({ kind: 'down' });
    const siti = await core.createPatient({ name: SITI.name, nik: SITI.nik, dob: SITI.dob });
    const djoko = await core.createPatient({ name: DJOKO.name, nik: DJOKO.nik, dob: DJOKO.dob });
    const rizki = await core.createPatient({ name: RIZKI.name, nik: RIZKI.nik, dob: RIZKI.dob });
    const offline = await core.lookupOnline({ query: SITI.nik });
    expect(offline.online).toMatchObject({ reason: 'offline' });
    const v1 = await core.registerVisit({ patientId: siti.id, unit: 'UMUM', verdict: 'eligible', verdictSource: 'lists' });
    const v2 = await core.registerVisit({ patientId: djoko.id, unit: 'UMUM', verdict: 'not-eligible', verdictSource: 'lists' });
    const v3 = await core.registerVisit({ patientId: rizki.id, unit: 'UMUM', verdict: 'eligible', verdictSource: 'lists' });
    expect(v1.followUpIds).toHaveLength(1);
    expect(v2.followUpIds).toHaveLength(2); // the payer, and the re-check
    const kinds = (await core.openFollowUps({})).map((f) => `${f.visit.id}:${f.kind}`);
    expect(kinds).toEqual(expect.arrayContaining([`${v1.id}:recheck-eligibility`, `${v2.id}:recheck-eligibility`, `${v2.id}:settle-payer`, `${v3.id}:recheck-eligibility`]));
    expect((await core.connectivity({})).pendingRechecks).toBe(3);
    // Still offline: the run stops at once and nothing is lost.
    expect(await core.recheckNow({})).toEqual({ checked: 0, changed: 0, remaining: 3, stoppedBy: 'offline' });

    sim.setFault(null);
    const run = await core.recheckNow({});
    expect(run).toEqual({ checked: 3, changed: 2, remaining: 0, stoppedBy: null });
    const changed = await core.reconciliation({ from: '2026-11-23' });
    expect(changed.map((r) => [r.patient.name, r.before, r.after, r.action])).toEqual(
      expect.arrayContaining([
        [SITI.name, 'eligible', 'not-eligible', 'none'],
        [DJOKO.name, 'not-eligible', 'eligible', 'payer-jkn'],
      ]),
    );
    expect(changed).toHaveLength(2);
    expect(changed.find((r) => r.patient.name === SITI.name)?.liveStatus).toBe('TIDAK AKTIF: Non-aktif karena premi (tunggakan)');
    expect(await core.reconciliation({ from: '2026-11-23', changedOnly: false })).toHaveLength(3);
    // Djoko's open payer is settled as JKN; Siti's visit keeps its payer (the clerk decides).
    const register = await core.visitRegister({ from: '2026-11-23' });
    expect(register.find((r) => r.visitId === v2.id)?.payer).toBe('jkn');
    expect(register.find((r) => r.visitId === v1.id)?.payer).toBe('jkn');
    expect((await core.openFollowUps({})).filter((f) => f.kind === 'recheck-eligibility')).toEqual([]);
    expect((await core.connectivity({})).pendingRechecks).toBe(0);
  });

  it('runs by itself when the probe finds BPJS again', async () => {
    const dir = tempDir();
    const clock = { t: Date.parse('2026-11-23T03:00:00Z') };
    const sim = await startBpjsSimulator({ members: SAMPLE_ON_BPJS, now: () => clock.t });
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date(clock.t), bpjsProbeMs: 100 });
    open.push({ core, sim });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    sim.setFault({ kind: 'down' });
    await core.saveBpjsSettings(vclaimForm(sim));
    await waitFor(async () => (await core.connectivity({})).state === 'offline');
    const djoko = await core.createPatient({ name: DJOKO.name, nik: DJOKO.nik, dob: DJOKO.dob });
    const visit = await core.registerVisit({ patientId: djoko.id, unit: 'UMUM', verdict: 'not-eligible' });
    clock.t += 1000;
    sim.setFault(null);
    await waitFor(async () => (await core.connectivity({})).pendingRechecks === 0);
    expect((await core.reconciliation({ from: '2026-11-23' })).map((r) => r.visit.id)).toEqual([visit.id]);
    expect((await core.visitRegister({ from: '2026-11-23' }))[0]?.payer).toBe('jkn');
  });

  it('a visit registered with the live answer, or while BPJS is off, is not queued for a re-check; an emergency\'s open payer is asked once its patient is identified', async () => {
    const { core } = await setup();
    const rizki = await core.createPatient({ name: RIZKI.name, nik: RIZKI.nik, dob: RIZKI.dob });
    const live = await core.registerVisit({ patientId: rizki.id, unit: 'UMUM', verdict: 'eligible', verdictSource: 'bpjs-live' });
    expect(live.followUpIds).toEqual([]);
    const emergency = await core.registerEmergency({});
    expect(await core.recheckNow({})).toMatchObject({ checked: 0 }); // no identity: nothing to ask
    await core.attachIdentity({ visitId: emergency.id, identity: { name: DJOKO.name, nik: DJOKO.nik, dob: DJOKO.dob } });
    await waitFor(async () => (await core.openFollowUps({})).length === 0);
    expect((await core.reconciliation({ from: '2026-11-23', changedOnly: false })).map((r) => [r.before, r.after, r.action])).toEqual([[null, 'eligible', 'payer-jkn']]);
  });
});

describe('a record without NIK or card (made with F2 from a name and a birth date)', () => {
  /** DJOKO as an own record with no number: not active on the list, active on BPJS. */
  async function numberless(core: Core) {
    const patient = await core.createPatient({ name: DJOKO.name, dob: DJOKO.dob });
    const looked = await core.lookup({ query: patient.mrn });
    expect(looked.verdict).toBe('unknown'); // nothing to look up by
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: looked.verdict, verdictSource: 'lists' });
    return { patient, visit };
  }

  it('gets no re-check with BPJS it could never run: the status bar counts none, and its payer is asked once F3 gives it a NIK', async () => {
    const { core } = await setup();
    const { patient, visit } = await numberless(core);
    expect(visit.payer).toBe('pending');
    expect((await core.openFollowUps({})).map((f) => f.kind)).toEqual(['settle-payer']);
    expect(visit.followUpIds).toHaveLength(1);
    expect((await core.connectivity({})).pendingRechecks).toBe(0);
    expect(await core.recheckNow({})).toEqual({ checked: 0, changed: 0, remaining: 0, stoppedBy: null });
    await core.updatePatient({ patientId: patient.id, changes: { nik: DJOKO.nik } });
    expect(await core.recheckNow({})).toEqual({ checked: 1, changed: 1, remaining: 0, stoppedBy: null });
    expect((await core.visitRegister({ from: '2026-11-23' }))[0]?.payer).toBe('jkn');
  });

  it('a re-check such a record already holds (queued by an older Loket) is neither counted nor listed until the record has a number, then it runs', async () => {
    const { core } = await setup();
    const { patient, visit } = await numberless(core);
    core.db
      .prepare(`INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (?, 'recheck-eligibility', 'lists-only', '2026-11-26T03:00:00.000Z', '2026-11-23T03:00:00.000Z')`)
      .run(visit.id);
    expect((await core.connectivity({})).pendingRechecks).toBe(0);
    expect((await core.openFollowUps({})).map((f) => f.kind)).toEqual(['settle-payer']);
    expect(await core.recheckNow({})).toMatchObject({ checked: 0, remaining: 0 });
    await core.updatePatient({ patientId: patient.id, changes: { card: DJOKO.card } });
    expect((await core.connectivity({})).pendingRechecks).toBe(1);
    expect(await core.recheckNow({})).toEqual({ checked: 1, changed: 1, remaining: 0, stoppedBy: null });
    expect(await core.openFollowUps({})).toEqual([]);
  });

  it('the clerk\'s re-check (C) says there was no number to check, rather than "not on the lists"', async () => {
    const { core } = await setup({ configure: false });
    const { patient, visit } = await numberless(core);
    expect(await core.recheckPayer({ visitId: visit.id })).toEqual({ verdict: 'unknown', payer: 'pending', noNumber: true });
    await core.updatePatient({ patientId: patient.id, changes: { nik: DJOKO.nik } });
    expect(await core.recheckPayer({ visitId: visit.id })).toEqual({ verdict: 'not-eligible', payer: 'pending' });
  });
});

describe('the bridge log in the app', () => {
  it('lists calls newest first with masked identifiers, and exports them', async () => {
    const { core, dir } = await setup();
    await core.lookupOnline({ query: SITI.nik });
    await core.lookupOnline({ query: DJOKO.card });
    const log = await core.bridgeLog({});
    expect(log.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    expect(log[0]?.endpoint).toMatch(/^\/Peserta\/nokartu\/•{9}5566\/tglSEP\/2026-11-23$/);
    expect(JSON.stringify(log)).not.toContain(SITI.nik);
    const out = join(dir, 'bridge.csv');
    expect(await core.exportBridgeLog({ file: fileFor(core, out, 'save-csv'), format: 'csv' })).toEqual({ name: 'bridge.csv', rows: 2 });
    // In the app's language, with the facility's local time (WIB) and the outcome in words.
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFWaktu;Layanan;Endpoint;Lama \(ms\);Hasil;Kode meta;Ulang\r?\n\d{4}-\d{2}-\d{2} \d{2}:\d{2};vclaim;[^;]+;\d+;berhasil;200;0\r?\n/);
    await core.exportBridgeLog({ file: fileFor(core, out, 'save-csv'), format: 'csv', lang: 'en' });
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFTime;Service;Endpoint;Duration \(ms\);Outcome;Meta code;Retries\r?\n\d{4}-\d{2}-\d{2} \d{2}:\d{2};vclaim;[^;]+;\d+;answered;200;0\r?\n/);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
