import type { RefusedHubAccount } from './hub-accounts';

/**
 * The counter's link to its facility hub, as the status bar and `loket sync` show it.
 * 'none': not enrolled (a counter on its own); 'connecting': enrolled, no round finished yet;
 * 'connected': the last round got through; 'unreachable': the hub did not answer (the counter
 * works alone and catches up later); 'refused': the hub answered no (e.g. this counter was revoked).
 */
export interface HubLink {
  state: 'none' | 'connecting' | 'connected' | 'unreachable' | 'refused';
  since: string;
  /** When a round last got through (ISO instant); null before the first. */
  lastSync: string | null;
  /**
   * When a round last brought records from other counters (or settings): screens showing the
   * register reload when it changes. The link's event is sent on this, not on every round.
   */
  lastChange: string | null;
  /** When the facility's settings (or BPJS access) last came from the hub: the app reloads its settings. */
  settingsAt: string | null;
  /** Changes written here that the hub has not confirmed yet. */
  backlog: number;
  /** The hub's refusal (a message code) or 'sync/internal'; null otherwise. */
  code: string | null;
  /** Where this counter is enrolled; null when it is not. */
  enrollment?: HubEnrollment | null;
  /**
   * The hub's clock minus this computer's, in whole minutes, as the last round saw it, when they
   * are more than a few minutes apart (src/shared/hub-clock.ts); null or absent otherwise.
   */
  clockMinutes?: number | null;
}

/** What one sync round moved. */
export interface SyncRound {
  pushed: number;
  duplicates: number;
  rejected: number;
  pulled: number;
  /** Records waiting to be applied (a same-NIK patient the hub will merge once it has ours), tried again each round. */
  deferred: number;
  /** Of those, the ones waiting for many rounds: this counter lacks part of the register (the IT officer should look). */
  stuck: number;
  /** Visits pulled now whose queue number a visit here already has: both kept and shown, marked in the queue. */
  conflicts: number;
  settingsChanged: boolean;
  /** Pulled from the start of the register (the first round after enrolling, or a register pulled again). */
  fromStart?: boolean;
  mrnBlock: { first: number; last: number } | null;
  /** The hub's clock minus this computer's, in whole minutes, when more than a few minutes apart; null otherwise. */
  clockMinutes?: number | null;
  /** The list-edition step run after the round (syncNow only; background rounds run it every few minutes). */
  editions?: EditionRoundSummary;
  /**
   * The hub did not hold the register this counter knew (a new hub, or one restored from a
   * backup): this many records of the counter were queued again, and the register pulled from 0.
   */
  resent?: number;
  /** Ops the hub refused that this counter set aside (outbox_rejected; not sent again), by reason; absent when none. */
  setAside?: { reason: string; count: number }[];
  /** Hub accounts this counter did not take (a password or PIN hash not of the kind Loket makes); absent when none. */
  accountsRefused?: RefusedHubAccount[];
}

/** What the edition step moved: local lists sent to the hub, the hub's newer ones installed here, files refused; `code` when the step failed. */
export interface EditionRoundSummary {
  uploaded: number;
  installed: number;
  refused: number;
  code: string | null;
  /**
   * Lists whose edition here could not be read and was fetched again from the hub (counted in
   * `installed`): `setAside` is the bad file's new name in the lists folder. Absent when none.
   */
  healed?: { list: string; setAside: string }[];
  /** Lists left as they are by this step, each with why (an `edition/...` message code); the other lists went on. Absent when none. */
  skipped?: { list: string; code: string }[];
}

/** This counter's place in the facility, after enrolling. */
export interface HubEnrollment {
  hubUrl: string;
  facility: string;
  /** The counter's name at the hub. */
  name: string;
  /** The queue prefix it numbers with while the hub is out of reach ("K2" → "K2-U-004"). */
  offlinePrefix: string;
}

/**
 * A notice from the hub as the follow-ups screen shows it: its kind worded by the screen, its
 * params filled in. `pull-stuck` is the counter's own (params: count): records from the hub it
 * has not been able to apply for many rounds. `register-resent`, its own too (params: count): the
 * hub did not hold the register this counter knew, and its records were sent again.
 * `merge-reversed`, its own too (params: hubMrn, ownMrn, name): a merge made here was answered the
 * other way by the hub (another counter merged the same pair first); RM hubMrn stands, not ownMrn.
 */
export interface HubNoticeView {
  uid: string;
  kind: 'patient-merged' | 'possible-duplicate' | 'status-conflict' | 'same-queue-number' | 'pull-stuck' | 'register-resent' | 'merge-reversed';
  at: string;
  params: Record<string, string>;
}
