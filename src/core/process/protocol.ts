/**
 * What the main process and the core process say to each other over their MessagePort (a
 * Node IPC channel in tests). Contract calls go one way and come back as Results; the core asks
 * the main process for the few things only Electron's main can do (print, the OS key store, a
 * file dialog). Every message is structured-clone data: no functions, no class instances.
 */
import type { ContractEvents, Result } from '../../shared/contract';
import type { RestoreView } from '../../shared/database-restore';
import type { FilePurpose } from '../core-types';
import type { RestorePlan } from '../security/restore-plan';
import type { RestoreRun } from '../store/restore-run';

/** The serializable part of CoreConfig: what the main process tells a new core process. */
export interface CoreProcessConfig {
  dbPath: string;
  key?: string;
  nextKey?: string;
  keyFile?: { path: string; sealed: boolean };
  convertPlain?: boolean;
  nativeBinding?: string;
  workerScript?: string | null;
  clerk?: string;
  timeZone?: string;
  /** The main process seals secrets with the OS key store ('os'), or the core uses its own key file (null). */
  secretBox: 'os' | null;
  /** The main process can print slips and render PDFs. */
  printer: boolean;
  /** The main process shows open and save dialogs. */
  dialogs: boolean;
}

/** A service of the main process, with its arguments. */
export type HostRequest =
  | { service: 'print'; html: string; options: { paper: string; deviceName: string; lengthMm: number | null } }
  | { service: 'toPdf'; html: string; options: { paper: string; lengthMm: number | null } }
  | { service: 'seal'; plain: string }
  | { service: 'open'; sealed: string }
  | { service: 'pick'; purpose: FilePurpose; suggestedName?: string };

export type HostReply = { t: 'reply'; id: number; ok: true; value: unknown } | { t: 'reply'; id: number; ok: false; name: string; message: string };

export type HostToCore =
  | { t: 'start'; config: CoreProcessConfig }
  | { t: 'call'; id: number; method: string; input: unknown }
  | HostReply
  | { t: 'stop' }
  /** A restore asked through the contract: the running core checks it (security/restore-plan.ts). */
  | { t: 'plan-restore'; id: number; input: unknown }
  /** To a process with no core open: the restore itself (store/restore-run.ts), then `stop`. */
  | { t: 'restore'; id: number; run: RestoreRun };

export type CoreToHost =
  | { t: 'ready'; pid: number }
  /** The core could not open (wrong key, a database from a newer Loket, a broken driver): no restart helps. */
  | { t: 'failed'; message: string; error: { code: string; params: Record<string, string | number> } }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: keyof ContractEvents; payload: unknown }
  | { t: 'ask'; id: number; request: HostRequest }
  | { t: 'restore-plan'; id: number; result: Result<RestorePlan> }
  | { t: 'restored'; id: number; result: Result<RestoreView> };

/** One end of the channel: a MessagePort in Electron, process IPC in Node. */
export interface Channel<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
