/**
 * The main process's side against the real core process (the built out/main/core-process.js,
 * started as a Node child in place of Electron's utilityProcess): calls, events, the main-only
 * services, a SIGKILL in the middle of work, and a core that cannot open its database.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import type { CoreStatus } from '../../../src/shared/core-status';
import { CoreHost, CoreStartError } from '../../../src/main/core-host';
import type { SlipPrinter } from '../../../src/core/slips/slips';
import type { SecretBox } from '../../../src/core/secrets/secret-box';
import { spawnNodeCore, useCoreHosts, valueOf } from '../../helpers/node-core-child';
import { writeSampleCsv, SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const hosts = useCoreHosts();

const value = valueOf;

interface Started {
  host: CoreHost;
  /** What the fake dialog answers next (the main process's dialog, asked by the core). */
  dialogAnswer: { path: string | null };
  pids: number[];
  statuses: CoreStatus[];
  printed: string[];
  sealed: string[];
}

async function startHost(dbPath: string, extra: { key?: string; printer?: SlipPrinter; secretBox?: SecretBox } = {}): Promise<Started> {
  const pids: number[] = [];
  const statuses: CoreStatus[] = [];
  const printed: string[] = [];
  const sealed: string[] = [];
  const dialogAnswer: { path: string | null } = { path: null };
  const printer: SlipPrinter = extra.printer ?? {
    async print(html) {
      printed.push(html);
    },
    async toPdf() {
      return Buffer.from('%PDF-1.4 stand-in');
    },
  };
  const secretBox: SecretBox = extra.secretBox ?? {
    kind: 'os',
    async seal(plain) {
      sealed.push(plain);
      return `os1:${Buffer.from(plain).toString('base64')}`;
    },
    async open(s) {
      return Buffer.from(s.slice(4), 'base64').toString();
    },
  };
  const host = new CoreHost({
    spawn: () => {
      const child = spawnNodeCore();
      pids.push(child.pid);
      return child;
    },
    config: { dbPath, ...(extra.key ? { key: extra.key } : {}), workerScript: null, secretBox: 'os', printer: true, dialogs: true, timeZone: 'Asia/Jakarta' },
    services: { printer, secretBox, dialogs: { pick: async () => dialogAnswer.path } },
    restartDelaysMs: [0, 0, 0],
  });
  hosts.push(host);
  host.on('coreStatus', (s) => statuses.push(s));
  await host.start();
  // The app's core has real accounts: the first start makes the administrator, who is signed in.
  if (value<{ phase: string }>(await host.call('sessionState', {})).phase === 'setup') value(await host.call('setupAdmin', ADMIN));
  else await signInAgain(host);
  return { host, dialogAnswer, pids, statuses, printed, sealed };
}

const ADMIN = { username: 'ani', displayName: 'Ani', password: 'kata-sandi-ani' };
/** A restarted core starts signed out: the window signs in again. */
const signInAgain = async (host: CoreHost): Promise<void> => void value(await host.call('signIn', { username: ADMIN.username, password: ADMIN.password }));

/** The file as the app gets it: the core asks the main process's dialog, and keeps the path behind a handle. */
async function choose(started: Started, path: string, purpose: 'open-list' | 'save-pdf' | 'save-xlsx'): Promise<string> {
  started.dialogAnswer.path = path;
  const picked = value<{ file: { handle: string; name: string } | null }>(await started.host.call('pickFile', { purpose }));
  if (!picked.file) throw new Error('no file chosen');
  return picked.file.handle;
}

async function register(host: CoreHost, name: string): Promise<{ id: number; queue: string }> {
  const patient = value<{ id: number }>(await host.call('createPatient', { name, dob: '1980-01-01' }));
  return value(await host.call('registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' }));
}

