/**
 * The restore tests' child: a core holding the database open, as the app's core or the harness
 * does, until it is killed (SIGKILL: a power cut, a crash). Prints LOKET_READY once open.
 * Usage: tsx restore-holder-child.ts DB
 */
import { createCore } from '../../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';

const [dbPath] = process.argv.slice(2);
const core = createCore({ dbPath: dbPath!, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: dbPath!, mayCreate: false })) });
void core.getSettings({}).then(() => process.stdout.write('LOKET_READY\n'));
setInterval(() => {}, 60_000);
