import { contract, type MethodName, type Result } from '../shared/contract';
import { issuesOf } from '../shared/input-issues';
import type { Core } from './core';
import { toErrorPayload } from './errors';

/**
 * The one entry from any boundary (IPC, the browser harness): validates the input with the
 * contract's schema before the core sees it, and turns every outcome into a Result. Nothing
 * is thrown across the boundary. Errors carry a code with parameters, never words: the callers
 * (windows, the CLI) may each speak another language, so each words them (formatContractError).
 */
export async function dispatch(core: Core, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'unknown-method', params: { method } } };
  }
  const name = method as MethodName;
  // reportInput: a missing field reads as "required", not as a wrong type (the input itself is not passed on).
  const parsed = contract[name].input.safeParse(rawInput, { reportInput: true });
  if (!parsed.success) {
    // A screen names each field with its own label from `issues` and says the rule in its language.
    return { ok: false, error: { code: 'invalid-input', issues: issuesOf(parsed.error.issues) } };
  }
  try {
    const handler = core[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const payload = toErrorPayload(error);
    return { ok: false, error: { code: payload.key, params: payload.params } };
  }
}
