import { contract, type MethodName, type Result } from '../shared/contract';
import { formatMessage } from '../shared/i18n/messages';
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
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-input', message: formatMessage(core.lang, 'invalid-input', { detail }) } };
  }
  try {
    const handler = core[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const payload = toErrorPayload(error);
    return { ok: false, error: { code: payload.key, message: formatMessage(core.lang, payload.key, payload.params) } };
  }
}
