/**
 * The check: "The raw bytes of every file hold no plain identifiers after an import and
 * a registration." Two counters, each a process of its own with its temporary folder inside the
 * scanned ones, and a real facility hub (HTTPS + PostgreSQL):
 *   counter A imports a CSV and an XLSX list (through the import worker thread and the name
 *   index's staging file), registers patients (NIK, card, name) and prints their slips, asks the
 *   BPJS simulator about one (bridge log, live answers), enrolls and uploads its editions;
 *   counter B enrolls and fetches them; then an import at A is killed with SIGKILL once all its
 *   rows are in (its building and staging files are left behind).
 * Every file under both data folders, the hub's data folder and the temporary folder is then
 * read byte by byte for every NIK, card number and name (plaintext-scan.ts). The same run
 * without a key is the control: the scan must find them there, or it proves nothing.
 * The hub's PostgreSQL files are not scanned: the facility's register lives there by design
 * (docs/encryption.md, "What is on disk").
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMembers, type GeneratedMember } from '../../fixtures/generate-members';
import { writeCsvList, writeXlsxList } from '../../fixtures/write-list-files';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { repoRoot } from '../../helpers/temp';
import { IMPORT_WORKER_JS, assertWorkersBuilt, startFacility } from '../editions-sync/sync-counters';
import type { Job, Step } from './counter-child';
import { PlaintextScanner, identifyingName, type Person, type ScanReport } from './plaintext-scan';

const CHILD = join(__dirname, 'counter-child.ts');
const KEY = 'kunci-loket-uji-pemindaian-2026';

/** The lists a clerk brings on a USB stick: outside the scanned folders (they are the source, not Loket's files). */
const CSV = { seed: 1301, count: 400, list: 'PBI APBD Kota Serang', asOf: '2026-11-01' };
const XLSX = { seed: 1302, count: 300, list: 'Jamkesda Kota Serang', asOf: '2026-11-05' };
const KILLED = { seed: 1303, count: 2_000, list: 'PBI APBD Kabupaten', asOf: '2026-11-20' };
/** Patients who come to the counter: two on the lists, one who is not (a walk-in paying themselves). */
const WALK_IN = { name: 'WIDYA PRAMESWARI KUSUMADEWI', nik: '3673016907880001', card: '0003999888777', dob: '1988-07-29' };

let server: TestPostgres;
let sources: string;
let databases = 0;
beforeAll(async () => {
  assertWorkersBuilt();
  server = await startTestPostgres();
  sources = mkdtempSync(join(tmpdir(), 'loket-scan-sources-'));
  await writeCsvList(join(sources, 'pbi.csv'), { count: CSV.count, seed: CSV.seed, layout: 'bpjs' });
  await writeXlsxList(join(sources, 'jamkesda.xlsx'), { count: XLSX.count, seed: XLSX.seed, layout: 'dinsos' });
  await writeCsvList(join(sources, 'killed.csv'), { count: KILLED.count, seed: KILLED.seed, layout: 'bpjs' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (sources) rmSync(sources, { recursive: true, force: true });
});

const membersOf = (source: { seed: number; count: number }): GeneratedMember[] => [...generateMembers(source)];

/** Everyone whose identifiers went into Loket in the scenario, names in their identifying form. */
function everyone(): Person[] {
  const people: { nik: string; card: string; name: string }[] = [...membersOf(CSV), ...membersOf(XLSX), ...membersOf(KILLED), WALK_IN];
  return people.map((p) => ({ nik: p.nik, card: p.card, name: identifyingName(p.name) }));
}

interface ChildRun {
  results: unknown[];
  line: string;
}

/** Runs the counter child with its temporary folders in `tmp`; resolves on LOKET_DONE, or kills it when it pauses. */
function runChild(job: Job, tmp: string, pauseAt?: 'index-build'): Promise<ChildRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, SQLITE_TMPDIR: tmp };
  delete env.LOKET_TEST_PAUSE_AT;
  if (pauseAt) env.LOKET_TEST_PAUSE_AT = pauseAt;
  // Node itself with tsx's loader (not the tsx command, whose grandchild a kill would miss).
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('LOKET_PAUSED') || l.startsWith('LOKET_FAILED'));
      if (line) proc.kill('SIGKILL');
    });
    proc.once('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('LOKET_')) ?? out;
      if (line.startsWith('LOKET_DONE ')) resolve({ results: JSON.parse(line.slice('LOKET_DONE '.length)) as unknown[], line: 'LOKET_DONE' });
      else if (line.startsWith('LOKET_PAUSED')) resolve({ results: [], line });
      else reject(new Error(`the counter child failed: ${out}`));
    });
  });
}

