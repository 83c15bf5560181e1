import { contract, type MethodName, type Result } from '../shared/contract';
import { formatMessage } from '../shared/i18n/messages';
import { formatIssue, issuesOf } from '../shared/input-issues';
import type { Core } from './core';
import { toErrorPayload } from './errors';

/**
 * The one entry from any boundary (IPC, the browser harness): validates the input with the
 * contract's schema before the core sees it, and turns every outcome into a Result. Nothing
 * is thrown across the boundary.
 */
export async function dispatch(core: Core, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'unknown-method', message: formatMessage(core.lang, 'invalid-input', { detail: method }) } };
  }
  const name = method as MethodName;
  // reportInput: a missing field reads as "required", not as a wrong type (the input itself is not passed on).
  const parsed = contract[name].input.safeParse(rawInput, { reportInput: true });
  if (!parsed.success) {
    const issues = issuesOf(parsed.error.issues);
    // The rule in the UI language; a screen names the field with its own label from `issues`.
    const detail = issues.map((i) => formatIssue(core.lang, i)).join('; ');
    return { ok: false, error: { code: 'invalid-input', message: formatMessage(core.lang, 'invalid-input', { detail }), issues } };
  }
  try {
    const handler = core[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const payload = toErrorPayload(error);
    return { ok: false, error: { code: payload.key, message: formatMessage(core.lang, payload.key, payload.params), params: payload.params } };
  }
}
