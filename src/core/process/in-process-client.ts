import type { ContractEvents, Result } from '../../shared/contract';
import type { Core } from '../core';
import { dispatch } from '../dispatch';

/**
 * A core in this process behind the same face as the core process's host: `call` validates and
 * runs through dispatch, `on` listens to its events. For tests of the IPC registration and for
 * any client that runs the core in-process.
 */
export function inProcessClient(core: Core): {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void): () => void;
} {
  return {
    call: (method, input) => dispatch(core, method, input),
    on: (event, listener) => core.events.on(event, listener),
  };
}
