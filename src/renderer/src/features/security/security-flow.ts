import type { ContractError, LoketApi } from '../../../../shared/contract';
import type { DatabaseSecurityView } from '../../../../shared/database-security';
import type { FilePurpose } from '../../../../shared/file-handle';
import { chooseFile, type FileSources } from '../../files/choose-file';

/** The two things the administrator saves to a file: an encrypted backup, and the recovery key. */
export type SecurityAction = 'backup' | 'recovery-key';

export const ACTION_PURPOSE: Record<SecurityAction, FilePurpose> = { backup: 'save-backup', 'recovery-key': 'save-key' };

/** The name the save dialog suggests: dated, so a second backup never overwrites the first by accident. */
export function suggestedName(action: SecurityAction, today: string): string {
  return action === 'backup' ? `loket-cadangan-${today}.db` : `loket-kunci-pemulihan-${today}.txt`;
}

export type ActionOutcome =
  | { kind: 'ask' }
  | { kind: 'cancelled' }
  | { kind: 'done'; action: SecurityAction; name: string; editions: number }
  | { kind: 'failed'; error: ContractError };

type Writers = Pick<LoketApi, 'backupDatabase' | 'exportRecoveryKey'>;

/**
 * One save: choose the file (the dialog; the harness's path field when `typed` is given or no
 * dialog exists), then write to its handle. The key itself never reaches this window.
 */
export async function runSecurityAction(sources: FileSources, api: Writers, action: SecurityAction, today: string, typed?: string): Promise<ActionOutcome> {
  const choice = await chooseFile(sources, { purpose: ACTION_PURPOSE[action], suggestedName: suggestedName(action, today), ...(typed !== undefined ? { typed } : {}) });
  if (choice.kind !== 'chosen') return choice;
  if (action === 'backup') {
    const result = await api.backupDatabase({ file: choice.file.handle });
    return result.ok ? { kind: 'done', action, name: result.value.name, editions: result.value.editions } : { kind: 'failed', error: result.error };
  }
  const result = await api.exportRecoveryKey({ file: choice.file.handle });
  return result.ok ? { kind: 'done', action, name: result.value.name, editions: 0 } : { kind: 'failed', error: result.error };
}

/** Where the key is kept, as a key of the UI catalog. */
export function keyStoreText(view: DatabaseSecurityView): 'security.storeOs' | 'security.storeKeyFile' | 'security.storeGiven' | 'security.storeNone' {
  switch (view.keyStore) {
    case 'os':
      return 'security.storeOs';
    case 'key-file':
      return 'security.storeKeyFile';
    case 'given':
      return 'security.storeGiven';
    default:
      return 'security.storeNone';
  }
}

/** The "encrypted backup" button: not while the database should be encrypted and is not (the core refuses it too). */
export const canBackUp = (view: DatabaseSecurityView): boolean => view.warning !== 'security/conversion-failed';

/** Re-keying needs the key in a file Loket writes; a plain database has nothing to re-key. */
export const canRekey = (view: DatabaseSecurityView): boolean => view.encrypted && (view.keyStore === 'os' || view.keyStore === 'key-file');

/**
 * The line saying where the key is kept, or null when the core's warning already says it: the
 * unsealed key file's warning is that same sentence with what it means, so the section says it once.
 */
export function keyStoreLine(view: DatabaseSecurityView): ReturnType<typeof keyStoreText> | null {
  return view.warning === 'security/key-beside-data' ? null : keyStoreText(view);
}
