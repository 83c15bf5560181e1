import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import type { SessionView } from '../../../src/shared/accounts';
import type { ContractError, MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';

/** Cheap scrypt for tests (the rule is the same; the default cost is tested in password-hash.test.ts). */
export const QUICK_HASH = { N: 1024, r: 8, p: 1 } as const;

/** A real core on a fresh database in `dir`, its clock in the test's hand, every call through dispatch. */
export function accountsCore(dir: string, config: Partial<CoreConfig> = {}) {
  const clock = { now: new Date('2026-11-23T02:00:00Z') };
  const core: Core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, hubBackground: false, now: () => clock.now, secretHashCost: QUICK_HASH, ...config });
  const sessions: SessionView[] = [];
  core.events.on('session', (view) => sessions.push(view));
  /** Resolves with the value; rejects with the contract error (its code and params). */
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(core, method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${JSON.stringify(result.error.issues ?? result.error.params ?? {})}`), result.error);
    return result.value as MethodOutput<M>;
  };
  /** The error code of a call that must fail (its params too). */
  const refusal = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<ContractError> => {
    const result = await dispatch(core, method, input);
    if (result.ok) throw new Error(`${method} was expected to fail`);
    return result.error;
  };
  const advance = (minutes: number): void => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
  };
  return { core, call, refusal, sessions, clock, advance };
}

export const ADMIN = { username: 'Ani', displayName: 'Ani Suryani', password: 'kata-sandi-ani', pin: '1234' } as const;
export const CLERK = { username: 'budi', displayName: 'Budi Santoso', role: 'clerk', password: 'kata-sandi-budi', pin: '5678' } as const;
export const OFFICER = { username: 'citra', displayName: 'Citra Dewi', role: 'data-officer', password: 'kata-sandi-citra' } as const;

/** An audit entry as a test compares it: its detail parsed. */
export interface TrailEntry {
  actor: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}

/** The audit trail of a core: its last seq, and the entries written after a seq. */
export function trailOf(core: Core) {
  const lastSeq = (): number => core.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audit_log').pluck().get() as number;
  const entriesSince = (seq: number): TrailEntry[] =>
    (core.db.prepare('SELECT actor, action, subject, detail FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as { actor: string; action: string; subject: string | null; detail: string }[]).map((e) => ({
      ...e,
      detail: JSON.parse(e.detail) as Record<string, unknown>,
    }));
  return { lastSeq, entriesSince };
}
