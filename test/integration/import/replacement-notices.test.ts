/**
 * A new edition that a wrong file would explain: far fewer members than the one it replaces, an
 * older as-of date, another kind of list. The import goes through, and the report says so with
 * the way back (rollback brings the replaced edition back).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { noticeMessage, type ImportReport } from '../../../src/shared/lists';
import { memberAt } from '../../fixtures/generate-members';
import { fileFor } from '../../helpers/files';
import { useTempDir, writeCsv } from '../../helpers/temp';

const tempDir = useTempDir();
const members = (n: number): string[][] => [['NIK', 'NAMA'], ...Array.from({ length: n }, (_, i) => [memberAt(11, i).nik, memberAt(11, i).name])];

async function importRows(core: Core, dir: string, n: number, asOf: string, kind: 'pbi-apbd' | 'jamkesda' = 'pbi-apbd'): Promise<ImportReport> {
  const path = writeCsv(join(dir, `list-${n}-${asOf}.csv`), members(n));
  return core.importList({ file: fileFor(core, path), list: 'PBI APBD', kind, asOf });
}
const codes = (r: ImportReport): string[] => r.notices.map((n) => n.code);

describe('an edition that replaces another', () => {
  it('far fewer members: a notice with both counts and the way back; rollback restores the members', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    await importRows(core, dir, 300, '2026-10-01');
    const report = await importRows(core, dir, 4, '2026-11-01');
    const notice = report.notices.find((n) => n.code === 'fewer-members');
    expect(notice?.params).toEqual({ list: 'PBI APBD', before: 300, after: 4, percent: 99 });
    expect(formatCoreMessage('id', noticeMessage(notice!))).toContain('Kembalikan edisi sebelumnya');
    await core.rollbackList({ list: 'PBI APBD' });
    expect((await core.lookup({ query: memberAt(11, 200).nik })).matches).toHaveLength(1);
    core.close();
  });

  it('a month with a few members less, or a first import, says nothing of it', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    expect(codes(await importRows(core, dir, 300, '2026-10-01'))).not.toContain('fewer-members');
    const next = await importRows(core, dir, 280, '2026-11-01');
    expect(codes(next)).not.toEqual(expect.arrayContaining(['fewer-members', 'older-as-of', 'kind-changed']));
    core.close();
  });

  it('an older as-of date and another kind are each noticed', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    await importRows(core, dir, 30, '2026-11-01');
    const older = await importRows(core, dir, 30, '2025-01-01');
    expect(older.notices.find((n) => n.code === 'older-as-of')?.params).toEqual({ list: 'PBI APBD', before: '2026-11-01', asOf: '2025-01-01' });
    const kind = await importRows(core, dir, 30, '2026-11-01', 'jamkesda');
    expect(kind.notices.find((n) => n.code === 'kind-changed')?.params).toEqual({ list: 'PBI APBD', from: 'pbi-apbd', to: 'jamkesda' });
    expect(codes(kind)).not.toContain('older-as-of'); // compared with the edition it replaced (2025-01-01)
    core.close();
  });

  it('the list is read as the kind of its current edition: a failed import keeps it, a rollback brings the old kind back', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
    await importRows(core, dir, 30, '2026-10-01');
    const kindOf = async (): Promise<string | undefined> => (await core.listLists({})).find((l) => l.name === 'PBI APBD')?.kind;
    const payerOf = async (): Promise<string | undefined> => (await core.lookup({ query: memberAt(11, 3).nik })).matches[0]?.list.kind;

    // Every row rejected: the import fails after the edition was begun.
    const bad = writeCsv(join(dir, 'bad.csv'), [['NIK', 'NAMA'], ['12', 'BUDI'], ['34', 'SITI']]);
    await expect(core.importList({ file: fileFor(core, bad), list: 'PBI APBD', kind: 'jamkesda', asOf: '2026-11-01' })).rejects.toThrow();
    expect(await kindOf()).toBe('pbi-apbd');
    expect(await payerOf()).toBe('pbi-apbd');

    await importRows(core, dir, 30, '2026-11-01', 'jamkesda');
    expect(await kindOf()).toBe('jamkesda');
    expect(await payerOf()).toBe('jamkesda');

    await core.rollbackList({ list: 'PBI APBD' });
    expect(await kindOf()).toBe('pbi-apbd');
    expect(await payerOf()).toBe('pbi-apbd');
    core.close();
  });
});
