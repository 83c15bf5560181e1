import { isReservedUsername, pinSchema, type Role } from '../../shared/accounts';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core-types';
import { LoketError } from '../errors';
import { accountCount, allAccounts, findAccount, markPasswordUsedHere, otherActiveAdmins, replaceHash, saveLockout, upsertAccount, viewOf, type StoredAccount } from './accounts.repo';
import { CredentialCheck } from './credential-check';
import { managedByHub } from './hub-managed';
import { CLEAR_LOCKOUT } from './lockout';
import { HASH_COST, hashSecret, weakerThanCurrent } from './password-hash';
import { mayUsePin, type Session } from './session';

type AccountMethodName =
  | 'sessionState' | 'setupAdmin' | 'signIn' | 'switchClerk' | 'unlock' | 'lockSession' | 'signOut'
  | 'listAccounts' | 'saveAccount' | 'unlockAccount' | 'setOwnPin' | 'changeOwnPassword';
export type AccountMethods = Pick<CoreMethods, AccountMethodName>;

/** The contract's account methods: the first administrator, signing in, locking, switching, the accounts admin. */
export function accountMethods(ctx: CoreContext, session: Session): AccountMethods {
  const { db, now } = ctx;
  const cost = ctx.config.secretHashCost ?? HASH_COST;
  const credentials = new CredentialCheck(db, now, cost);
  const hash = (secret: string): Promise<string> => hashSecret(secret, cost);

  /** A good password sign-in on this counter: remembered (the PIN may be used from now on), and an old hash renewed. */
  const passwordUsed = async (account: StoredAccount, password: string): Promise<void> => {
    markPasswordUsedHere(db, account.username, now());
    // A hub account's hash is the hub's: renewed there, not here.
    if (account.source === 'local' && weakerThanCurrent(account.passwordHash, cost)) replaceHash(db, account.username, 'password', await hash(password));
  };
  const ownAccount = (): StoredAccount => {
    const username = session.currentUsername();
    const account = username === null ? undefined : findAccount(db, username);
    if (!account) throw new LoketError('session/required');
    if (account.source === 'hub' || managedByHub(db)) throw new LoketError('account/managed-by-hub');
    return account;
  };
  const refuseWhenManaged = (): void => {
    if (managedByHub(db)) throw new LoketError('account/managed-by-hub');
  };

  return {
    async sessionState() {
      return session.view();
    },
    async setupAdmin({ username, displayName, password, pin }) {
      if (accountCount(db) > 0) throw new LoketError('account/setup-done');
      refuseReserved(username);
      const [passwordHash, pinHash] = await Promise.all([hash(password), pin ? hash(pin) : Promise.resolve(null)]);
      // Checked again after hashing: two first starts at once make one administrator, not two.
      if (accountCount(db) > 0) throw new LoketError('account/setup-done');
      upsertAccount(db, { username, displayName, role: 'admin', passwordHash, pinHash }, now());
      markPasswordUsedHere(db, username, now());
      session.signedIn(findAccount(db, username)!.username);
      return session.view();
    },
    async signIn({ username, password }) {
      const { account } = await credentials.check(username, password, (a) => [a.passwordHash]);
      await passwordUsed(account, password);
      session.signedIn(account.username);
      return session.view();
    },
    async switchClerk({ username, pin }) {
      const phase = session.phase();
      // A quick switch at a counter in use (signed in, or locked over someone's work); a counter signed out wants a password.
      if (phase !== 'signed-in' && phase !== 'locked') throw new LoketError('session/required');
      const { account } = await credentials.check(username, pin, (a) => [pinSchema.safeParse(pin).success ? a.pinHash : null]);
      // The PIN was right, so the person may learn why it still does not open the counter.
      if (!mayUsePin(db, account)) throw new LoketError('account/pin-not-allowed');
      session.signedIn(account.username);
      return session.view();
    },
    async unlock({ secret }) {
      const username = session.currentUsername();
      if (session.phase() !== 'locked' || username === null) throw new LoketError('account/not-locked');
      const isPin = pinSchema.safeParse(secret).success;
      const { account, matched } = await credentials.check(username, secret, (a) => [a.passwordHash, isPin && mayUsePin(db, a) ? a.pinHash : null]);
      if (matched === 0) await passwordUsed(account, secret);
      session.signedIn(account.username);
      return session.view();
    },
    async lockSession() {
      session.lock();
      return session.view();
    },
    async signOut() {
      session.signOut();
      return session.view();
    },
    async listAccounts() {
      return allAccounts(db).map((a) => viewOf(a, now()));
    },
    async saveAccount({ username, displayName, role, password, pin, disabled, create }) {
      refuseWhenManaged();
      const existing = findAccount(db, username);
      // A new account under a name already in use would take over that person's account (role, password, their trail).
      if (create && existing) throw new LoketError('account/username-taken', { username: existing.username, displayName: existing.displayName });
      if (!existing) refuseReserved(username);
      if (!existing && password === undefined) throw new LoketError('account/password-required');
      if (existing && losesAdmin(existing, role, disabled) && otherActiveAdmins(db, username) === 0) throw new LoketError('account/last-admin');
      const [passwordHash, pinHash] = await Promise.all([password ? hash(password) : undefined, pin ? hash(pin) : undefined]);
      upsertAccount(
        db,
        { username: existing?.username ?? username, displayName, role, ...(passwordHash ? { passwordHash } : {}), ...(pinHash ? { pinHash } : {}), ...(disabled !== undefined ? { disabled } : {}) },
        now(),
      );
      // A new password given by an administrator also lifts a lock-out.
      if (passwordHash) saveLockout(db, username, CLEAR_LOCKOUT);
      session.announce();
      return viewOf(findAccount(db, username)!, now());
    },
    async unlockAccount({ username }) {
      const account = findAccount(db, username);
      if (!account) throw new LoketError('account/not-found', { username });
      saveLockout(db, account.username, CLEAR_LOCKOUT);
      session.announce();
      return viewOf(findAccount(db, username)!, now());
    },
    async setOwnPin({ password, pin }) {
      const own = ownAccount();
      await credentials.check(own.username, password, (a) => [a.passwordHash]);
      replaceHash(db, own.username, 'pin', await hash(pin));
      markPasswordUsedHere(db, own.username, now());
      session.announce();
      return session.view();
    },
    async changeOwnPassword({ current, next }) {
      const own = ownAccount();
      await credentials.check(own.username, current, (a) => [a.passwordHash]);
      upsertAccount(db, { username: own.username, displayName: own.displayName, role: own.role, passwordHash: await hash(next) }, now());
      // Typed here just now: the PIN keeps working.
      markPasswordUsedHere(db, own.username, now());
      session.announce();
      return session.view();
    },
  };
}

/** The change leaves the account no longer an active administrator. */
function losesAdmin(existing: StoredAccount, role: Role, disabled: boolean | undefined): boolean {
  const wasActiveAdmin = existing.role === 'admin' && !existing.disabled;
  return wasActiveAdmin && (role !== 'admin' || disabled === true);
}

/** A name the audit trail uses for someone who is not an account: no new account takes it (RESERVED_USERNAMES). */
function refuseReserved(username: string): void {
  if (isReservedUsername(username)) throw new LoketError('account/username-reserved', { username: username.trim() });
}
