import type { QueueNumberRequest } from '../shared/hub-protocol';
import type { CounterSettings } from '../shared/settings';
import type { CoreConfig, TypedEmitter } from './core';
import type { FileHandles } from './files/file-handles';
import type { EditionCatalog } from './lookup/edition-catalog';
import type { Db } from './store/open-database';

/**
 * What every group of contract methods shares: the database, the clock, the settings. No language:
 * the core returns codes with parameters and each caller words them (documents take `lang` per call).
 */
export interface CoreContext {
  config: CoreConfig;
  db: Db;
  now: () => Date;
  /** Today's date in the facility's time zone. */
  today: () => string;
  timeZone: () => string;
  staleAfterDays: () => number;
  settings: () => CounterSettings;
  /** `joining`: the hub's settings taken with the register pulled from its start (a zone taken then is not recorded as a change, settings.repo.ts). */
  setSettings: (settings: CounterSettings, options?: { joining?: boolean }) => void;
  catalog: EditionCatalog;
  /** The files chosen by the person, behind the handles the contract carries. */
  files: FileHandles;
  events: TypedEmitter;
  /** The person acting now: the signed-in (or locked) account's username, or the preset actor (CLI, tests). */
  clerk: () => string;
  /** What the counter needs to know of the BPJS link. */
  bpjs: {
    /** A service is set up: visits registered on the lists only are re-checked later. */
    configured: () => boolean;
    /** A visit or follow-up changed: the status bar's count, and perhaps a re-check run. */
    changed: () => void;
  };
  /**
   * An enrolled counter's queue numbers come from the hub (one queue per unit for the facility).
   * Null means "not now" (the hub cannot be reached): the visit is numbered locally behind the
   * counter's offline prefix. The provider keeps its own short timeout: a clerk never waits on it.
   */
  hubQueueNumber?: (req: QueueNumberRequest) => Promise<number | null>;
}
