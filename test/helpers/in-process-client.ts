import type { Core } from '../../src/core/core';
import { dispatch } from '../../src/core/dispatch';
import type { CoreClient } from '../../src/main/core-host';

/**
 * A core in this process behind the same face as the core process's host: `call` validates and
 * runs through dispatch, `on` listens to its events: what the IPC registration tests hand it.
 */
export function inProcessClient(core: Core): CoreClient {
  return {
    call: (method, input) => dispatch(core, method, input),
    on: (event, listener) => core.events.on(event, listener),
  };
}
