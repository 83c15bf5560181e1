import type { Result } from '../shared/contract';
import type { CoreStatus } from '../shared/core-status';
import { createCore, type Core, type CoreConfig } from '../core/core';
import { planRestore } from '../core/security/restore-plan';
import { keyConfigOf, resolveFileKey } from '../core/store/resolve-file-key';
import { runRestore } from '../core/store/restore-run';

export interface HarnessCoreSlot {
  core: Core;
  config: CoreConfig;
}

/**
 * restoreBackup in the browser harness, as the desktop app's main process does it
 * (src/main/core-host.ts): the running core checks the caller and the chosen files, is closed,
 * the restore runs (store/restore-run.ts, the module `loket restore` uses) with nothing holding
 * the files, and a core is opened again: on the restored files with the key written beside them,
 * or, after a refusal, on the untouched files as before. `status` tells the windows (their
 * session is read again when the core runs: the restored database has its own accounts).
 */
export async function restoreInHarness(slot: HarnessCoreSlot, input: unknown, status: (status: CoreStatus) => void): Promise<{ result: Result<unknown>; next: HarnessCoreSlot }> {
  const plan = await planRestore(slot.core, input);
  if (!plan.ok) return { result: plan, next: slot };
  status({ state: 'restarting', restarts: 0, reason: 'restore' });
  slot.core.close();
  const result = runRestore({ ...plan.value, ...(slot.config.key ? { currentKey: slot.config.key } : {}), ...(slot.config.nativeBinding ? { nativeBinding: slot.config.nativeBinding } : {}) });
  // A refusal changed nothing: the same files, opened with the key they had (no conversion to redo).
  const config: CoreConfig = result.ok ? { ...withoutKey(slot.config), ...keyConfigOf(resolveFileKey({ dbPath: slot.config.dbPath, env: {}, mayCreate: false })) } : { ...withoutKey(slot.config), ...keyOf(slot.config) };
  const core = createCore(config);
  status({ state: 'running', restarts: 0 });
  return { result, next: { core, config } };
}

function keyOf(config: CoreConfig): Pick<CoreConfig, 'key' | 'keyFile'> {
  return { ...(config.key ? { key: config.key } : {}), ...(config.keyFile ? { keyFile: config.keyFile } : {}) };
}

function withoutKey(config: CoreConfig): CoreConfig {
  const { key: _key, nextKey: _next, keyFile: _file, convertPlain: _convert, ...rest } = config;
  return rest;
}
