import type { MethodParsedInput, Result } from '../../shared/contract';
import type { Core } from '../core-types';
import { admit } from '../dispatch';
import { toErrorPayload } from '../errors';

/** A restore the running core has allowed: the files behind the handles, and who asked. Never sent to a window. */
export interface RestorePlan {
  dbPath: string;
  from: string;
  keyFile: string;
  force: boolean;
  /** The administrator's username, as the restored trail's `restore` entry names them. */
  actor: string;
}

/**
 * The check a host makes with the running core before it stops it for a restore: the session's
 * role (an administrator; a refusal recorded as dispatch records it), the input, and the two
 * handles resolved for their purposes ('open-backup', 'open-key'), and the refusals the core can
 * give while it runs (store/restore-precheck.ts: a wrong key, unsent changes...). After the restore the
 * session may not exist any more (the restored database has its own accounts), so this is the
 * only moment the role can be asked.
 */
export async function planRestore(core: Core, rawInput: unknown): Promise<Result<RestorePlan>> {
  const admitted = admit(core, 'restoreBackup', rawInput);
  if (!admitted.ok) return admitted;
  try {
    return { ok: true, value: await core.restorePlan(admitted.value as MethodParsedInput<'restoreBackup'>) };
  } catch (error) {
    const payload = toErrorPayload(error);
    return { ok: false, error: { code: payload.key, params: payload.params } };
  }
}
