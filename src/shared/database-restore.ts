/**
 * A restore from a backup as the person who ran it reads it: the same facts `loket restore`
 * prints (src/cli/commands/restore.ts words them; the app's Settings → Keamanan data too), decided
 * once from the restore's report (src/core/store/restore-view.ts).
 */
export interface RestoreView {
  /** The backup's file name (as chosen; its folder is not shown). */
  backup: string;
  /** When the backup file was last written (UTC instant). */
  backupFileTime: string;
  /** The last registration the backup holds (UTC instant), null when it holds none. */
  lastRegistration: string | null;
  patients: number;
  visits: number;
  lists: { name: string; kind: string; edition: number; asOf: string; members: number; state: 'current' | 'previous' }[];
  /** The key file written beside the restored database (from the recovery key), null for a plain one. */
  keyFile: string | null;
  /** The app sealed that key file with the OS store after the restore (else it is in plain form). */
  keySealed: boolean;
  /** The folder the replaced files were moved into (the IT officer must find it); null when there was nothing to replace. */
  aside: string | null;
  /** What that folder holds that the restored database lacks; null without a folder. */
  asideHolds: AsideHolds | null;
  /** The replaced database's changes the hub had not received, now only in that folder (a forced restore). */
  unsentAside: { changes: number; registrations: number } | null;
  /** Numbers the replaced database had given were carried: none is given twice. */
  numbersCarried: boolean;
  /** What the restore means for the counter's place at the facility hub; null: nothing to say. */
  hubNote: RestoreHubNote | null;
  /** The seq of the `restore` entry on the restored audit trail; null for a backup from before the trail. */
  recorded: number | null;
}

export type AsideHolds =
  /** The replaced database could not be read (no key at hand, damaged): keep the folder. */
  | { kind: 'unknown' }
  /** Its trail does not continue the backup's (another past): keep the folder. */
  | { kind: 'other-trail'; seq: number; registrations: number }
  /** Nothing registered or recorded after the backup: the folder may go once the restored data is checked. */
  | { kind: 'nothing-later' }
  /** Registrations and trail entries made after the backup: keep the folder with the backup. */
  | { kind: 'later'; registrations: number; last: string | null; entries: number; seq: number };

/**
 * 'enrolled-sync': enrolled, sync before registering; 'enrolled-unknown-numbers': enrolled and the
 * old database unread, sync until it succeeds before registering; 'not-enrolled-unknown': whether
 * the old one was enrolled is not known; 'not-enrolled-forced': the old one was enrolled, the
 * restored one is not (enrol again before registering).
 */
export type RestoreHubNote = 'enrolled-sync' | 'enrolled-unknown-numbers' | 'not-enrolled-unknown' | 'not-enrolled-forced';

/** The refusals a second, explicit confirmation may override (`loket restore --force`). */
export const FORCEABLE_RESTORE_REFUSALS = ['restore/unsent', 'restore/before-enrolment'] as const;
