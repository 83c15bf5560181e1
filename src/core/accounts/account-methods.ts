import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core-types';

type AccountMethodName = 'sessionState' | 'setupAdmin' | 'signIn' | 'switchClerk' | 'unlock' | 'lockSession' | 'signOut' | 'listAccounts' | 'saveAccount' | 'setOwnPin' | 'changeOwnPassword';
export type AccountMethods = Pick<CoreMethods, AccountMethodName>;

/** The contract's account methods (placeholder while the accounts store is being built). */
export function accountMethods(_ctx: CoreContext): AccountMethods {
  const pending = (): Promise<never> => Promise.reject(new Error('accounts: not built yet'));
  return {
    sessionState: pending,
    setupAdmin: pending,
    signIn: pending,
    switchClerk: pending,
    unlock: pending,
    lockSession: pending,
    signOut: pending,
    listAccounts: pending,
    saveAccount: pending,
    setOwnPin: pending,
    changeOwnPassword: pending,
  };
}
