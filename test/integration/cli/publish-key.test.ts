import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishDbPath } from '../../../src/cli/commands/hub-edition';
import { publishKey } from '../../../src/cli/commands/publish-key';
import { createCore } from '../../../src/core/core';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

describe('the key of a hub’s publishing database', () => {
  it('is made once (0600) and used from then on: the imported members are not plain on the hub’s disk', async () => {
    const hubDir = tempDir();
    const dbPath = publishDbPath(hubDir);
    const key = publishKey(dbPath)!;
    expect(key).toMatch(/^raw:[0-9a-f]{64}$/);
    expect(publishKey(dbPath)).toBe(key);
    if (process.platform !== 'win32') expect(statSync(join(hubDir, 'publish', 'publish.key')).mode & 0o777).toBe(0o600);
    const core = createCore({ dbPath, key, workerScript: null, bpjsBackground: false, hubBackground: false });
    try {
      await core.importList({ file: fileFor(core, writeSampleCsv(tempDir())), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    } finally {
      core.close();
    }
    const edition = readFileSync(join(`${dbPath}.lists`, 'e1.db'));
    expect(edition.includes(Buffer.from(SITI.nik))).toBe(false);
    expect(edition.includes(Buffer.from(SITI.name))).toBe(false);
  });

  it('a publishing database made before keys stays as it is (no key made for it)', () => {
    const dbPath = publishDbPath(tempDir());
    createCore({ dbPath, workerScript: null, bpjsBackground: false, hubBackground: false }).close();
    expect(publishKey(dbPath)).toBeUndefined();
  });
});
