/**
 * An import refused before its edition begins (a file that is not a list) ends the command: the
 * name index's thread, started as the import starts (name-sink.ts), is stopped with it. A thread
 * left running kept the process alive after the message, and the officer's script never ended.
 * Real CLI processes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

describe('loket import of a file it refuses', () => {
  it('ends with the reason when the file is not a list', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const notAList = join(dir, 'notulen.csv');
    writeFileSync(notAList, 'NOTULEN RAPAT\nhadir: 12 orang\nselesai pukul 11.00\n');
    const started = performance.now();
    const refused = await cli(['import', notAList, '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db, '--json', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'list-file/no-header' } });
    // Seconds at most: a thread left running would hold the process until the test's timeout.
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
