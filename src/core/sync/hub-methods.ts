import type { MethodName } from '../../shared/contract';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core-types';
import { READ_ONLY_METHODS } from '../dispatch';
import { markNoticeSeen, unseenNotices } from './hub-notices.repo';
import type { HubSync } from './hub-sync';

/** The contract's hub methods: the link, enrolling, a round now, the notices. */
export function hubMethods(ctx: CoreContext, hub: HubSync): Pick<CoreMethods, 'hubLink' | 'enrollHub' | 'syncNow' | 'hubNotices' | 'markHubNoticeSeen'> {
  return {
    async hubLink() {
      await hub.ready;
      return hub.link();
    },
    async enrollHub(input) {
      return hub.enroll(input);
    },
    async syncNow() {
      return hub.syncNow();
    },
    async hubNotices() {
      return unseenNotices(ctx.db).map(({ uid, kind, at, params }) => ({ uid, kind, at, params }));
    },
    async markHubNoticeSeen({ uid }) {
      markNoticeSeen(ctx.db, uid, ctx.now());
      return { ok: true as const };
    },
  };
}

/**
 * Every method that may write gets `kick` after it: what a clerk just did is pushed to the hub
 * at once, not at the next tick, so another counter sees it within a second or two.
 */
export function kickAfterWrites<T extends Partial<CoreMethods>>(methods: T, kick: () => void): T {
  const wrapped: Record<string, unknown> = { ...methods };
  for (const [name, method] of Object.entries(methods)) {
    if (READ_ONLY_METHODS.has(name as MethodName) || typeof method !== 'function') continue;
    wrapped[name] = async (input: unknown) => {
      try {
        return await (method as (input: unknown) => Promise<unknown>)(input);
      } finally {
        kick();
      }
    };
  }
  return wrapped as T;
}
