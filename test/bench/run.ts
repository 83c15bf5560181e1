/**
 * `npm run bench`: the figures issue #2 asks for, as JSON on stdout (and in
 * test-results/bench.json). Not a test: nothing here asserts a time.
 *
 *   BENCH_SIZES=1000000,3000000   member counts for the CSV import and look-up runs (BPJS extract shape, 9 columns)
 *   BENCH_WIDE_ROWS=1000000       rows of the wide-list import run (DTKS shape, 20 columns)
 *   BENCH_XLSX_ROWS=300000        rows of the XLSX import run (hand-made shape, 13 columns)
 *   BENCH_DIR=/tmp/...            where the generated files and databases go
 *   SQLITE3=/usr/bin/sqlite3      the sqlite3 command the CSV import is compared with (skipped, with the reason, when absent)
 *   BENCH_RATIO_ROUNDS=3          alternating rounds of Loket's CSV import and sqlite3's (the median is reported, each round listed)
 *   BENCH_HUB_REGISTRATIONS=3000  registrations pushed to the facility hub's register (hub-apply.ts; 0 leaves it out)
 *   BENCH_AUDIT_ENTRIES=200000     audit entries appended before measuring an append on a long trail (audit-append.ts; 0 leaves it out)
 *   BENCH_DUPLICATE_PATIENTS=200000  records of the facility table the check before a new record runs on (duplicate-check.ts; 0 leaves it out)
 *   BENCH_HUB=1                   the hub at scale over HTTPS: 40 counters (hub-http.ts), sync lag (hub-sync-lag.ts), an edition to 40 counters (hub-editions.ts); 0 leaves them out
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createCore, type Core } from '../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../src/core/store/resolve-file-key';
import { memberAt } from '../fixtures/generate-members';
import { writeCsvList, writeXlsxList } from '../fixtures/write-list-files';
import { benchAuditAppend } from './audit-append';
import { benchDuplicateCheck } from './duplicate-check';
import { benchHubApply } from './hub-apply';
import { benchHubEditions } from './hub-editions';
import { benchHubHttp } from './hub-http';
import { benchHubSyncLag } from './hub-sync-lag';
import { benchNameSimilarity } from './name-similarity';
import { benchReaderThread } from './reader-thread';
import { databaseBytes, sqlite3Import, type Sqlite3Import } from './sqlite3-import';
import { percentile, round } from './stats';

const SEED = 7;
const sizes = (process.env.BENCH_SIZES ?? '1000000,3000000').split(',').filter(Boolean).map(Number);
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 300_000);
const wideRows = Number(process.env.BENCH_WIDE_ROWS ?? 1_000_000);
const workDir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'loket-bench-'));
const workerScript = join(__dirname, '../../out/main/import-worker.js');
const ratioRounds = Math.max(1, Number(process.env.BENCH_RATIO_ROUNDS ?? 3));

/** The database the `loket` command made, opened as that command opens it: its key from <db>.key, as the administrator. */
function openCore(dbPath: string): Core {
  return createCore({ dbPath, workerScript, actor: { username: 'cli:bench', role: 'admin' }, ...keyConfigOf(resolveFileKey({ dbPath, mayCreate: false, env: {} })) });
}

