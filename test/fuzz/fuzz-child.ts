/**
 * One fuzz run, in its own process (so a fatal error or a memory blow-up is caught by the
 * parent, not fatal to the test runner): imports the valid seed list, then each mutant in turn,
 * and after every mutant checks that a look-up still answers. One JSON line per input on stdout.
 *
 *   node --import tsx test/fuzz/fuzz-child.ts <dir> <seed> <from> <count>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/core/core';
import { LoketError } from '../../src/core/errors';
import { mutant, seedRows, validCsv } from './mutate';

const [dir = '.', seedArg = '1', fromArg = '0', countArg = '20'] = process.argv.slice(2);
const seed = Number(seedArg);
const from = Number(fromArg);
const count = Number(countArg);

async function main(): Promise<void> {
  const core = createCore({ dbPath: join(dir, 'fuzz.db'), workerScript: null, bpjsBackground: false });
  const base = join(dir, 'valid.csv');
  writeFileSync(base, validCsv());
  const importFile = (path: string) => core.importList({ file: core.registerFile(path, 'open-list').handle, list: 'FUZZ', kind: 'pbi-apbd', asOf: '2026-11-01' });
  await importFile(base);
  const probe = seedRows()[1]![1]!; // a NIK of the valid list

  for (let i = from; i < from + count; i++) {
    const m = mutant(seed, i);
    const path = join(dir, `mutant-${seed}-${i}.${m.ext}`);
    writeFileSync(path, m.data);
    console.log(JSON.stringify({ i, name: m.name, phase: 'start' }));
    const started = Date.now();
    let outcome: string;
    try {
      const report = await importFile(path);
      outcome = `imported:${report.rows.imported}`;
      // Back to the valid edition, so the next mutant is checked against a known answer.
      await importFile(base);
    } catch (error) {
      outcome = error instanceof LoketError ? `refused:${error.key}` : `thrown:${error instanceof Error ? error.message : String(error)}`;
    }
    const found = (await core.lookup({ query: probe })).matches.length;
    const rss = Math.round(process.memoryUsage().rss / 1e6);
    console.log(JSON.stringify({ i, name: m.name, phase: 'done', outcome, ms: Date.now() - started, found, rssMb: rss }));
  }
  core.close();
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ phase: 'fatal', error: error instanceof Error ? error.stack : String(error) }));
  process.exit(3);
});
