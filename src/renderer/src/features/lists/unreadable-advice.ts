import type { ListSummary } from '../../../../shared/lists';

/** One line of advice, as a key under `listAdmin.` with its values. */
export interface AdviceLine {
  key: 'unreadableMissing' | 'unreadableDamaged' | 'unreadableFix' | 'unreadableRollback' | 'unreadableCallIt';
  params: Record<string, string | number>;
}

/**
 * What the lists screen says about a list whose current edition cannot be read: what is wrong,
 * then what to do. The administrator: import the list's file again, or restore the lists folder
 * from the backup, or roll back when the previous edition still reads. A clerk (who cannot
 * manage lists): call IT. Empty for a list that reads.
 */
export function unreadableAdvice(list: ListSummary, canManage: boolean): AdviceLine[] {
  const broken = list.unreadable;
  if (!broken) return [];
  const lines: AdviceLine[] = [
    { key: broken.reason === 'missing' ? 'unreadableMissing' : 'unreadableDamaged', params: { list: list.name, file: broken.file, folder: broken.folder } },
  ];
  if (!canManage) return [...lines, { key: 'unreadableCallIt', params: {} }];
  lines.push({ key: 'unreadableFix', params: { source: list.sourceFile, folder: broken.folder } });
  if (broken.previousReadable && list.previousEdition !== null) lines.push({ key: 'unreadableRollback', params: { edition: list.previousEdition } });
  return lines;
}
