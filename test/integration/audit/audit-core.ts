import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import type { AuditEntryView } from '../../../src/shared/audit';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';

export const NOW = new Date('2026-11-30T02:00:00Z');

/** A real core on a real SQLite file in `dir`, as the CLI opens one (no background work). */
export function auditCore(dir: string, clerk = 'ani', now: () => Date = () => NOW, more: Partial<CoreConfig> = {}): { core: Core; dbPath: string } {
  const dbPath = join(dir, 'loket.db');
  return { core: createCore({ dbPath, workerScript: null, bpjsBackground: false, hubBackground: false, actor: { username: clerk, role: 'admin' }, now, ...more }), dbPath };
}

/** A contract call as a window makes it; throws the contract's error code. */
export async function callOk<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(core, method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code}`), { code: result.error.code });
  return result.value as MethodOutput<M>;
}

/** Every entry, oldest first. */
export async function allEntries(core: Core): Promise<AuditEntryView[]> {
  return (await callOk(core, 'auditEntries', { limit: 500 })).entries.reverse();
}
