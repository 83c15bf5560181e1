/**
 * The key crash tests' child: opens the database as the CLI does (the key beside it; a plain
 * database is converted at open) and, with `rekey`, re-keys it. With LOKET_TEST_KEY_PAUSE_AT
 * set it stops at that moment (store/key-test-pause.ts) and waits to be killed.
 * Usage: tsx key-crash-child.ts DB open|rekey
 */
import { createCore } from '../../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';

const [dbPath, action] = process.argv.slice(2);
const core = createCore({ dbPath: dbPath!, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: dbPath!, mayCreate: false })) });
(action === 'rekey' ? core.rekeyDatabase({}) : Promise.resolve())
  .then(() => {
    process.stdout.write('LOKET_DONE\n');
    core.close();
  })
  .catch((error: unknown) => {
    process.stdout.write(`LOKET_FAILED ${String(error)}\n`);
    process.exit(1);
  });
