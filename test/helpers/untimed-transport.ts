import { transportFor, type CounterStanding } from '../../src/core/sync/enroll';
import type { HubCredential } from '../../src/core/sync/hub-credential.repo';
import type { HubTransport } from '../../src/core/sync/hub-transport';

/**
 * The counter's own pinned transport (its headers included), with no call timed: on a loaded test
 * machine a push of 500 ops, or the hub's queue number (a clerk waits 400 ms for it), may be slow,
 * and what is tested here is what arrives, not how soon.
 */
export const untimed = (credential: HubCredential, standing: CounterStanding = {}): HubTransport => {
  const inner = transportFor(credential, standing);
  return {
    getJson: (path) => inner.getJson(path, { timeoutMs: 120_000 }),
    postJson: (path, body) => inner.postJson(path, body, { timeoutMs: 120_000 }),
    download: (path) => inner.download(path),
    upload: (path, body, headers) => inner.upload(path, body, headers),
  };
};
