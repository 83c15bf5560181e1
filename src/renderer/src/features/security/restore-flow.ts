import type { ContractError, LoketApi } from '../../../../shared/contract';
import { FORCEABLE_RESTORE_REFUSALS, type RestoreView } from '../../../../shared/database-restore';
import type { ChosenFile } from '../../../../shared/file-handle';
import { chooseFile, type FileSources } from '../../files/choose-file';

/**
 * "Pulihkan dari cadangan…": the backup, then its recovery key (dialogs; the harness's path
 * fields where none exist), a confirmation in plain words, the restore, its report. A refusal the
 * command's --force may override is offered again only after a second, explicit confirmation,
 * and the files are chosen anew (their handles died with the core that was stopped).
 */
export type RestoreStage =
  | { kind: 'idle' }
  /** The harness's path field for the backup, or for its key once the backup is chosen. */
  | { kind: 'ask'; force: boolean; backup: ChosenFile | null }
  | { kind: 'confirm'; force: boolean; backup: ChosenFile; keyFile: ChosenFile }
  | { kind: 'running' }
  /** The restore (or choosing a file) was refused: nothing changed. */
  | { kind: 'refused'; error: ContractError }
  /** The second confirmation, for a refusal the person may override. */
  | { kind: 'confirm-force'; error: ContractError }
  | { kind: 'done'; view: RestoreView };

/**
 * The next file: the backup first, then its key. `typed`: a path typed into the harness's field.
 * A closed dialog ends the flow; nothing was changed.
 */
export async function chooseNext(sources: FileSources, stage: { force: boolean; backup: ChosenFile | null }, typed?: string): Promise<RestoreStage> {
  const purpose = stage.backup ? 'open-key' : 'open-backup';
  const choice = await chooseFile(sources, { purpose, ...(typed !== undefined ? { typed } : {}) });
  if (choice.kind === 'ask') return { kind: 'ask', ...stage };
  if (choice.kind === 'cancelled') return { kind: 'idle' };
  if (choice.kind === 'failed') return { kind: 'refused', error: choice.error };
  if (!stage.backup) return chooseNext(sources, { force: stage.force, backup: choice.file });
  return { kind: 'confirm', force: stage.force, backup: stage.backup, keyFile: choice.file };
}

/** The restore itself (the host stops the core, restores, starts it again): its report, or the refusal. */
export async function runRestore(api: Pick<LoketApi, 'restoreBackup'>, stage: Extract<RestoreStage, { kind: 'confirm' }>): Promise<RestoreStage> {
  const result = await api.restoreBackup({ backup: stage.backup.handle, keyFile: stage.keyFile.handle, ...(stage.force ? { force: true } : {}) });
  return result.ok ? { kind: 'done', view: result.value } : { kind: 'refused', error: result.error };
}

/** Unsent hub changes, a backup from before the enrolment: what `loket restore --force` overrides. */
export const isForceable = (error: ContractError): boolean => (FORCEABLE_RESTORE_REFUSALS as readonly string[]).includes(error.code);

/** A refusal worded for this screen (what to do here, not on a command line); null: the core's own words. */
export function refusalKey(error: ContractError):
  | 'security.restoreWrongKey'
  | 'security.restoreDamaged'
  | 'security.restoreListsMissing'
  | 'security.restoreUnsent'
  | 'security.restoreBeforeEnrolment'
  | 'security.restoreInUse'
  | null {
  switch (error.code) {
    case 'restore/wrong-key':
    case 'restore/key-missing':
    case 'database/key-sealed':
      return 'security.restoreWrongKey';
    case 'restore/damaged':
    case 'restore/not-a-backup':
      return 'security.restoreDamaged';
    case 'restore/lists-missing':
      return 'security.restoreListsMissing';
    case 'restore/unsent':
      return 'security.restoreUnsent';
    case 'restore/before-enrolment':
      return 'security.restoreBeforeEnrolment';
    case 'restore/in-use':
      return 'security.restoreInUse';
    default:
      return null;
  }
}
