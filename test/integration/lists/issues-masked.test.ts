import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { maskNik } from '../../../src/shared/masking';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const OTHER_NIK = '3673014404950001';

describe('exportImportIssues', () => {
  it('masks a NIK quoted in a reason and keeps the row number the administrator fixes the file by', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date('2026-11-23T03:00:00Z') });
    // Columns shifted by hand: a NIK landed in the birth-date column of row 3.
    const list = writeCsv(join(dir, 'list.csv'), [
      ['NIK', 'NAMA', 'TGL LAHIR'],
      ['3673015203850003', 'SITI AMINAH', '12-03-1985'],
      ['3673011708900002', 'MOCH. RIZKI', OTHER_NIK],
    ]);
    await core.importList({ file: fileFor(core, list), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const out = join(dir, 'issues.csv');
    await core.exportImportIssues({ list: 'PBI', file: fileFor(core, out, 'save-csv'), lang: 'en' });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(OTHER_NIK);
    expect(text).toContain(`3;warning;row/dob-unreadable;"Unreadable birth date: ""${maskNik(OTHER_NIK)}"""`);
    core.close();
  });
});
