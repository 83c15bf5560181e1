// A stand-in BPJS gateway for tests: a real HTTP server on 127.0.0.1 that speaks VClaim
// (under /vclaim-rest) and PCare (under /pcare-rest), checks the signature and timestamp as
// the gateway does, encrypts answers with the request's own timestamp, and can be told to
// misbehave in the ways the real one does.
//
// Choices where BPJS documents nothing (DOMAIN.md section 6 marks them uncertain):
// - Timestamp window: ±300 s. Public bridging libraries report rejections after "a few
//   minutes" of PC clock drift; 5 minutes is the common API-gateway default. The rejection is
//   HTTP 200 with metaData code 201 and a message naming the timestamp.
// - Bad cons-id, signature, user_key or PCare X-authorization: HTTP 403 with an HTML page,
//   as the gateway in front of the services answers.
// - PCare writes metaData.code as a number, VClaim as a string.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encryptResponse, signature } from '../core/bpjs/crypto';

export interface SimMember {
  nik: string;
  noKartu: string;
  nama: string;
  sex: 'L' | 'P';
  tglLahir: string; // ISO
  statusKode: string; // VClaim statusPeserta kode; PCare aktif = (kode === '0')
  statusKeterangan: string;
  jenisPeserta: { kode: string; keterangan: string };
  hakKelas: { kode: string; keterangan: string };
  provider: { kdProvider: string; nmProvider: string };
  tglTAT: string; // ISO, end of validity
}

export type SimFault =
  | { kind: 'slow'; delayMs: number }
  | { kind: 'hang' }
  | { kind: 'http500' }
  | { kind: 'empty' }
  | { kind: 'garbage' }
  | { kind: 'clockSkew' }
  /** The connection drops before any answer: what a counter without internet sees. */
  | { kind: 'down' };

export interface SimRequest {
  method: string;
  path: string;
  headers: { consId?: string; timestamp?: string; signature?: string; userKey?: string; authorization?: string };
  outcome: string; // what the simulator answered, for assertions
}

export interface BpjsSimulatorOptions {
  consId?: string;
  secret?: string;
  userKey?: string;
  pcareUser?: string;
  pcarePass?: string;
  pcareApp?: string;
  maxSkewSeconds?: number; // default 300
  now?: () => number; // epoch ms of the simulated gateway clock
  members?: SimMember[];
  /** Asked when no member in `members` matches: lets a demo answer for whatever the lists hold. */
  resolve?: (by: 'nik' | 'card', id: string) => Promise<SimMember | undefined>;
}

export interface BpjsSimulator {
  url: string; // http://127.0.0.1:port; services at url + '/vclaim-rest' and url + '/pcare-rest'
  vclaimUrl: string;
  pcareUrl: string;
  setMembers(members: SimMember[]): void;
  /** null clears; `times` limits the fault to the next n requests (then it answers normally). */
  setFault(fault: SimFault | null, options?: { times?: number }): void;
  requests: SimRequest[];
  close(): Promise<void>;
}

export const SIM_CREDENTIALS = { consId: '12345', secret: 'rahasia-konsumen', userKey: 'kunci-pengguna-0123', pcareUser: 'loket01', pcarePass: 'sandi01', pcareApp: '095' } as const;

const HTML_403 = '<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request forbidden by administrative rules.</p></body></html>';
const HTML_500 = '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>';

function isoToDmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}-${m ?? ''}-${y ?? ''}`;
}

function vclaimPeserta(m: SimMember): Record<string, unknown> {
  return {
    noKartu: m.noKartu,
    nik: m.nik,
    nama: m.nama,
    pisa: '1',
    sex: m.sex,
    tglLahir: m.tglLahir,
    tglCetakKartu: '2020-01-02',
    tglTAT: m.tglTAT,
    tglTMT: '2020-01-01',
    statusPeserta: { kode: m.statusKode, keterangan: m.statusKeterangan },
    provUmum: m.provider,
    jenisPeserta: m.jenisPeserta,
    hakKelas: m.hakKelas,
    mr: { noMR: null, noTelepon: null },
    umur: { umurSaatPelayanan: '-', umurSekarang: '-' },
    informasi: { dinsos: null, noSKTM: null, prolanisPRB: null, eSEP: null },
    cob: { nmAsuransi: null, noAsuransi: null, tglTAT: null, tglTMT: null },
  };
}

function pcarePeserta(m: SimMember): Record<string, unknown> {
  return {
    noKartu: m.noKartu,
    nama: m.nama,
    hubunganKeluarga: 'PESERTA',
    sex: m.sex,
    tglLahir: isoToDmy(m.tglLahir),
    tglMulaiAktif: '01-01-2020',
    tglAkhirBerlaku: isoToDmy(m.tglTAT),
    kdProviderPst: m.provider,
    jnsKelas: { kode: m.hakKelas.kode, nama: m.hakKelas.keterangan },
    jnsPeserta: { kode: m.jenisPeserta.kode, nama: m.jenisPeserta.keterangan },
    noKTP: m.nik,
    aktif: m.statusKode === '0',
    ketAktif: m.statusKode === '0' ? 'AKTIF' : m.statusKeterangan,
    tunggakan: 0,
    asuransi: { kdAsuransi: null, nmAsuransi: null, noAsuransi: null, cob: false },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export async function startBpjsSimulator(options: BpjsSimulatorOptions = {}): Promise<BpjsSimulator> {
  const creds = {
    consId: options.consId ?? SIM_CREDENTIALS.consId,
    secret: options.secret ?? SIM_CREDENTIALS.secret,
    userKey: options.userKey ?? SIM_CREDENTIALS.userKey,
    pcareAuth: 'Basic ' + Buffer.from(`${options.pcareUser ?? SIM_CREDENTIALS.pcareUser}:${options.pcarePass ?? SIM_CREDENTIALS.pcarePass}:${options.pcareApp ?? SIM_CREDENTIALS.pcareApp}`).toString('base64'),
  };
  const maxSkew = options.maxSkewSeconds ?? 300;
  const now = options.now ?? Date.now;
  let members: SimMember[] = [...(options.members ?? [])];
  let fault: SimFault | null = null;
  let faultTimes = Infinity;
  const requests: SimRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function send(res: ServerResponse, log: SimRequest, outcome: string, status: number, type: string, body: string): void {
    log.outcome = outcome;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  function answer(req: IncomingMessage, res: ServerResponse, log: SimRequest, active: SimFault | null): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const vclaim = /^\/vclaim-rest\/Peserta\/(nik|nokartu)\/(\d+)\/tglSEP\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname);
    const pcare = /^\/pcare-rest\/peserta\/(?:(nik|noka)\/)?(\d+)$/.exec(url.pathname);
    // The cheap reference lists Loket's probe and connection test ask for: same checks, no member.
    const reference = /^\/(vclaim-rest)\/referensi\/propinsi$|^\/(pcare-rest)\/kesadaran$/.exec(url.pathname);
    if (vclaim === null && pcare === null && reference === null) return send(res, log, 'http404', 404, 'text/html', '<html><body>404 Not Found</body></html>');
    const isPcare = pcare !== null || reference?.[2] !== undefined;
    const code = (c: string): string | number => (isPcare ? Number(c) : c);
    const json = (outcome: string, body: unknown): void => send(res, log, outcome, 200, 'application/json', JSON.stringify(body));

    const ts = log.headers.timestamp ?? '';
    const credsOk =
      log.headers.consId === creds.consId &&
      log.headers.userKey === creds.userKey &&
      /^\d+$/.test(ts) &&
      log.headers.signature === signature(creds.consId, creds.secret, ts) &&
      (!isPcare || log.headers.authorization === creds.pcareAuth);
    if (!credsOk) return send(res, log, 'http403', 403, 'text/html', HTML_403);

    if (active?.kind === 'http500') return send(res, log, 'http500', 500, 'text/html', HTML_500);
    if (active?.kind === 'empty') return send(res, log, 'empty', 200, 'application/json', '');
    const skew = Math.abs(Math.floor(now() / 1000) - Number(ts));
    if (active?.kind === 'clockSkew' || skew > maxSkew) {
      return json('clock', { metaData: { code: code('201'), message: `X-timestamp tidak valid: selisih waktu ${skew} detik melebihi ${maxSkew} detik` }, response: null });
    }
    const ok = (payload: unknown): void => {
      const response = active?.kind === 'garbage' ? Buffer.from('this is not what BPJS would send, honestly').toString('base64') : encryptResponse(payload, creds.consId, creds.secret, ts);
      return json(active?.kind === 'garbage' ? 'garbage' : 'ok', { metaData: { code: code('200'), message: 'OK' }, response });
    };
    if (reference !== null) {
      return ok(isPcare ? { count: 2, list: [{ kdSadar: '01', nmSadar: 'Compos mentis' }, { kdSadar: '02', nmSadar: 'Somnolence' }] } : { list: [{ kode: '31', nama: 'DKI JAKARTA' }, { kode: '32', nama: 'JAWA BARAT' }] });
    }

    const by = (vclaim ?? pcare)?.[1] ?? 'noka';
    const id = (vclaim ?? pcare)?.[2] ?? '';
    const known = members.find((m) => (by === 'nik' ? m.nik === id : m.noKartu === id));
    const respond = (member: SimMember | undefined): void => {
      if (member === undefined) return json('not-found', { metaData: { code: code('201'), message: isPcare ? 'NO_CONTENT' : 'Peserta tidak ditemukan' }, response: null });
      return ok(isPcare ? pcarePeserta(member) : { peserta: vclaimPeserta(member) });
    };
    if (known !== undefined || !options.resolve) return respond(known);
    options.resolve(by === 'nik' ? 'nik' : 'card', id).then(respond, () => send(res, log, 'http500', 500, 'text/html', HTML_500));
  }

  const server = createServer((req, res) => {
    const log: SimRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: {
        consId: header(req, 'X-cons-id'),
        timestamp: header(req, 'X-timestamp'),
        signature: header(req, 'X-signature'),
        userKey: header(req, 'user_key'),
        authorization: header(req, 'X-authorization'),
      },
      outcome: 'pending',
    };
    requests.push(log);
    let active: SimFault | null = null;
    if (fault !== null && faultTimes > 0) {
      active = fault;
      faultTimes -= 1;
    }
    if (active?.kind === 'down') {
      log.outcome = 'down';
      req.socket.destroy();
      return;
    }
    if (active?.kind === 'hang') {
      log.outcome = 'hang'; // never answers; close() tears the socket down
      return;
    }
    const delay = active?.kind === 'slow' ? active.delayMs : 0;
    if (delay <= 0) return answer(req, res, log, active);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer(req, res, log, active);
    }, delay);
    timers.add(timer);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    vclaimUrl: `${url}/vclaim-rest`,
    pcareUrl: `${url}/pcare-rest`,
    setMembers(next) {
      members = [...next];
    },
    setFault(next, opts) {
      fault = next;
      faultTimes = opts?.times ?? Infinity;
    },
    requests,
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hung and keep-alive sockets would hold close() forever
      });
    },
  };
}
