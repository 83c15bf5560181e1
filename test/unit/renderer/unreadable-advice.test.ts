import { describe, expect, it } from 'vitest';
import { unreadableAdvice } from '../../../src/renderer/src/features/lists/unreadable-advice';
import { adminEn } from '../../../src/renderer/src/i18n/messages-en-admin';
import { adminId } from '../../../src/renderer/src/i18n/messages-id-admin';
import type { ListSummary } from '../../../src/shared/lists';

const summary = (extra: Partial<ListSummary> = {}): ListSummary => ({
  name: 'PBI APBD', kind: 'pbi-apbd', edition: 2, asOf: '2026-11-01', importedAt: '2026-11-02T03:00:00Z', sourceFile: 'pbi-apbd-november.xlsx',
  sourceSha256: 'x', members: 299, stale: false, ageDays: 29, previousEdition: 1, ...extra,
});

describe('the lists screen on a list that cannot be read', () => {
  it('a list that reads: nothing to say', () => {
    expect(unreadableAdvice(summary(), true)).toEqual([]);
  });

  it('the administrator: what is wrong, then re-import or restore the folder, and the rollback only when the previous edition reads', () => {
    const missing = summary({ unreadable: { reason: 'missing', folder: 'loket.db.lists', file: 'e7.db', previousReadable: true } });
    expect(unreadableAdvice(missing, true)).toEqual([
      { key: 'unreadableMissing', params: { list: 'PBI APBD', file: 'e7.db', folder: 'loket.db.lists' } },
      { key: 'unreadableFix', params: { source: 'pbi-apbd-november.xlsx', folder: 'loket.db.lists' } },
      { key: 'unreadableRollback', params: { edition: 1 } },
    ]);
    const damaged = summary({ unreadable: { reason: 'damaged', folder: 'loket.db.lists', file: 'e7.db', previousReadable: false } });
    expect(unreadableAdvice(damaged, true).map((l) => l.key)).toEqual(['unreadableDamaged', 'unreadableFix']);
  });

  it('an enrolled counter whose edition the hub holds: sync, not "import the file again" (its source file was imported at another counter)', () => {
    const copied = summary({ unreadable: { reason: 'damaged', folder: 'loket.db.lists', file: 'e7.db', previousReadable: true, fromHub: true } });
    expect(unreadableAdvice(copied, true)).toEqual([
      { key: 'unreadableDamaged', params: { list: 'PBI APBD', file: 'e7.db', folder: 'loket.db.lists' } },
      { key: 'unreadableFixHub', params: {} },
      { key: 'unreadableRollback', params: { edition: 1 } },
    ]);
    expect(adminId.listAdmin.unreadableFixHub).toContain('Sinkronkan sekarang');
  });

  it('a clerk, who cannot manage lists: call IT', () => {
    const missing = summary({ unreadable: { reason: 'missing', folder: 'loket.db.lists', file: 'e7.db', previousReadable: true } });
    expect(unreadableAdvice(missing, false).map((l) => l.key)).toEqual(['unreadableMissing', 'unreadableCallIt']);
  });

  it('every line is worded in both languages with the same placeholders', () => {
    for (const key of ['unreadableMissing', 'unreadableDamaged', 'unreadableFix', 'unreadableFixHub', 'unreadableRollback', 'unreadableCallIt'] as const) {
      const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
      expect(placeholders(adminEn.listAdmin[key])).toEqual(placeholders(adminId.listAdmin[key]));
    }
  });
});
