import type { ContractError, MethodInput, MethodName, MethodOutput } from '../shared/contract';
import { formatContractError } from '../shared/i18n/format-error';
import type { Core } from '../core/core';
import { dispatch } from '../core/dispatch';

/** A contract call that was refused or failed, with the contract's error (a code with parameters; the CLI words it in --lang). */
export class ContractCallError extends Error {
  constructor(readonly error: ContractError) {
    super(formatContractError('en', error)); // for a stack trace only; what a person reads is worded in --lang
    this.name = 'ContractCallError';
  }
}

/**
 * The CLI is a client like the app's window: every call goes through the contract (its schema
 * validates the input, `dispatch` turns the outcome into a Result), never straight to a core
 * function, so the CLI cannot do what the contract does not allow.
 */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(core, method, input);
  if (!result.ok) throw new ContractCallError(result.error);
  return result.value as MethodOutput<M>;
}
