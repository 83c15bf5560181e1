import { contract, type MethodName, type Result } from '../shared/contract';
import { issuesOf } from '../shared/input-issues';
import { METHOD_ACCESS, accessRefusal, inputRefusal } from '../shared/method-access';
import type { Core } from './core';
import { toErrorPayload } from './errors';

/**
 * The one entry from any boundary (IPC, the browser harness): validates the input with the
 * contract's schema before the core sees it, and turns every outcome into a Result. Nothing
 * is thrown across the boundary. Errors carry a code with parameters, never words: the callers
 * (windows, the CLI) may each speak another language, so each words them (formatContractError).
 */
/**
 * Methods that only read: when one of them fails, nothing was changed, and the message may say
 * so. After any other method fails, whether its change was saved is not known, and the
 * message asks the clerk to check before repeating it.
 */
export const READ_ONLY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'lookup', 'listLists', 'getSettings', 'findPatient', 'likelyDuplicates', 'dayQueue', 'openFollowUps',
  'visitRegister', 'dailyRecap', 'recap', 'equalServiceReport', 'slipHtml', 'inspectListFile',
  'connectivity', 'getBpjsSettings', 'reconciliation', 'bridgeLog', 'hubLink', 'hubNotices',
  'auditEntries', 'verifyAudit', 'databaseSecurity', 'previewMergePatients',
]);

export async function dispatch(core: Core, method: string, rawInput: unknown): Promise<Result<unknown>> {
  const admitted = admit(core, method, rawInput);
  if (!admitted.ok) return admitted;
  const name = method as MethodName;
  try {
    const handler = core[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(admitted.value) };
  } catch (error) {
    const payload = toErrorPayload(error);
    const code = payload.key === 'internal' && READ_ONLY_METHODS.has(name) ? 'internal/read-only' : payload.key;
    return { ok: false, error: { code, params: payload.params } };
  }
}

/**
 * The gate before a method runs: a known method, the session's access (a refusal recorded as
 * below), then the input against the contract's schema; the parsed input when all pass. Also
 * what a host checks a restore with before it stops the core (security/restore-plan.ts).
 */
export function admit(core: Core, method: string, rawInput: unknown): Result<unknown> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'unknown-method', params: { method } } };
  }
  const name = method as MethodName;
  // The session decides before the input is even read: a refused caller learns nothing of the method's rules.
  const caller = core.caller();
  const byAccess = accessRefusal(METHOD_ACCESS[name], caller.phase, caller.role);
  const byInput = byAccess ? null : inputRefusal(name, caller, rawInput);
  const refusal = byAccess ?? byInput;
  if (refusal) {
    // A refused change or export is on record (a clerk trying to export members): who, which method,
    // why. Refused reads without a usable session are not: a locked screen's background refreshes
    // would flood the trail. A call refused for what it asked is (another patient's slip behind the
    // lock), and so is a read the signed-in role may not make (a data officer looking a patient
    // up): no screen asks either, so each is a probe.
    if (byInput || refusal === 'session/forbidden' || !READ_ONLY_METHODS.has(name)) core.recordRefusal(name, refusal);
    return { ok: false, error: { code: refusal } };
  }
  // reportInput: a missing field reads as "required", not as a wrong type (the input itself is not passed on).
  const parsed = contract[name].input.safeParse(rawInput, { reportInput: true });
  if (!parsed.success) {
    // A screen names each field with its own label from `issues` and says the rule in its language.
    return { ok: false, error: { code: 'invalid-input', issues: issuesOf(parsed.error.issues) } };
  }
  return { ok: true, value: parsed.data };
}
