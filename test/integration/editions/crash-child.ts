/**
 * The crash test's child: a real import of a real CSV, as the CLI runs it (in this process,
 * no worker), into the database given. With LOKET_TEST_PAUSE_AT set it stops at that moment
 * (lists/test-pause.ts) and waits to be killed. Usage: tsx crash-child.ts DB CSV
 */
import { createCore } from '../../../src/core/core';

const [dbPath, csv] = process.argv.slice(2);
const core = createCore({ dbPath: dbPath!, workerScript: null, bpjsBackground: false });
core
  .importList({ file: core.registerFile(csv!, 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: '2026-12-01' })
  .then((report) => {
    process.stdout.write(`LOKET_DONE ${report.edition}\n`);
    core.close();
  })
  .catch((error: unknown) => {
    process.stdout.write(`LOKET_FAILED ${String(error)}\n`);
    process.exit(1);
  });