interface Scenario {
  scan: ScanReport;
  a: unknown[];
  b: unknown[];
  killed: string;
  roots: { counterA: string; counterB: string; hub: string; tmp: string };
}

/** The whole day at two counters and a hub, with or without a key; then the scan. */
async function runScenario(key: string | null): Promise<Scenario> {
  const root = mkdtempSync(join(tmpdir(), `loket-scan-${key ? 'sealed' : 'plain'}-`));
  const roots = { counterA: join(root, 'counter-a'), counterB: join(root, 'counter-b'), hub: join(root, 'hub'), tmp: join(root, 'tmp') };
  for (const dir of Object.values(roots)) mkdirSync(dir, { recursive: true });
  const facility = await startFacility(server, roots.hub);
  try {
    const job = (dir: string, steps: Step[]): Job => ({ dbPath: join(dir, 'loket.db'), key, workerScript: IMPORT_WORKER_JS, steps });
    const [onCsv, onXlsx] = [membersOf({ ...CSV, count: 1 })[0]!, membersOf({ ...XLSX, count: 1 })[0]!];
    const a = await runChild(
      job(roots.counterA, [
        { import: { file: join(sources, 'pbi.csv'), list: CSV.list, asOf: CSV.asOf } },
        { import: { file: join(sources, 'jamkesda.xlsx'), list: XLSX.list, asOf: XLSX.asOf } },
        { register: [WALK_IN, ...[onCsv, onXlsx].map((m) => ({ name: m.name, nik: m.nik, card: m.card, dob: dateOf(m) }))] },
        { bpjs: onCsv.nik },
        { enroll: await facility.codeFor(`Loket A ${++databases}`) },
        { sync: true },
        { sync: true },
      ]),
      roots.tmp,
    );
    const b = await runChild(
      job(roots.counterB, [{ enroll: await facility.codeFor(`Loket B ${databases}`) }, { sync: true }, { sync: true }, { lookup: onXlsx.nik }, { lookup: onCsv.card }]),
      roots.tmp,
    );
    // In-process (as the CLI imports) so the name keys are staged in their own file, left behind by the kill.
    const killedJob = { ...job(roots.counterA, [{ import: { file: join(sources, 'killed.csv'), list: KILLED.list, asOf: KILLED.asOf } }]), workerScript: null };
    const killed = await runChild(killedJob, roots.tmp, 'index-build');
    const scanner = new PlaintextScanner(everyone());
    const scan = scanner.scanFolders(Object.values(roots));
    console.log(`no-plaintext-on-disk (${key ? 'with a key' : 'control, no key'}): ${scan.files} files, ${scan.bytes} bytes scanned, ${scan.findings.length} identifiers found`);
    return { scan, a: a.results, b: b.results, killed: killed.line, roots };
  } finally {
    await facility.hub.stop();
  }
}

const dateOf = (m: { birthYear: number; birthMonth: number; birthDay: number }): string =>
  `${m.birthYear}-${String(m.birthMonth).padStart(2, '0')}-${String(m.birthDay).padStart(2, '0')}`;

