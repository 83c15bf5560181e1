// One import through the built `loket` command in a process of its own, so the peak memory
// measured is the import's alone (its import and reader workers are threads of this process,
// and no TypeScript loader inflates it). Usage: node import-child.cjs FILE DB LIST
// Prints the import report's figures and the process's peak resident memory as one JSON line.
const { join } = require('node:path');
const { runCli } = require(join(__dirname, '../../out/main/cli.js'));

const [file, db, list] = process.argv.slice(2);
let report = '';
const output = {
  json: true,
  data: (value) => (report = value),
  line: () => {},
  error: (text) => process.stderr.write(`${text}\n`),
  progress: () => {},
};
const started = performance.now();
runCli(['import', file, '--list', list, '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db, '--json'], () => output).then((code) => {
  if (code !== 0) process.exit(code);
  const seconds = (performance.now() - started) / 1000;
  const rows = report.rows.read;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ rows, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), peakRssMb }));
});
