/**
 * The audit trail's cost: every look-up appends an entry, so an append must be small beside the
 * look-up itself. Measures, on a 100,000-member list: the audited look-up by NIK as the counter
 * calls it (its entry is written after the answer, so this is what the clerk waits for), one look-up's append alone (SHA-256 + two prepared statements in an IMMEDIATE
 * transaction, not waiting for the disk), a name search's append with the numbers of the 20
 * people it showed (the person index), a registration's append (synced to disk),
 * the append again once the trail holds BENCH_AUDIT_ENTRIES entries (it must not grow with the
 * trail), and the append's share of the look-up. Not a test: nothing asserts a time. Run alone
 * with `npx tsx test/bench/audit-append.ts`, or as part of `npm run bench` (BENCH_AUDIT_ENTRIES=0
 * leaves it out).
 *
 *   BENCH_AUDIT_ENTRIES=200000   entries appended before the second measure
 *   BENCH_AUDIT_MEMBERS=100000   members of the list looked up
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../../src/core/audit/audit-log.repo';
import type { AuditDetail } from '../../src/shared/audit';
import { createCore } from '../../src/core/core';
import { memberAt } from '../fixtures/generate-members';
import { writeCsvList } from '../fixtures/write-list-files';
import { percentile, round } from './stats';

const SEED = 11;

function micros(samples: number[]) {
  return { p50Us: round(percentile(samples, 50), 1), p95Us: round(percentile(samples, 95), 1), p99Us: round(percentile(samples, 99), 1) };
}

/** A name search's entry: the NIK of each of the 20 rows it showed (the person index, audit_person_keys). */
const shownPersons = (i: number): string[] => Array.from({ length: 20 }, (_, row) => memberAt(SEED, (i * 20 + row) % 100_000).nik);

function timeAppends(db: Parameters<typeof appendAudit>[0], count: number, relaxed = true, byName = false): number[] {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const detail: AuditDetail = byName ? { method: 'lookup', query: 'BUDI SANTOSO', matches: 20, persons: shownPersons(i) } : { method: 'lookup', query: `3673${String(i).padStart(12, '0')}`, matches: 1 };
    const started = performance.now();
    appendAudit(db, { at: new Date().toISOString(), actor: 'bench', action: 'lookup', detail }, { relaxed });
    samples.push((performance.now() - started) * 1000);
  }
  return samples;
}

export async function benchAuditAppend() {
  const entries = Number(process.env.BENCH_AUDIT_ENTRIES ?? 200_000);
  const members = Number(process.env.BENCH_AUDIT_MEMBERS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-audit-'));
  try {
    const csv = join(dir, 'list.csv');
    await writeCsvList(csv, { count: members, seed: SEED, layout: 'bpjs' });
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, hubBackground: false });
    try {
      await core.importList({ file: core.registerFile(csv, 'open-list').handle, list: 'BPJS', kind: 'bpjs', asOf: '2026-11-01' });
      const lookups: number[] = [];
      for (let i = 0; i < 5_000; i++) {
        const started = performance.now();
        await core.lookup({ query: memberAt(SEED, (i * 7919) % members).nik });
        lookups.push((performance.now() - started) * 1000);
        // The entry is written at the end of the turn, after the answer (appendAuditSoon).
        await new Promise((resolve) => setImmediate(resolve));
      }
      const fresh = timeAppends(core.db, 5_000);
      // A search by name that showed 20 people: their numbers go into the person index too.
      const byName = timeAppends(core.db, 2_000, true, true);
      // A registration's entry waits for the disk, as the registration itself does.
      const synced = timeAppends(core.db, 1_000, false);
      const bulk = performance.now();
      timeAppends(core.db, entries);
      const bulkSeconds = (performance.now() - bulk) / 1000;
      const long = timeAppends(core.db, 5_000);
      const lookup = micros(lookups);
      const append = micros(fresh);
      return {
        members,
        auditedLookupByNik: lookup,
        append,
        appendNameSearch: micros(byName),
        appendSynced: micros(synced),
        appendAfterLongTrail: { trail: entries + 10_000, ...micros(long) },
        appendsPerSecond: entries > 0 ? round(entries / bulkSeconds, 0) : null,
        // The core's work per look-up that the trail adds (p50), written after the answer.
        appendOverLookup: round(append.p50Us / lookup.p50Us, 3),
      };
    } finally {
      core.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchAuditAppend()
    .then((result) => console.log(JSON.stringify({ auditAppend: result }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
