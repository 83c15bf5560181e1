import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

/** The rows of an exported CSV (BOM and header row off), split on the separator. */
function csvRows(path: string): string[][] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  return lines.slice(1).map((l) => l.split(';'));
}

describe('the audit export', () => {
  it('masks a card typed without its leading zeros, in the query column and the detail', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const list = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
    await callOk(core, 'importList', { file: list, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const typed = SITI.card.replace(/^0+/, ''); // 1336526592: 10 digits, a card all the same
    await callOk(core, 'lookup', { query: typed });
    const out = join(dir, 'audit.csv');
    const file = core.registerFile(out, 'save-csv').handle;
    await callOk(core, 'exportAudit', { from: '2026-11-30', to: '2026-11-30', format: 'csv', file });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(typed);
    expect(text).not.toContain(SITI.nik);
    const lookup = csvRows(out).find((r) => r[5]?.includes('6592'));
    expect(lookup?.[5]).toBe('•••••••••6592');
    core.close();
  });
});
