import type { ListSummary } from '../../../../shared/lists';

/** One line of advice, as a key under `listAdmin.` with its values. */
export interface AdviceLine {
  key: 'unreadableMissing' | 'unreadableDamaged' | 'unreadableFix' | 'unreadableFixHub' | 'unreadableRollback' | 'unreadableCallIt';
  params: Record<string, string | number>;
}

/**
 * What the lists screen says about a list whose current edition cannot be read: what is wrong,
 * then what to do. The administrator: import the list's file again, or restore the lists folder
 * from the backup (at an enrolled counter whose edition the hub holds: sync, which fetches it
 * again), or roll back when the previous edition still reads. A clerk (who cannot
 * manage lists): call IT. Empty for a list that reads.
 */
export function unreadableAdvice(list: ListSummary, canManage: boolean): AdviceLine[] {
  const broken = list.unreadable;
  if (!broken) return [];
  const lines: AdviceLine[] = [
    { key: broken.reason === 'missing' ? 'unreadableMissing' : 'unreadableDamaged', params: { list: list.name, file: broken.file, folder: broken.folder } },
  ];
  if (!canManage) return [...lines, { key: 'unreadableCallIt', params: {} }];
  // At an enrolled counter whose edition the hub holds, the next sync fetches it again; its source file may never have been here.
  lines.push(broken.fromHub ? { key: 'unreadableFixHub', params: {} } : { key: 'unreadableFix', params: { source: list.sourceFile, folder: broken.folder } });
  if (broken.previousReadable && list.previousEdition !== null) lines.push({ key: 'unreadableRollback', params: { edition: list.previousEdition } });
  return lines;
}
