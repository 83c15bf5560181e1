/**
 * The check before a new record (patients/likely-duplicates.ts) on a large facility: a table of
 * BENCH_DUPLICATE_PATIENTS identified records (generated Indonesian names, birth dates), made at
 * counter migration 022 and then opened as the core opens it (so the later migrations run on
 * it: `openMs`). Measures findDuplicateMatches with the record's birth date, without one (a JKN
 * card alone), and for a name nobody has. Not a test: nothing asserts a time. Run alone with
 * `npx tsx test/bench/duplicate-check.ts`, or as part of `npm run bench`.
 *
 *   BENCH_DUPLICATE_PATIENTS=200000   records in the table
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { findDuplicateMatches } from '../../src/core/patients/likely-duplicates';
import { migrate } from '../../src/core/store/migrations';
import { openDatabase, type Db } from '../../src/core/store/open-database';
import { normalizeName } from '../../src/shared/names';
import { memberAt } from '../fixtures/generate-members';
import { percentile, round } from './stats';

const SEED = 23;
const CALLS = 20;

/** The records as a counter of that size holds them, written at schema 022 in one transaction. */
function makeTable(path: string, count: number): void {
  const db = new Database(path);
  migrate(db, 22);
  const insert = db.prepare(`INSERT INTO patients (mrn, name, name_key, dob, sex, identified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 't', 't')`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const m = memberAt(SEED, i);
      const dob = `${m.birthYear}-${String(m.birthMonth).padStart(2, '0')}-${String(m.birthDay).padStart(2, '0')}`;
      insert.run(String(i + 1).padStart(6, '0'), m.name, normalizeName(m.name).key, dob, m.sex);
    }
  })();
  db.close();
}

/** Milliseconds per check over CALLS names of the table (after one warm-up call), and the matches seen. */
function timeChecks(db: Db, count: number, query: (i: number) => { name: string; dob: string | null }) {
  const first = query(0);
  findDuplicateMatches(db, first.name, first.dob);
  const samples: number[] = [];
  let matches = 0;
  for (let i = 0; i < CALLS; i++) {
    const q = query(i);
    const started = performance.now();
    matches += findDuplicateMatches(db, q.name, q.dob).length;
    samples.push(performance.now() - started);
  }
  return { calls: CALLS, p50Ms: round(percentile(samples, 50), 2), p95Ms: round(percentile(samples, 95), 2), matchesPerCall: round(matches / CALLS, 1), records: count };
}

export function benchDuplicateCheck(count = Number(process.env.BENCH_DUPLICATE_PATIENTS ?? 200_000)) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-duplicates-'));
  try {
    const path = join(dir, 'loket.db');
    makeTable(path, count);
    const opening = performance.now();
    const db = openDatabase(path);
    const openMs = round(performance.now() - opening, 0);
    try {
      const record = (i: number) => db.prepare('SELECT name, dob FROM patients WHERE id = ?').get(1 + ((i * 9973) % count)) as { name: string; dob: string };
      return {
        openMs,
        withDate: timeChecks(db, count, (i) => record(i)),
        withoutDate: timeChecks(db, count, (i) => ({ name: record(i).name, dob: null })),
        unknownNameWithoutDate: timeChecks(db, count, (i) => ({ name: `ZULKARNAEN WIRAPRAJA ${String.fromCharCode(65 + (i % 26))}`, dob: null })),
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) console.log(JSON.stringify({ duplicateCheck: benchDuplicateCheck() }, null, 2));
