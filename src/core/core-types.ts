import type { MethodName, MethodOutput, MethodParsedInput } from '../shared/contract';
import type { Role } from '../shared/accounts';
import type { Caller } from './accounts/session';
import type { ScryptCost } from './accounts/password-hash';
import type { ChosenFile, FilePurpose } from '../shared/file-handle';
import type { SecretBox } from './secrets/secret-box';
import type { SlipPrinter } from './slips/slips';
import type { Db } from './store/open-database';
import type { CoreMessage } from '../shared/i18n/messages';
import type { TypedEmitter } from './typed-emitter';
import type { QueueNumberRequest } from '../shared/hub-protocol';
import type { HubCredential } from './sync/hub-credential.repo';
import type { HubTransport } from './sync/hub-transport';
import type { CounterStanding } from './sync/enroll';
import type { RestorePlan } from './security/restore-plan';

/** How a core is opened: by the desktop app, the CLI, the harness and the tests alike. */
export interface CoreConfig {
  dbPath: string;
  /** Encryption key of the database, if it is encrypted. */
  key?: string;
  /** The new key of a re-key a crash interrupted (`<key file>.next`): finished before the database opens. */
  nextKey?: string;
  /** Where the key is kept (store/database-key.ts) and whether the OS store seals it; absent: given by LOKET_DB_KEY. */
  keyFile?: { path: string; sealed: boolean };
  /** The key management made `key` for a database found plain: encrypt it before opening (store/database-convert.ts). */
  convertPlain?: boolean;
  /** better_sqlite3.node for the running runtime (Electron); plain Node finds its own. */
  nativeBinding?: string;
  /** Overrides the settings' time zone (IANA): "today" and list ages follow it. */
  timeZone?: string;
  /** Overrides the settings' stale-list age. */
  staleAfterDays?: number;
  /** Who registers at this counter: recorded with every visit. */
  clerk?: string;
  /**
   * A session that is always signed in as this person (no sign-in screen): the CLI, which holds
   * the database key and so is the file's administrator (`cli:<os user>`), the harness's preset
   * administrator, tests. Without it the counter's accounts decide (docs/accounts.md).
   */
  actor?: { username: string; role: Role };
  /** The scrypt cost of new password and PIN hashes (default HASH_COST; tests lower it to run quickly). */
  secretHashCost?: ScryptCost;
  /** Prints slips (Electron's webContents in the app); without it printing says it is unavailable. */
  printer?: SlipPrinter;
  /** Open and save dialogs (the desktop app's); without them pickFile answers null. */
  dialogs?: FileDialogs;
  /** The built import-worker.js. Without it imports run in-process (CLI, tests): fine where no window can freeze. */
  workerScript?: string | null;
  /** Seals BPJS secrets: Electron safeStorage in the app; by default a key file next to the database. */
  secretBox?: SecretBox;
  /** The BPJS probe and automatic re-checks run in the background (default true; the CLI turns them off). */
  bpjsBackground?: boolean;
  /** Overrides the probe interval of the BPJS settings (tests, demos). */
  bpjsProbeMs?: number;
  /** Between idle checkpoints of the main database's WAL (default 10 s; store/idle-checkpoint.ts). */
  idleCheckpointMs?: number;
  now?: () => Date;
  /** An enrolled counter's queue numbers from its hub (see CoreContext.hubQueueNumber); without it, numbered offline. */
  hubQueueNumber?: (req: QueueNumberRequest) => Promise<number | null>;
  /** Sync rounds with the hub run by themselves (default: as bpjsBackground; the CLI runs them only when asked). */
  hubBackground?: boolean;
  /** Time between sync rounds while connected (default 1 s). */
  hubIntervalMs?: number;
  /**
   * How long a registration waits for the hub's queue number before numbering offline (default
   * 400 ms: a clerk never waits on the network). Tests about the hub's numbering on a loaded
   * machine give more, so that the offline number they do not test never stands in.
   */
  hubNumberTimeoutMs?: number;
  /** At most one background list-edition step per this long (default 5 minutes; a new local edition goes at once). */
  hubEditionIntervalMs?: number;
  /** Reaches the hub another way than the credential's pinned HTTPS (tests). */
  /** `standing`: the counter's own probes, which a test passes on to transportFor to keep the headers. */
  hubTransport?: (credential: HubCredential, standing: Required<CounterStanding>) => HubTransport;
}

export type { ChosenFile, FilePurpose };
export interface FileDialogs {
  pick(purpose: FilePurpose, suggestedName?: string): Promise<string | null>;
}

export type CoreMethods = { [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> };

export interface Core extends CoreMethods {
  readonly events: TypedEmitter;
  readonly db: Db;
  /**
   * Remembers a file the person chose and answers the handle the contract's file methods take
   * (synchronous). Not a contract method, so no window can call it: the main process calls it
   * with a dialog's answer, the browser harness with a typed path, the CLI with its arguments.
   */
  registerFile(path: string, purpose: FilePurpose): ChosenFile;
  /**
   * A restore the caller asked for, before its host stops this core (security/restore-plan.ts,
   * after the access check): the paths behind the two handles and who asks, once the refusals
   * this core can give while it runs found nothing (store/restore-precheck.ts). Not a contract method.
   */
  restorePlan(input: MethodParsedInput<'restoreBackup'>): Promise<RestorePlan>;
  /** Who calls now (the session's phase and role): what dispatch checks METHOD_ACCESS against. */
  caller(): Caller;
  /**
   * Records a call dispatch refused before the core saw it: under whoever is acting (signed in or
   * behind the lock; nobody: NO_SESSION_ACTOR), stamped with the core's clock like every entry.
   */
  recordRefusal(method: string, code: string): void;
  /**
   * What this start found about the data files that the administrator must act on (a file set
   * aside plain, a key file others can read; security-notices.ts): the `loket` command prints
   * them, the app shows them in Settings → Keamanan data (databaseSecurity).
   */
  readonly startNotices: readonly CoreMessage[];
  /** Resolves once an enrolled counter's hub link has started (its stored credential read). */
  readonly hubReady: Promise<void>;
  close(): void;
}