/** The scenario did what it says: both lists imported, three patients, editions up and down, the import killed. */
function expectTheDayHappened(run: Scenario): void {
  expect(run.a).toEqual([
    { imported: CSV.count },
    { imported: XLSX.count },
    { registered: 3 },
    { online: 'answered' },
    { enrolled: true },
    { editions: expect.objectContaining({ uploaded: expect.any(Number), refused: 0 }) },
    { editions: expect.objectContaining({ refused: 0 }) },
  ]);
  const uploaded = run.a.slice(5).reduce((n: number, r) => n + (r as { editions: { uploaded: number } }).editions.uploaded, 0);
  expect(uploaded).toBe(2);
  const installed = run.b.slice(1, 3).reduce((n: number, r) => n + (r as { editions: { installed: number } }).editions.installed, 0);
  expect(installed).toBe(2);
  expect(run.b.slice(3)).toEqual([{ verdict: expect.not.stringMatching(/^unknown$/) }, { verdict: expect.not.stringMatching(/^unknown$/) }]);
  expect(run.killed).toBe('LOKET_PAUSED index-build');
}

const filesWith = (run: Scenario, under: string): string[] => [...new Set(run.scan.findings.filter((f) => f.file.startsWith(under)).map((f) => f.file.slice(under.length + 1)))].sort();

describe('no NIK, card number or name in plain text anywhere on disk', () => {
  it('with a key: not in any byte of any file of the counters, the hub’s data folder or the temporary folder', async () => {
    const run = await runScenario(KEY);
    try {
      expectTheDayHappened(run);
      expect(run.scan.findings.slice(0, 20)).toEqual([]);
      expect(run.scan.files).toBeGreaterThan(10);
      // The killed import's files were there to be scanned.
      expect(filesOf(run.roots.counterA)).toEqual(expect.arrayContaining([expect.stringMatching(/\.db\.building$/), expect.stringMatching(/\.names\.building$/), expect.stringMatching(/\.cards\.building$/)]));
      // Nor is any of them a plain SQLite file (the staged name index and card table included).
      expect(plainSqliteFiles(run)).toEqual([]);
    } finally {
      rmSync(join(run.roots.counterA, '..'), { recursive: true, force: true });
    }
  }, 600_000);

  it('the control without a key: the same scan finds them, so it can fail', async () => {
    const run = await runScenario(null);
    try {
      expectTheDayHappened(run);
      const kinds = new Set(run.scan.findings.map((f) => f.kind));
      expect([...kinds].sort()).toEqual(['card', 'name', 'nik']);
      // The register and every edition, the fetched ones too, and the killed import's leftovers.
      // (The staged name keys are single words, which the scan does not look for: the plain-SQLite check above covers them.)
      expect(filesWith(run, run.roots.counterA)).toEqual(expect.arrayContaining(['loket.db', expect.stringMatching(/^loket\.db\.lists\/e\d+\.db$/), expect.stringMatching(/\.db\.building$/)]));
      expect(plainSqliteFiles(run)).toEqual(expect.arrayContaining([expect.stringMatching(/\.names\.building$/)]));
      expect(filesWith(run, run.roots.counterB)).toEqual(expect.arrayContaining([expect.stringMatching(/^loket\.db\.lists\/e\d+\.db$/)]));
      // Even then the copies that travelled were encrypted with their transfer key: the hub holds nothing readable.
      expect(filesWith(run, run.roots.hub)).toEqual([]);
    } finally {
      rmSync(join(run.roots.counterA, '..'), { recursive: true, force: true });
    }
  }, 600_000);
});

const filesOf = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });

/** Files under the scanned folders that open as SQLite without a key (their first 16 bytes say so). */
function plainSqliteFiles(run: Scenario): string[] {
  return Object.values(run.roots).flatMap((root) =>
    filesOf(root).filter((name) => {
      const path = join(root, name);
      // The import lock is plain on purpose: an empty SQLite file whose lock is all that matters
      // (src/core/lists/import-lock.ts); the byte scan above still covers it.
      if (!statSync(path).isFile() || name.endsWith('.import-lock')) return false;
      const fd = openSync(path, 'r');
      try {
        const head = Buffer.alloc(16);
        return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\0';
      } finally {
        closeSync(fd);
      }
    }),
  );
}
