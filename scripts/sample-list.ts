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
 * or Daftar peserta → Impor in the app. It prints a few members to look up, in Indonesian as the
 * `loket` command does (`--lang en` or LOKET_LANG=en for English).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSampleList } from '../test/fixtures/sample-list-file';

/** What the script says, in the language of the `loket` command (Indonesian unless asked). */
const WORDS = {
  id: {
    usage: 'Pemakaian: npm run sample-list -- [BERKAS.xlsx|BERKAS.csv] [--rows N] [--seed N] [--lang id|en]',
    rows: '--rows harus bilangan bulat dari 10 sampai 1000000',
    seed: '--seed harus bilangan bulat',
    wrote: (path: string, rows: number, header: number, damaged: number) => `Ditulis ${path}: ${rows} peserta, judul kolom di baris ${header}, ${damaged} baris dengan sel rusak.`,
    tryThese: 'Coba cari mereka di loket (NIK, nomor kartu, atau nama dengan tanggal lahir):',
    failed: (path: string, why: string) => `Tidak bisa menulis ${path}: ${why}`,
  },
  en: {
    usage: 'Usage: npm run sample-list -- [FILE.xlsx|FILE.csv] [--rows N] [--seed N] [--lang id|en]',
    rows: '--rows must be a whole number from 10 to 1000000',
    seed: '--seed must be a whole number',
    wrote: (path: string, rows: number, header: number, damaged: number) => `Wrote ${path}: ${rows} members, header on row ${header}, ${damaged} rows with damaged cells.`,
    tryThese: 'Try these at the counter (NIK, card, or name with birth date):',
    failed: (path: string, why: string) => `Could not write ${path}: ${why}`,
  },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const say = WORDS[(values.lang ?? process.env['LOKET_LANG']) === 'en' ? 'en' : 'id'];
if (values.help) {
  console.log(say.usage);
  process.exit(0);
}
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!Number.isInteger(rows) || rows < 10 || rows > 1_000_000) {
  console.error(say.rows);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(say.seed);
  process.exit(2);
}
const path = resolve(positionals[0] ?? 'sample-pbi-apbd.xlsx');
writeSampleList(path, { rows, seed }).then(
  (written) => {
    console.log(say.wrote(written.path, rows, written.headerRow, written.damaged));
    console.log(say.tryThese);
    for (const m of written.examples) console.log(`  ${m.nik}  ${m.card}  ${m.name}  ${m.dob}  ${m.status}`);
  },
  (error: unknown) => {
    console.error(say.failed(path, error instanceof Error ? error.message : String(error)));
    process.exit(1);
  },
);
