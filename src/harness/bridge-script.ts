import { EVENT_NAMES, METHOD_NAMES, channelOf } from '../shared/contract';

/**
 * The browser stand-in for the preload: defines window.loket with one function per contract
 * method, each a POST to the harness, and events over Server-Sent Events. Generated from the
 * contract's method list, so nothing is declared twice.
 */
export function bridgeScript(): string {
  const methods = JSON.stringify(METHOD_NAMES.map((m) => [m, channelOf(m)]));
  const events = JSON.stringify(EVENT_NAMES);
  return `(() => {
  const listeners = new Map();
  const source = new EventSource('/events');
  for (const name of ${events}) {
    source.addEventListener(name, (e) => { for (const l of listeners.get(name) || []) l(JSON.parse(e.data)); });
  }
  const api = {
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  };
  for (const [method] of ${methods}) {
    api[method] = async (input) => {
      try {
        const response = await fetch('/rpc/' + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input === undefined ? null : input) });
        return await response.json();
      } catch (error) {
        return { ok: false, error: { code: 'bridge', params: { detail: String(error) } } };
      }
    };
  }
  window.loket = Object.freeze(api);
})();
`;
}
