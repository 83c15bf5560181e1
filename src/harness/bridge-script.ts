import { EVENT_NAMES, METHOD_NAMES, channelOf } from '../shared/contract';
import { HARNESS_REGISTER_PATH } from '../shared/harness-api';

/**
 * The browser stand-in for the preload: defines window.loket with one function per contract
 * method, each a POST to the harness, and events over Server-Sent Events. Generated from the
 * contract's method list, so nothing is declared twice. Beside it, `window.loketHarness` (see
 * src/shared/harness-api.ts): what only the harness has, a typed path standing in for a dialog,
 * and whether its core prints at all.
 */
export function bridgeScript(printing: boolean): string {
  const methods = JSON.stringify(METHOD_NAMES.map((m) => [m, channelOf(m)]));
  const registerPath = JSON.stringify(HARNESS_REGISTER_PATH);
  const events = JSON.stringify(EVENT_NAMES);
  return `(() => {
  const listeners = new Map();
  const source = new EventSource('/events');
  for (const name of ${events}) {
    source.addEventListener(name, (e) => { for (const l of listeners.get(name) || []) l(JSON.parse(e.data)); });
  }
  const post = async (url, input) => {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input === undefined ? null : input) });
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'bridge', params: { detail: String(error) } } };
    }
  };
  const api = {
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  };
  for (const [method] of ${methods}) {
    api[method] = (input) => post('/rpc/' + method, input);
  }
  window.loket = Object.freeze(api);
  window.loketHarness = Object.freeze({ registerTypedPath: (input) => post(${registerPath}, input), printing: ${JSON.stringify(printing)} });
})();
`;
}
