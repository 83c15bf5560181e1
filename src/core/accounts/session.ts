import type { AccountView, Role, SessionPhase, SessionView } from '../../shared/accounts';
import type { Db } from '../store/open-database';
import type { TypedEmitter } from '../typed-emitter';
import { accountCount, allAccounts, findAccount, viewOf, type StoredAccount } from './accounts.repo';
import { hubAccountsPresent, managedByHub } from './hub-managed';

export interface SessionDeps {
  db: Db;
  now: () => Date;
  events: TypedEmitter;
  autoLockMinutes: () => number;
  /** Always signed in as this person (CLI, harness preset, tests): never locked, never signed out. */
  actor?: { username: string; role: Role } | undefined;
}

/** Who is calling, as the access check needs it. */
export interface Caller {
  phase: SessionPhase;
  role: Role | null;
  /**
   * The only slips a locked counter, or a role without counter work, may show: locked, the
   * emergencies registered behind the present lock; signed in, those registered under this
   * account since it signed in (its own locks and unlocks in between keep them).
   */
  emergencies: readonly number[];
}

/** Which stretch and which sitting of the session an emergency was begun in (Session.emergencyTicket). */
export interface EmergencyTicket {
  stretch: number;
  sitting: number;
}

/**
 * The counter's session, one per core process. A restarted core (after a crash, or the app
 * started again) comes back LOCKED for the person signed in before (`session_resume`): the
 * window keeps its half-done work behind the lock, and only that person's password or PIN, or
 * another clerk's PIN, opens it. It holds
 * only the username and whether the screen is locked: the account itself (role, disabled) is
 * read from the store at every question, so a role changed or an account disabled by an
 * administrator (or by the hub) counts at once, and a session whose account is gone ends.
 */
export class Session {
  private username: string | null = null;
  private locked = false;
  /**
   * Counts the stretches of the session (each sign-in, unlock, lock and sign-out starts one), so an
   * emergency that was being registered across one of them is not taken for the next one's.
   */
  private stretchNo = 0;
  /**
   * The emergencies registered in the present stretch. Their slips are the only patient data a
   * locked counter gives out (the emergency's number and slip show over the lock), and the only
   * slips a data officer who registered one may see; every other slip waits for the unlock, or is
   * counter work. Forgotten at the unlock, a sign-in, a sign-out and the next lock.
   */
  private emergencies: number[] = [];
  /**
   * Counts the sittings: one account's time at the counter, from its sign-in (or take-over) to the
   * sign-out or another account's sign-in. Its own lock and unlock do not end it.
   */
  private sittingNo = 0;
  /**
   * The emergencies registered under the account in the present sitting (behind its own lock too:
   * they are recorded as its registrations). A data officer, who reads no other slip, prints these
   * after unlocking: a lock in between must not take back the slip of a visit it registered itself.
   */
  private sitting: number[] = [];

  constructor(private readonly deps: SessionDeps) {
    if (deps.actor) return;
    const resumed = deps.db.prepare('SELECT username FROM session_resume WHERE id = 1').get() as { username: string } | undefined;
    if (resumed) {
      this.username = resumed.username;
      this.locked = true;
    }
  }

  /** Kept in the database so a restarted core knows whom to lock the screen for. */
  private remember(username: string | null): void {
    if (username === null) this.deps.db.prepare('DELETE FROM session_resume').run();
    else this.deps.db.prepare('INSERT INTO session_resume (id, username) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET username = excluded.username').run(username);
  }

  /** The account of the session, if it is still there and enabled; null otherwise. */
  private account(): StoredAccount | null {
    if (this.username === null) return null;
    const account = findAccount(this.deps.db, this.username);
    return account && !account.disabled && usableForSignIn(this.deps.db, account) ? account : null;
  }

  phase(): SessionPhase {
    if (this.deps.actor) return 'signed-in';
    return this.phaseOf(this.account());
  }

  private phaseOf(account: StoredAccount | null): SessionPhase {
    if (account) return this.locked ? 'locked' : 'signed-in';
    return accountCount(this.deps.db) === 0 ? 'setup' : 'signed-out';
  }

