import { afterEach, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/core/bpjs/circuit-breaker';
import { BpjsClient, type BpjsClientConfig } from '../../../src/core/bpjs/client';
import { simMemberOf } from '../../helpers/bpjs-members';
import { SIM_CREDENTIALS, startBpjsSimulator, type BpjsSimulator, type SimMember } from '../../../src/simulators/bpjs-simulator';

const SITI: SimMember = simMemberOf({ nik: '3673014501900001', card: '0001234567890', name: 'SITI AMINAH', dob: '1990-01-05' });
const BUDI: SimMember = simMemberOf(
  { nik: '3673011708850003', card: '0009876543210', name: 'BUDI SANTOSO', dob: '1985-08-17' },
  { sex: 'L', statusKode: '9', statusKeterangan: 'NON AKTIF KARENA PREMI', jenisPeserta: { kode: '14', keterangan: 'PEKERJA MANDIRI' }, tglTAT: '2026-10-31' },
);
const UNKNOWN_NIK = '3673010101000009';

const sims: BpjsSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function sim(): Promise<BpjsSimulator> {
  const s = await startBpjsSimulator({ members: [SITI, BUDI] });
  sims.push(s);
  return s;
}

function client(s: BpjsSimulator, service: 'vclaim' | 'pcare', extra: Partial<BpjsClientConfig> = {}): BpjsClient {
  return new BpjsClient({
    service,
    baseUrl: service === 'vclaim' ? s.vclaimUrl : s.pcareUrl,
    consId: SIM_CREDENTIALS.consId,
    secret: SIM_CREDENTIALS.secret,
    userKey: SIM_CREDENTIALS.userKey,
    pcareUser: SIM_CREDENTIALS.pcareUser,
    pcarePass: SIM_CREDENTIALS.pcarePass,
    timeoutMs: 300,
    ...extra,
  });
}

describe('VClaim', () => {
  it('by NIK: decoded member, one signed request with tglSEP in the facility zone', async () => {
    const now = new Date('2026-11-23T20:00:00Z'); // already 24 Nov in WIB
    // The simulator checks the timestamp against its own clock, so both share the fixed one.
    const s2 = await startBpjsSimulator({ members: [SITI], now: () => now.getTime() });
    sims.push(s2);
    const c2 = client(s2, 'vclaim', { now: () => now });
    const r = await c2.byNik(SITI.nik);
    expect(r).toMatchObject({
      ok: true,
      metaCode: '200',
      member: {
        nik: SITI.nik,
        card: SITI.noKartu,
        name: 'SITI AMINAH',
        dob: '1990-01-05',
        sex: 'P',
        status: 'active',
        statusReason: null,
        segment: 'PBI (APBD)',
        class: 'KELAS III',
        facility: 'PUSKESMAS SERANG KOTA',
        validUntil: '2099-12-31',
      },
    });
    expect(s2.requests).toHaveLength(1);
    expect(s2.requests[0]?.path).toBe(`/vclaim-rest/Peserta/nik/${SITI.nik}/tglSEP/2026-11-24`);
    expect(s2.requests[0]?.headers.timestamp).toBe(String(now.getTime() / 1000));
    expect(s2.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('by card: an inactive member with the reason', async () => {
    const s = await sim();
    const r = await client(s, 'vclaim').byCard(BUDI.noKartu, '2026-11-23');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.member).toMatchObject({ card: BUDI.noKartu, nik: BUDI.nik, status: 'inactive', sex: 'L', segment: 'PEKERJA MANDIRI' });
    expect(r.member?.statusReason).toBe('premium');
    expect(s.requests[0]?.path).toBe(`/vclaim-rest/Peserta/nokartu/${BUDI.noKartu}/tglSEP/2026-11-23`);
  });

  it('201 is "not found", answered once with no retry', async () => {
    const s = await sim();
    const r = await client(s, 'vclaim').byNik(UNKNOWN_NIK);
    expect(r).toMatchObject({ ok: true, member: null, metaCode: '201' });
    expect(s.requests).toHaveLength(1);
  });

  it('malformed identifiers are refused without a request', async () => {
    const s = await sim();
    expect(await client(s, 'vclaim').byNik('12345')).toMatchObject({ ok: false, reason: 'bad-response' });
    expect(await client(s, 'vclaim').byCard('abc')).toMatchObject({ ok: false, reason: 'bad-response' });
    expect(s.requests).toHaveLength(0);
  });
});

describe('PCare', () => {
  it('by card, with X-authorization checked by the simulator', async () => {
    const s = await sim();
    const r = await client(s, 'pcare').byCard(BUDI.noKartu);
    expect(r).toMatchObject({
      ok: true,
      metaCode: '200',
      member: { card: BUDI.noKartu, nik: BUDI.nik, dob: '1985-08-17', status: 'inactive', statusReason: 'NON AKTIF KARENA PREMI', validUntil: '2026-10-31', class: 'KELAS III' },
    });
    expect(s.requests[0]?.path).toBe(`/pcare-rest/peserta/${BUDI.noKartu}`);
    expect(s.requests[0]?.headers.authorization).toBe('Basic ' + Buffer.from('loket01:sandi01:095').toString('base64'));
  });

  it('by NIK, and 201 (numeric code) not found', async () => {
    const s = await sim();
    expect(await client(s, 'pcare').byNik(SITI.nik)).toMatchObject({ ok: true, member: { name: 'SITI AMINAH', status: 'active' } });
    expect(await client(s, 'pcare').byNik(UNKNOWN_NIK)).toMatchObject({ ok: true, member: null, metaCode: '201' });
  });

  it('a wrong PCare password is "credentials"', async () => {
    const s = await sim();
    const r = await client(s, 'pcare', { pcarePass: 'salah' }).byCard(SITI.noKartu);
    expect(r).toMatchObject({ ok: false, reason: 'credentials' });
    expect(s.requests.map((q) => q.outcome)).toEqual(['http403']);
  });
});

describe('failures', () => {
  it('a wrong secret: 403 HTML → credentials, no retry', async () => {
    const s = await sim();
    const r = await client(s, 'vclaim', { secret: 'salah' }).byNik(SITI.nik);
    expect(r).toMatchObject({ ok: false, reason: 'credentials' });
    expect(s.requests).toHaveLength(1);
  });

  it('HTTP 500 with an HTML page → service-down after one quiet retry', async () => {
    const s = await sim();
    s.setFault({ kind: 'http500' });
    const r = await client(s, 'vclaim').byNik(SITI.nik);
    expect(r).toMatchObject({ ok: false, reason: 'service-down' });
    expect(s.requests.map((q) => q.outcome)).toEqual(['http500', 'http500']);
  });

  it('a single 500 is hidden by the retry', async () => {
    const s = await sim();
    s.setFault({ kind: 'http500' }, { times: 1 });
    const r = await client(s, 'vclaim').byNik(SITI.nik);
    expect(r).toMatchObject({ ok: true, member: { nik: SITI.nik } });
    expect(s.requests.map((q) => q.outcome)).toEqual(['http500', 'ok']);
    // Each attempt is its own request: its own timestamp and signature, decrypted with its own key.
    expect(s.requests[1]?.headers.signature).toBeDefined();
  });

  it('empty body → bad-response', async () => {
    const s = await sim();
    s.setFault({ kind: 'empty' });
    expect(await client(s, 'vclaim').byNik(SITI.nik)).toMatchObject({ ok: false, reason: 'bad-response' });
    expect(s.requests).toHaveLength(1);
  });

  it('garbage response → bad-response', async () => {
    const s = await sim();
    s.setFault({ kind: 'garbage' });
    expect(await client(s, 'pcare').byCard(SITI.noKartu)).toMatchObject({ ok: false, reason: 'bad-response', metaCode: '200' });
  });

  it('clock-skew rejection → clock', async () => {
    const s = await sim();
    s.setFault({ kind: 'clockSkew' });
    expect(await client(s, 'vclaim').byNik(SITI.nik)).toMatchObject({ ok: false, reason: 'clock', metaCode: '201' });
  });

  it('a PC clock 10 minutes off is rejected by the timestamp check itself', async () => {
    const s = await sim();
    const c = client(s, 'pcare', { now: () => new Date(Date.now() - 600_000) });
    expect(await c.byCard(SITI.noKartu)).toMatchObject({ ok: false, reason: 'clock' });
    const near = client(s, 'pcare', { now: () => new Date(Date.now() - 120_000) });
    expect(await near.byCard(SITI.noKartu)).toMatchObject({ ok: true });
  });

  it('hang → timeout, honouring timeoutMs per attempt (one retry)', async () => {
    const s = await sim();
    s.setFault({ kind: 'hang' });
    const r = await client(s, 'vclaim', { timeoutMs: 200 }).byNik(SITI.nik);
    expect(r).toMatchObject({ ok: false, reason: 'timeout' });
    expect(r.tookMs).toBeGreaterThanOrEqual(350);
    expect(r.tookMs).toBeLessThan(2000);
    expect(s.requests).toHaveLength(2);
  });

  it('slow but within the timeout is fine; slower is a timeout', async () => {
    const s = await sim();
    s.setFault({ kind: 'slow', delayMs: 100 });
    expect(await client(s, 'vclaim', { timeoutMs: 1000 }).byNik(SITI.nik)).toMatchObject({ ok: true });
    s.setFault({ kind: 'slow', delayMs: 500 });
    expect(await client(s, 'vclaim', { timeoutMs: 150 }).byNik(SITI.nik)).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('nothing listening → offline', async () => {
    const s = await sim();
    const base = s.vclaimUrl;
    await s.close();
    sims.pop();
    const r = await new BpjsClient({ service: 'vclaim', baseUrl: base, consId: 'c', secret: 's', userKey: 'u', timeoutMs: 300 }).byNik(SITI.nik);
    expect(r).toMatchObject({ ok: false, reason: 'offline' });
    if (!r.ok) expect(r.detail).toMatch(/ECONNREFUSED/);
  });
});

describe('circuit breaker in the client', () => {
  it('opens after 3 failures without touching the network, closes after the cool-down', async () => {
    const s = await sim();
    let t = Date.parse('2026-11-23T03:00:00Z');
    const breaker = new CircuitBreaker({ now: () => t });
    const c = client(s, 'vclaim', { breaker });
    s.setFault({ kind: 'http500' });
    for (let i = 0; i < 3; i++) expect(await c.byNik(SITI.nik)).toMatchObject({ ok: false, reason: 'service-down' });
    expect(breaker.state).toBe('open');
    expect(s.requests).toHaveLength(6);

    const refused = await c.byNik(SITI.nik);
    expect(refused).toMatchObject({ ok: false, reason: 'breaker-open' });
    expect(s.requests).toHaveLength(6);

    s.setFault(null);
    t += 60_000;
    expect(breaker.state).toBe('half-open');
    expect(await c.byNik(SITI.nik)).toMatchObject({ ok: true, member: { nik: SITI.nik } });
    expect(breaker.state).toBe('closed');
    expect(s.requests).toHaveLength(7);
  });

  it('a failed trial reopens it', async () => {
    const s = await sim();
    let t = 0;
    const breaker = new CircuitBreaker({ now: () => t, failureThreshold: 1, coolDownMs: 1000 });
    const c = client(s, 'vclaim', { breaker });
    s.setFault({ kind: 'empty' });
    await c.byNik(SITI.nik);
    expect(breaker.state).toBe('open');
    t = 1000;
    expect(await c.byNik(SITI.nik)).toMatchObject({ ok: false, reason: 'bad-response' });
    expect(breaker.state).toBe('open');
  });

  it('not found and credential errors do not open it', async () => {
    const s = await sim();
    const breaker = new CircuitBreaker({ failureThreshold: 1 });
    await client(s, 'vclaim', { breaker }).byNik(UNKNOWN_NIK);
    await client(s, 'vclaim', { breaker, secret: 'salah' }).byNik(SITI.nik);
    expect(breaker.state).toBe('closed');
  });
});
