/**
 * Makes a realistic sample eligibility list to try Loket with: invented people with valid NIKs
 * (region, birth date and sex encoded as on a real KTP) and card numbers, as a Dinas office
 * sends them: title rows above the header, a status column, a few damaged cells (a missing NIK
 * and card, a name in lower case with trailing spaces, a birth date written out in words), a
 * totals row and signature lines at the end.
 *
 *   npm run sample-list -- [FILE.xlsx|FILE.csv] [--rows N] [--seed N]
 *
 * Default: sample-pbi-apbd.xlsx with 2,000 rows in the current folder. Then, for example:
 *   loket import sample-pbi-apbd.xlsx --list "PBI APBD" --kind pbi-apbd --as-of 2026-11-01
 * or Daftar peserta → Impor in the app. It prints a few members to look up.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSampleList } from '../test/fixtures/sample-list-file';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('Usage: npm run sample-list -- [FILE.xlsx|FILE.csv] [--rows N] [--seed N]');
  process.exit(0);
}
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!Number.isInteger(rows) || rows < 10 || rows > 1_000_000) {
  console.error('--rows must be a whole number from 10 to 1000000');
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error('--seed must be a whole number');
  process.exit(2);
}
const path = resolve(positionals[0] ?? 'sample-pbi-apbd.xlsx');
writeSampleList(path, { rows, seed }).then(
  (written) => {
    console.log(`Wrote ${written.path}: ${rows} members, header on row ${written.headerRow}, ${written.damaged} rows with damaged cells.`);
    console.log('Try these at the counter (NIK, card, or name with birth date):');
    for (const m of written.examples) console.log(`  ${m.nik}  ${m.card}  ${m.name}  ${m.dob}  ${m.status}`);
  },
  (error: unknown) => {
    console.error(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