describe('the core process behind CoreHost', () => {
  it('answers contract calls, validates them in the core, and passes events on', async () => {
    const dir = tempDir();
    const started = await startHost(join(dir, 'loket.db'));
    const { host } = started;
    const progress: string[] = [];
    host.on('importProgress', (p) => progress.push(p.phase));
    const file = await choose(started, writeSampleCsv(dir), 'open-list');
    const report = value<{ rows: { imported: number } }>(await host.call('importList', { file, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' }));
    expect(report.rows.imported).toBeGreaterThan(3);
    expect(progress).toContain('done');
    const found = value<{ matches: { name: string }[] }>(await host.call('lookup', { query: SITI.nik }));
    expect(found.matches[0]?.name).toBe(SITI.name);
    // An XLSX export: the built core loads ExcelJS only on first use (core/export/load-exceljs.ts).
    const xlsx = join(dir, 'anggota.xlsx');
    value(await host.call('exportMembers', { list: 'PBI APBD', format: 'xlsx', file: await choose(started, xlsx, 'save-xlsx') }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets[0]!.rowCount).toBe(report.rows.imported + 1);
    const refused = await host.call('lookup', { query: '' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('invalid-input');
    const unknown = await host.call('dropAllTables', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown-method');
  });

  it('prints and seals through the main process services', async () => {
    const dir = tempDir();
    const started = await startHost(join(dir, 'loket.db'));
    const { host, printed, sealed } = started;
    const visit = await register(host, 'Ani Lestari');
    value(await host.call('printSlip', { visitId: visit.id, paper: '80mm' }));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(visit.queue);
    const pdf = join(dir, 'slip.pdf');
    value(await host.call('exportSlipPdf', { visitId: visit.id, file: await choose(started, pdf, 'save-pdf') }));
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.4 stand-in');
    const service = { baseUrl: '', consId: '' };
    const form = { use: 'off', vclaim: { ...service, baseUrl: 'https://apijkn.example/vclaim-rest', consId: '123', secret: 'rahasia-sekali' }, pcare: service, timeoutSeconds: 5, slowSeconds: 2, probeSeconds: 60 };
    value(await host.call('saveBpjsSettings', form));
    expect(sealed).toContain('rahasia-sekali');
  });

  it('restarts the core after a SIGKILL: the call in flight says so, the next ones work, nothing committed is lost', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const started = await startHost(dbPath);
    const { host, pids, statuses } = started;
    const before = await register(host, 'Budi Santoso');
    // A slow call in flight when the process dies: a 20,000-row import.
    const { writeCsvList } = await import('../../fixtures/write-list-files');
    const big = join(dir, 'big.csv');
    await writeCsvList(big, { count: 20_000, seed: 3 });
    const inFlight = host.call('importList', { file: await choose(started, big, 'open-list'), list: 'PBI APBN', kind: 'pbi-apbn', asOf: '2026-11-01' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.kill(pids[0]!, 'SIGKILL');
    const answer = await inFlight;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('core-restarted');
    // The next call waits for the new process instead of failing; the new process starts signed out.
    expect(await host.call('dayQueue', {})).toEqual({ ok: false, error: { code: 'session/required' } });
    await signInAgain(host);
    const after = await register(host, 'Citra Dewi');
    expect(pids).toHaveLength(2);
    expect(statuses.map((s) => s.state)).toEqual(['running', 'restarting', 'running']);
    expect(host.status).toMatchObject({ state: 'running', restarts: 1 });
    const queue = value<{ visitId: number }[]>(await host.call('dayQueue', {}));
    expect(queue.map((q) => q.visitId)).toEqual(expect.arrayContaining([before.id, after.id]));
  });

  it('gives up after repeated crashes instead of looping', async () => {
    const dir = tempDir();
    const { host, pids, statuses } = await startHost(join(dir, 'loket.db'));
    for (let i = 0; i < 4; i++) {
      const pid = pids[pids.length - 1]!;
      process.kill(pid, 'SIGKILL');
      await waitFor(() => statuses.length > 0 && (statuses.at(-1)!.state === 'failed' || (pids.at(-1) !== pid && statuses.at(-1)!.state === 'running')));
    }
    expect(host.status.state).toBe('failed');
    const refused = await host.call('listLists', {});
    expect(!refused.ok && refused.error.code).toBe('core-restarted');
  });

  it('a database the core cannot open fails the start with the reason, and is not retried', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    createCore({ dbPath, key: 'the-right-key', bpjsBackground: false }).close();
    const pids: number[] = [];
    const host = new CoreHost({
      spawn: () => {
        const child = spawnNodeCore();
        pids.push(child.pid);
        return child;
      },
      config: { dbPath, key: 'a-wrong-key', workerScript: null, secretBox: null, printer: false, dialogs: false },
      services: {},
    });
    hosts.push(host);
    const failure = await host.start().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CoreStartError);
    // Said as the key problem it is, for the error box to word.
    expect((failure as CoreStartError).reason).toEqual({ code: 'database/wrong-key', params: { path: dbPath } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pids).toHaveLength(1);
    expect(host.status.state).toBe('failed');
    expect(existsSync(dbPath)).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
