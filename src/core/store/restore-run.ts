import type { Result } from '../../shared/contract';
import type { RestoreView } from '../../shared/database-restore';
import { toErrorPayload } from '../errors';
import type { RestorePlan } from '../security/restore-plan';
import { restoreDatabase } from './database-restore';
import { restoreView } from './restore-view';

export interface RestoreRun extends RestorePlan {
  nativeBinding?: string;
  /**
   * The key the stopped core had: it opens the database being replaced even when its key file is
   * sealed by the OS store (which the restore cannot read), so its unsent changes and numbers are
   * weighed and carried as `loket restore` does with a plain key file.
   */
  currentKey?: string;
}

/**
 * A host's restore, with no core running (it was stopped): the same `restoreDatabase` as `loket
 * restore`, its outcome as a Result (a refusal changed nothing) and its report as the screen shows it.
 */
export function runRestore(run: RestoreRun): Result<RestoreView> {
  try {
    const report = restoreDatabase({
      dbPath: run.dbPath,
      from: run.from,
      keyFile: run.keyFile,
      force: run.force,
      actor: run.actor,
      env: run.currentKey ? { ...process.env, LOKET_DB_KEY: run.currentKey } : process.env,
      ...(run.nativeBinding ? { nativeBinding: run.nativeBinding } : {}),
    });
    return { ok: true, value: restoreView(report) };
  } catch (error) {
    const payload = toErrorPayload(error);
    return { ok: false, error: { code: payload.key, params: payload.params } };
  }
}
