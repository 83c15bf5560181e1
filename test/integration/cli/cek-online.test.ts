import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportBridgeLog, readBridgeLog } from '../../../src/core/bpjs/bridge-log';
import { openDatabase } from '../../../src/core/store/open-database';
import { keyBeside, withoutKeyNotice } from '../../helpers/keyed-database';
import { DJOKO, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { builtFile, repoRoot, useTempDir } from '../../helpers/temp';
import { simMemberOf } from '../../helpers/bpjs-members';
import { SIM_CREDENTIALS, startBpjsSimulator, type BpjsSimulator, type SimMember } from '../../../src/simulators/bpjs-simulator';

const run = promisify(execFile);
const tempDir = useTempDir();
const loket = join(repoRoot, 'bin', 'loket.js');

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOKET_BPJS_')));
  try {
    const { stdout, stderr } = await run(process.execPath, [loket, ...args], { env: { ...clean, LOKET_LANG: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** SITI is active in the sample list; BPJS says her premium lapsed. */
const SITI_LIVE: SimMember = simMemberOf(SITI, { statusKode: '9', statusKeterangan: 'NON AKTIF KARENA PREMI', jenisPeserta: { kode: '14', keterangan: 'PEKERJA MANDIRI' }, tglTAT: '2026-10-31' });
/** Not in any list; active at BPJS. */
const EKA: SimMember = { ...SITI_LIVE, nik: '3673016107920004', noKartu: '0002345678901', nama: 'EKA PUTRI', tglLahir: '1992-07-21', statusKode: '0', statusKeterangan: 'AKTIF', tglTAT: '2099-12-31' };
/** DJOKO is inactive in the sample list; BPJS says active. */
const DJOKO_LIVE: SimMember = { ...SITI_LIVE, nik: DJOKO.nik, noKartu: DJOKO.card, nama: DJOKO.name, sex: 'L', tglLahir: DJOKO.dob, statusKode: '0', statusKeterangan: 'AKTIF', tglTAT: '2099-12-31' };

const sims: BpjsSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});
async function sim(): Promise<BpjsSimulator> {
  const s = await startBpjsSimulator({ members: [SITI_LIVE, EKA, DJOKO_LIVE] });
  sims.push(s);
  expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return s;
}

const vclaimFlags = (s: BpjsSimulator, secret: string = SIM_CREDENTIALS.secret): string[] => [
  '--online', '--service', 'vclaim', '--bpjs-url', s.vclaimUrl, '--cons-id', SIM_CREDENTIALS.consId, '--secret', secret, '--user-key', SIM_CREDENTIALS.userKey,
];
const pcareEnv = (s: BpjsSimulator): Record<string, string> => ({
  LOKET_BPJS_SERVICE: 'pcare',
  LOKET_BPJS_URL: s.pcareUrl,
  LOKET_BPJS_CONS_ID: SIM_CREDENTIALS.consId,
  LOKET_BPJS_SECRET: SIM_CREDENTIALS.secret,
  LOKET_BPJS_USER_KEY: SIM_CREDENTIALS.userKey,
  LOKET_BPJS_PCARE_USER: SIM_CREDENTIALS.pcareUser,
  LOKET_BPJS_PCARE_PASS: SIM_CREDENTIALS.pcarePass,
  LOKET_BPJS_PCARE_APP: SIM_CREDENTIALS.pcareApp,
});

function setFetchedAt(dbPath: string, iso: string): void {
  const db = openDatabase(dbPath, { key: keyBeside(dbPath) });
  db.prepare('UPDATE live_answers SET fetched_at = ?').run(iso);
  db.close();
}

async function importSample(dir: string, db: string): Promise<void> {
  const r = await cli(['import', writeSampleCsv(dir), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
  expect(r.code).toBe(0);
}

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});

describe('loket cek --online', () => {
  it('asks VClaim by NIK (credentials from flags), stores the answer, and the newer of list and live answer wins', async () => {
    const s = await sim();
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await importSample(dir, db);

    const r = await cli(['cek', SITI.nik, '--db', db, '--json', ...vclaimFlags(s)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: SITI.nik, kind: 'nik', online: { ok: true, service: 'vclaim', found: true, metaCode: '200' } });
    const live = out.matches.find((m: { list: { kind: string } }) => m.list.kind === 'bpjs-live');
    expect(live).toMatchObject({ nik: SITI.nik, card: SITI.card, name: 'SITI AMINAH', status: 'inactive', confidence: 'exact', list: { name: 'BPJS (langsung)', kind: 'bpjs-live', edition: 0, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(out.matches.some((m: { list: { kind: string } }) => m.list.kind === 'pbi-apbd')).toBe(true);
    expect(s.requests.at(-1)?.path).toMatch(new RegExp(`/Peserta/nik/${SITI.nik}/tglSEP/\\d{4}-\\d{2}-\\d{2}$`));

    // Later, offline: the stored live answer is still seen. A list active as of 2026-11-01, a live "inactive" of 2026-11-20: not eligible.
    setFetchedAt(db, '2026-11-20T02:00:00.000Z');
    const offline = JSON.parse((await cli(['cek', SITI.nik, '--db', db, '--json'])).stdout);
    expect(offline.verdict).toBe('not-eligible');
    expect(offline.matches).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'inactive', list: { name: 'BPJS (langsung)', kind: 'bpjs-live', asOf: '2026-11-20', edition: 0 } })]));
    expect(offline).not.toHaveProperty('online');
    // By card too.
    expect(JSON.parse((await cli(['cek', SITI.card, '--db', db, '--json'])).stdout).verdict).toBe('not-eligible');

    // The reverse: the live answer is older than the list: the list's "active" wins.
    setFetchedAt(db, '2026-10-15T02:00:00.000Z');
    const older = JSON.parse((await cli(['cek', SITI.nik, '--db', db, '--json'])).stdout);
    expect(older.verdict).toBe('eligible');
    expect(older.matches).toEqual(expect.arrayContaining([expect.objectContaining({ list: expect.objectContaining({ kind: 'bpjs-live', asOf: '2026-10-15' }) })]));
  });

  it('a newer live "active" beats an older list "inactive"; an older one does not', async () => {
    const s = await sim();
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await importSample(dir, db);
    expect(JSON.parse((await cli(['cek', DJOKO.nik, '--db', db, '--json'])).stdout).verdict).toBe('not-eligible');
    const r = await cli(['cek', DJOKO.nik, '--db', db, '--json', ...vclaimFlags(s)]);
    expect(r.code).toBe(0);
    setFetchedAt(db, '2026-11-20T02:00:00.000Z');
    expect(JSON.parse((await cli(['cek', DJOKO.nik, '--db', db, '--json'])).stdout).verdict).toBe('eligible');
    setFetchedAt(db, '2026-10-20T02:00:00.000Z');
    expect(JSON.parse((await cli(['cek', DJOKO.nik, '--db', db, '--json'])).stdout).verdict).toBe('not-eligible');
  });

  it('asks PCare by card with credentials from the environment; a later offline cek by NIK sees the answer', async () => {
    const s = await sim();
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const r = await cli(['cek', EKA.noKartu, '--online', '--db', db, '--json'], pcareEnv(s));
    expect(withoutKeyNotice(r.stderr)).toBe(''); // the new database's key notice only
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: EKA.noKartu, kind: 'card', verdict: 'eligible', online: { ok: true, service: 'pcare', found: true } });
    expect(out.matches).toEqual([expect.objectContaining({ card: EKA.noKartu, name: 'EKA PUTRI', status: 'active', list: expect.objectContaining({ kind: 'bpjs-live', name: 'BPJS (langsung)' }) })]);
    expect(s.requests.at(-1)?.path).toMatch(new RegExp(`/peserta/${EKA.noKartu}$`));

    const byCard = JSON.parse((await cli(['cek', EKA.noKartu, '--db', db, '--json'])).stdout);
    expect(byCard).toMatchObject({ verdict: 'eligible', matches: [expect.objectContaining({ list: expect.objectContaining({ kind: 'bpjs-live' }) })] });
    const byNik = JSON.parse((await cli(['cek', EKA.nik, '--db', db, '--json'])).stdout);
    expect(byNik.verdict).toBe('eligible');

    // Human output says where the answer came from.
    const human = await cli(['cek', EKA.noKartu, '--online', '--db', db], pcareEnv(s));
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/BPJS \(langsung\)/);
    expect(human.stdout).toMatch(/online \(pcare\): dijawab dalam \d+ ms/);
    const english = await cli(['cek', EKA.noKartu, '--online', '--db', db, '--lang', 'en'], pcareEnv(s));
    expect(english.stdout).toMatch(/online \(pcare\): answered in \d+ ms/);
  });

  it('a member BPJS does not know is answered, not stored', async () => {
    const s = await sim();
    const db = join(tempDir(), 'loket.db');
    const r = await cli(['cek', '3673010101000009', '--db', db, '--json', ...vclaimFlags(s)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'unknown', matches: [], online: { ok: true, found: false } });
    const d = openDatabase(db, { key: keyBeside(db) });
    expect(d.prepare('SELECT count(*) AS n FROM live_answers').get()).toEqual({ n: 0 });
    expect(readBridgeLog(d, { limit: 5 })).toEqual([expect.objectContaining({ outcome: 'not-found', endpoint: expect.stringMatching(/^\/Peserta\/nik\/3673•{8}0009\/tglSEP\//) })]);
    d.close();
  });

  it('fails with exit 1 and a JSON reason (plus the local answer) when BPJS fails or the secret is wrong', async () => {
    const s = await sim();
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await importSample(dir, db);
    s.setFault({ kind: 'http500' });
    const down = await cli(['cek', SITI.nik, '--db', db, '--json', ...vclaimFlags(s)]);
    expect(down.code).toBe(1);
    const out = JSON.parse(down.stdout);
    expect(out).toMatchObject({ query: SITI.nik, kind: 'nik', verdict: 'eligible', online: { ok: false, reason: 'service-down', detail: expect.any(String) } });
    expect(out.matches.every((m: { list: { kind: string } }) => m.list.kind === 'pbi-apbd')).toBe(true);
    s.setFault(null);

    const wrong = await cli(['cek', SITI.nik, '--db', db, '--json', ...vclaimFlags(s, 'bukan-rahasia')]);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).online).toMatchObject({ ok: false, reason: 'credentials' });
    expect(wrong.stdout + wrong.stderr).not.toContain('bukan-rahasia');

    // Usage errors: a name, a missing credential, --batch.
    expect((await cli(['cek', 'Siti Aminah', '--db', db, '--json', ...vclaimFlags(s)])).code).toBe(2);
    const missing = await cli(['cek', SITI.nik, '--db', db, '--online', '--service', 'vclaim', '--bpjs-url', s.vclaimUrl]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--cons-id \(atau \$LOKET_BPJS_CONS_ID\)/);
    expect((await cli(['cek', SITI.nik, '--db', db, '--json', '--online', '--service', 'sep', '--bpjs-url', s.vclaimUrl], pcareEnv(s))).code).toBe(2);
  });

  it('logs every call with identifiers masked; no credential in the database, its log or the output', async () => {
    const s = await sim();
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const outputs: string[] = [];
    const keep = (r: { stdout: string; stderr: string }): void => void outputs.push(r.stdout, r.stderr);
    keep(await cli(['cek', SITI.nik, '--db', db, '--json', ...vclaimFlags(s)]));
    keep(await cli(['cek', EKA.noKartu, '--online', '--db', db, '--json'], pcareEnv(s)));
    s.setFault({ kind: 'http500' });
    keep(await cli(['cek', EKA.noKartu, '--online', '--db', db, '--json'], pcareEnv(s)));
    s.setFault(null);

    const d = openDatabase(db, { key: keyBeside(db) });
    const rows = readBridgeLog(d, { limit: 10 });
    expect(rows.map((r) => [r.service, r.endpoint.replace(/\d{4}-\d{2}-\d{2}$/, 'DAY'), r.outcome, r.metaCode, r.retries])).toEqual([
      ['pcare', '/peserta/•••••••••8901', 'service-down', null, 1],
      ['pcare', '/peserta/•••••••••8901', 'ok', '200', 0],
      ['vclaim', '/Peserta/nik/3673••••••••0003/tglSEP/DAY', 'ok', '200', 0],
    ]);
    for (const r of rows) {
      expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(readBridgeLog(d, { limit: 1 })).toHaveLength(1);
    const csv = join(dir, 'bridge-log.csv');
    expect(await exportBridgeLog(d, csv)).toBe(3);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffat;service;endpoint;duration_ms;outcome;meta_code;retries');
    expect(text).toContain(';vclaim;/Peserta/nik/3673••••••••0003/tglSEP/');
    const logText = JSON.stringify(d.prepare('SELECT * FROM bridge_log').all());
    expect(logText).not.toContain(SITI.nik);
    expect(logText).not.toContain(EKA.noKartu);
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();

    const files = [db, `${db}-wal`, csv].filter((f) => existsSync(f)).map((f) => readFileSync(f));
    for (const secret of [SIM_CREDENTIALS.secret, SIM_CREDENTIALS.userKey, SIM_CREDENTIALS.pcarePass]) {
      for (const bytes of files) expect(bytes.includes(Buffer.from(secret))).toBe(false);
      for (const o of outputs) expect(o).not.toContain(secret);
    }
  });

  it('--credentials FILE: NAME=value lines instead of flags; a file others can read is warned about; a bad line is named', async () => {
    const s = await sim();
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const file = join(dir, 'bpjs.env');
    const lines = Object.entries(pcareEnv(s)).map(([k, v]) => `${k}="${v}"`);
    writeFileSync(file, ['# BPJS PCare, puskesmas demo', ...lines, ''].join('\n'), { mode: 0o600 });
    const r = await cli(['cek', EKA.nik, '--online', '--credentials', file, '--db', db, '--json']);
    expect(withoutKeyNotice(r.stderr)).toBe(''); // the new database's key notice only
    expect(JSON.parse(r.stdout).online).toMatchObject({ ok: true, service: 'pcare', found: true });
    // The same through $LOKET_BPJS_CREDENTIALS, with a file anyone may read: it works, with a warning.
    writeFileSync(file, lines.join('\n'));
    chmodSync(file, 0o644); // a mode given to writeFileSync applies only to a new file
    const shared = await cli(['cek', EKA.nik, '--online', '--db', db, '--json'], { LOKET_BPJS_CREDENTIALS: file });
    expect(shared.code).toBe(0);
    if (process.platform !== 'win32') expect(shared.stderr).toMatch(/bisa dibaca pengguna lain; jalankan: chmod 600/);
    writeFileSync(file, 'SECRET=oops\n');
    chmodSync(file, 0o600);
    const bad = await cli(['cek', EKA.nik, '--online', '--credentials', file, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/baris 1: harus LOKET_BPJS_NAMA=nilai/);
    expect(bad.stderr).not.toContain('oops');
  });
});