  /** Asked on every call through dispatch: the account is read once for both answers. */
  caller(): Caller {
    if (this.deps.actor) return { phase: 'signed-in', role: this.deps.actor.role, emergencies: [] };
    const account = this.account();
    const phase = this.phaseOf(account);
    const emergencies = phase === 'locked' ? this.emergencies : phase === 'signed-in' ? this.sitting : [];
    return { phase, role: account?.role ?? null, emergencies: [...emergencies] };
  }

  /** Which stretch and sitting of the session are on now: taken before an emergency is registered. */
  emergencyTicket(): EmergencyTicket {
    return { stretch: this.stretchNo, sitting: this.sittingNo };
  }

  /**
   * An emergency registered under the ticket: its slip may be shown while that stretch lasts (behind
   * the lock), and to the account while that sitting lasts. One begun in an earlier stretch or
   * sitting is no one's here: it belongs to the lock or the account before.
   */
  emergencyRegistered(ticket: EmergencyTicket, visitId: number): void {
    const phase = this.phase();
    if (phase !== 'locked' && phase !== 'signed-in') return;
    if (ticket.stretch === this.stretchNo) this.emergencies.push(visitId);
    if (ticket.sitting === this.sittingNo) this.sitting.push(visitId);
  }

  /** A new stretch: the emergencies of the one before are forgotten. */
  private newStretch(): void {
    this.stretchNo += 1;
    this.emergencies = [];
  }

  /** A new sitting (another account, or a sign-out): the account before's emergencies are forgotten. */
  private newSitting(): void {
    this.sittingNo += 1;
    this.sitting = [];
  }

  /** The person acting now: the signed-in or locked account (an emergency behind the lock is theirs), the preset actor, else null. */
  actingUsername(): string | null {
    if (this.deps.actor) return this.deps.actor.username;
    return this.account()?.username ?? null;
  }

  /** The session's username even when it is locked; null when nobody is signed in. */
  currentUsername(): string | null {
    return this.deps.actor ? this.deps.actor.username : (this.account()?.username ?? null);
  }

  view(): SessionView {
    const db = this.deps.db;
    const phase = this.phase();
    const account: AccountView | null = this.deps.actor ? presetView(this.deps.actor) : ((a) => (a ? viewOf(a, this.deps.now()) : null))(this.account());
    return {
      phase,
      account: phase === 'signed-in' || phase === 'locked' ? account : null,
      knownClerks: allAccounts(db)
        .filter((a) => mayUsePin(db, a))
        .map((a) => ({ username: a.username, displayName: a.displayName })),
      autoLockMinutes: this.deps.autoLockMinutes(),
      managedByHub: managedByHub(db),
    };
  }

  signedIn(username: string): void {
    // Its own unlock (or a password typed over its own lock) goes on with the sitting; anyone else starts one.
    if (this.username !== username) this.newSitting();
    this.username = username;
    this.locked = false;
    this.newStretch();
    if (!this.deps.actor) this.remember(username);
    this.announce();
  }

  lock(): void {
    if (this.deps.actor || this.phase() !== 'signed-in') return;
    this.locked = true;
    this.newStretch();
    this.announce();
  }

  signOut(): void {
    if (this.deps.actor) return;
    this.username = null;
    this.locked = false;
    this.newStretch();
    this.newSitting();
    this.remember(null);
    this.announce();
  }

  /** Tells the windows the session (or what it shows: known clerks, the auto-lock minutes) changed. */
  announce(): void {
    this.deps.events.emit('session', this.view());
  }
}

function presetView(actor: { username: string; role: Role }): AccountView {
  return { username: actor.username, displayName: actor.username, role: actor.role, hasPin: false, disabled: false, lockedUntil: null, source: 'local' };
}

/**
 * Once the hub has sent accounts, only the hub's sign in (the counter's own are kept, unused,
 * for a counter that leaves the hub); before that, the counter's own still do, so an enrolled
 * counter whose hub has no accounts yet is never shut out.
 */
export function usableForSignIn(db: Db, account: StoredAccount): boolean {
  return account.source === 'hub' || !hubAccountsPresent(db);
}

/** A quick switch with a PIN: a PIN set, the password used on this counter before, enabled. */
export function mayUsePin(db: Db, account: StoredAccount): boolean {
  return account.pinHash !== null && account.passwordUsedHereAt !== null && !account.disabled && usableForSignIn(db, account);
}
