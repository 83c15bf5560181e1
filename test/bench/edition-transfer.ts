/**
 * What making an edition file travel costs, as JSON on stdout (not a test: nothing asserts a time).
 *
 *   tsx test/bench/edition-transfer.ts          BENCH_EDITION_ROWS=1000000 by default
 *
 * Builds an edition file of generated members (the import's table and indexes), then times the
 * content hash (added to every import), verifyEditionFile (hub intake, counter fetch), the
 * portable copy, gzip and the re-encryption a counter with a key does at install.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DETAIL_SEPARATOR, createMemberKeyIndexesSql, createMemberTableSql, createNameIndexSql } from '../../src/core/lists/member-table';
import { contentHashOf, writeEditionMeta } from '../../src/core/sync/edition-meta';
import { verifyEditionFile } from '../../src/core/sync/edition-verify';
import { rekeyFile } from '../../src/core/sync/transfer-key';
import { memberAt } from '../fixtures/generate-members';

const rows = Number(process.env.BENCH_EDITION_ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'loket-bench-edition-'));
const seconds = (start: number): number => Math.round((performance.now() - start) / 10) / 100;

try {
  const path = join(dir, 'e1.db');
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(createMemberTableSql());
  const insert = db.prepare('INSERT INTO members (nik, card, dob, flags, name, detail, row, name_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const m = memberAt(7, i);
      const dob = m.birthYear * 10000 + m.birthMonth * 100 + m.birthDay;
      const detail = [m.sex, '', m.segment, m.facility, m.hakKelas, m.address, m.rt, m.rw, m.village, m.district, m.city, m.province, m.birthPlace].join(DETAIL_SEPARATOR);
      insert.run(m.nik, Number(m.card), dob, 1, m.name, detail, i + 2, `${m.name.replace(/[^A-Z ]/g, '')} D${dob}`);
    }
  })();
  db.exec(createMemberKeyIndexesSql());
  db.exec(createNameIndexSql());
  db.exec('CREATE TABLE edition_meta (key TEXT PRIMARY KEY, value TEXT)');

  let t = performance.now();
  const hashed = contentHashOf(db);
  const contentHashSeconds = seconds(t);
  writeEditionMeta(db, { list: 'BENCH', kind: 'pbi-apbd', asOf: '2026-11-01', sourceFile: 'bench.csv', sourceSha256: 'x', sourceFormat: 'csv', ...hashed });
  db.close();

  t = performance.now();
  const check = verifyEditionFile(path);
  const verifySeconds = seconds(t);
  if (!check.ok) throw new Error(`verification failed: ${check.code}`);

  t = performance.now();
  const source = new Database(path, { readonly: true });
  source.prepare('VACUUM INTO ?').run(join(dir, 'copy.db'));
  source.close();
  const vacuumIntoSeconds = seconds(t);

  t = performance.now();
  const gz = gzipSync(readFileSync(join(dir, 'copy.db')), { level: 6 });
  const gzipSeconds = seconds(t);

  t = performance.now();
  rekeyFile(join(dir, 'copy.db'), undefined, 'bench-key');
  const encryptSeconds = seconds(t);

  console.log(JSON.stringify({
    bench: 'edition-transfer',
    rows,
    fileMb: Math.round(statSync(path).size / 1e5) / 10,
    gzMb: Math.round(gz.length / 1e5) / 10,
    contentHashSeconds,
    verifySeconds,
    vacuumIntoSeconds,
    gzipSeconds,
    encryptSeconds,
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