/** Imports in a child process through the built CLI (see import-child.cjs): its peak memory is the import's own. */
function timeImport(path: string, dbPath: string, list: string): { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number } {
  const out = execFileSync(process.execPath, [join(__dirname, 'import-child.cjs'), path, dbPath, list], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

/**
 * Latency of `count` calls in microseconds: p50, p95, p99. Each call gets its own turn of the
 * event loop, as in the core process (one port message per call): the look-up's audit entry is
 * written at the end of that turn, after the answer (appendAuditSoon), and not timed here; its
 * cost is `auditAppend.append`.
 */
async function latency(count: number, query: (i: number) => { query: string; dob?: string }, core: Core) {
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < count; i++) {
    const q = query(i);
    const started = performance.now();
    const result = await core.lookup(q);
    samples.push((performance.now() - started) * 1000);
    if (result.matches.length > 0) found++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { calls: count, foundShare: round(found / count, 3), p50Us: round(percentile(samples, 50), 1), p95Us: round(percentile(samples, 95), 1), p99Us: round(percentile(samples, 99), 1) };
}

/** A name as a clerk types it: mixed case, sometimes a typo (a letter swapped). */
function typedName(name: string, i: number): string {
  const lower = name.toLowerCase();
  if (i % 3 !== 0 || lower.length < 6) return lower;
  const at = 2 + (i % (lower.length - 4));
  return lower.slice(0, at) + lower[at + 1] + lower[at] + lower.slice(at + 2);
}

/**
 * Loket's import and sqlite3's of the same file, alternating for `ratioRounds` rounds: one run of
 * each moves by ±20 % on a shared machine, and alternating exposes both to the same minutes. The
 * figures are the median round's (by Loket's time), the ratio the median of the rounds' ratios,
 * and the peak memory the highest of any round. The database left is the last round's.
 */
function compareWithSqlite3(csv: string, dbPath: string) {
  const runs: { loket: ReturnType<typeof timeImport>; sqlite3: Sqlite3Import }[] = [];
  for (let r = 0; r < ratioRounds; r++) {
    // The database and everything beside it: its key file too (Loket refuses a key without its database).
    for (const name of readdirSync(workDir)) if (name.startsWith(basename(dbPath))) rmSync(join(workDir, name), { recursive: true, force: true });
    const loket = timeImport(csv, dbPath, 'BPJS');
    runs.push({ loket, sqlite3: sqlite3Import(csv, join(workDir, 'sqlite3.db')) });
  }
  const byTime = [...runs].sort((a, b) => a.loket.seconds - b.loket.seconds);
  const median = byTime[Math.floor((byTime.length - 1) / 2)]!;
  const csvImport = { ...median.loket, peakRssMb: Math.max(...runs.map((r) => r.loket.peakRssMb)) };
  const ratios = runs.flatMap((r) => ('seconds' in r.sqlite3 ? [r.loket.seconds / r.sqlite3.seconds] : [])).sort((a, b) => a - b);
  const loketOverSqlite3 = ratios.length > 0 ? round(ratios[Math.floor((ratios.length - 1) / 2)]!, 2) : null;
  const rounds = runs.map((r) => ({
    loketSeconds: r.loket.seconds,
    sqlite3Seconds: 'seconds' in r.sqlite3 ? r.sqlite3.seconds : null,
    ratio: 'seconds' in r.sqlite3 ? round(r.loket.seconds / r.sqlite3.seconds, 2) : null,
  }));
  return { csvImport, sqlite3: median.sqlite3, loketOverSqlite3, rounds };
}

async function benchSize(members: number) {
  const csv = join(workDir, `bpjs-${members}.csv`);
  const generated = performance.now();
  await writeCsvList(csv, { count: members, seed: SEED, layout: 'bpjs' });
  const generateSeconds = round((performance.now() - generated) / 1000, 1);
  const dbPath = join(workDir, `loket-${members}.db`);
  const { csvImport, sqlite3, loketOverSqlite3, rounds } = compareWithSqlite3(csv, dbPath);
  const core = openCore(dbPath);
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const bytesPerMember = Math.round(databaseBytes(dbPath) / members);
  const pick = (i: number) => memberAt(SEED, (i * 7919) % members);
  // Warm the statement cache and the page cache as a morning at the counter would.
  await latency(200, (i) => ({ query: pick(i).nik }), core);
  const result = {
    members,
    csvFileMb: round(statSync(csv).size / 2 ** 20, 1),
    generateSeconds,
    csvImport,
    sqlite3Import: sqlite3,
    loketOverSqlite3,
    ratioRounds: rounds,
    // The reader's thread alone on the same file (reader-thread.ts): reading, splitting, validating.
    readerThread: await benchReaderThread(csv),
    bytesPerMember,
    lookupByNik: await latency(20_000, (i) => ({ query: pick(i).nik }), core),
    lookupByCard: await latency(20_000, (i) => ({ query: pick(i).card }), core),
    nameWithDob: await latency(2_000, (i) => {
      const m = pick(i);
      return { query: typedName(m.name, i), dob: `${m.birthYear}-${String(m.birthMonth).padStart(2, '0')}-${String(m.birthDay).padStart(2, '0')}` };
    }, core),
    nameWithoutDob: await latency(2_000, (i) => ({ query: typedName(pick(i).name, i) }), core),
    // The worst a clerk (or a stuck scanner) can send within the contract's 200 characters.
    worstQueries: await worstQueries(core, pick),
  };
  core.close();
  rmSync(csv, { force: true });
  return result;
}

/** Query shapes that cost most: long names (many words, one long word), very common words, short prefixes. Target: every p99 within 50 ms at 3M. */
async function worstQueries(core: Core, pick: (i: number) => ReturnType<typeof memberAt>) {
  const longName = (i: number): string => Array.from({ length: 40 }, (_, k) => pick(i + k).name.split(' ')[0]).join(' ').slice(0, 200);
  const shapes: Record<string, (i: number) => { query: string; dob?: string }> = {
    fortyWordName: (i) => ({ query: longName(i) }),
    fortyWordNameWithDob: (i) => ({ query: longName(i), dob: '1980-01-01' }),
    sixCommonWords: (i) => ({ query: Array.from({ length: 6 }, (_, k) => pick(i + k).name.split(' ')[0]).join(' ') }),
    oneWordOf200Letters: (i) => ({ query: 'A'.repeat(199 - (i % 5)) + 'S' }),
    commonFirstName: (i) => ({ query: ['MUHAMMAD', 'SITI', 'NUR', 'DEWI', 'AHMAD'][i % 5]! }),
    twoLetterPrefix: (i) => ({ query: ['SI', 'MU', 'NU', 'AH', 'DE'][i % 5]! }),
    threeLetterPrefix: (i) => ({ query: ['SIT', 'MUH', 'NUR', 'AHM', 'DEW'][i % 5]! }),
    commonNamePair: (i) => ({ query: ['MUHAMMAD RIZKI', 'SITI NURHALIZA', 'NUR HASANAH', 'DEWI LESTARI', 'AHMAD FAUZI'][i % 5]! }),
  };
  const out: Record<string, Awaited<ReturnType<typeof latency>>> = {};
  for (const [name, shape] of Object.entries(shapes)) out[name] = await latency(200, shape, core);
  return { ...out, worstP99Us: Math.max(...Object.values(out).map((r) => r.p99Us)) };
}

async function benchXlsx() {
  const xlsx = join(workDir, `handmade-${xlsxRows}.xlsx`);
  await writeXlsxList(xlsx, { count: xlsxRows, seed: SEED, layout: 'handmade', titleRows: ['DAFTAR PESERTA PBI APBD'], totalsRow: true });
  const dbPath = join(workDir, 'loket-xlsx.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.lists`, { recursive: true, force: true });
  const result = { rows: xlsxRows, fileMb: round(statSync(xlsx).size / 2 ** 20, 1), xlsxImport: timeImport(xlsx, dbPath, 'XLSX') };
  rmSync(xlsx, { force: true });
  return result;
}

async function benchWide() {
  const csv = join(workDir, `dtks-${wideRows}.csv`);
  await writeCsvList(csv, { count: wideRows, seed: SEED, layout: 'dtks', separator: ';' });
  const dbPath = join(workDir, 'loket-wide.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.lists`, { recursive: true, force: true });
  const result = { rows: wideRows, layout: 'dtks (20 columns, ;)', fileMb: round(statSync(csv).size / 2 ** 20, 1), csvImport: timeImport(csv, dbPath, 'DTKS') };
  const bytesPerMember = Math.round(databaseBytes(dbPath) / wideRows);
  rmSync(csv, { force: true });
  return { ...result, bytesPerMember };
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const report = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    targets: { csvRowsPerSecond: 150_000, xlsxRowsPerSecond: 40_000, peakRssMb: 400, idLookupP99Us: 500, nameWithDobP95Us: 20_000, nameWithoutDobP95Us: 50_000, worstQueryP99Us: 50_000, loketOverSqlite3: 1.3, bytesPerMember: 300 },
    sizes: [] as unknown[],
    xlsx: xlsxRows > 0 ? await benchXlsx() : null,
    wide: wideRows > 0 ? await benchWide() : null,
    hubApply: Number(process.env.BENCH_HUB_REGISTRATIONS ?? 3000) > 0 ? await benchHubApply() : null,
    nameSimilarity: benchNameSimilarity(),
    duplicateCheck: process.env.BENCH_DUPLICATE_PATIENTS === '0' ? null : benchDuplicateCheck(),
    auditAppend: process.env.BENCH_AUDIT_ENTRIES === '0' ? null : await benchAuditAppend(),
    hub: process.env.BENCH_HUB === '0' ? null : { http: await benchHubHttp(), syncLag: await benchHubSyncLag(), editions: await benchHubEditions() },
  };
  for (const members of sizes) report.sizes.push(await benchSize(members));
  const json = JSON.stringify(report, null, 2);
  mkdirSync(join(__dirname, '../../test-results'), { recursive: true });
  writeFileSync(join(__dirname, '../../test-results/bench.json'), json);
  console.log(json);
  if (!process.env.BENCH_DIR) rmSync(workDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
