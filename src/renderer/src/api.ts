import type { LoketApi } from '../../shared/contract';
import type { LoketHarnessApi } from '../../shared/harness-api';

/** The typed client: the contract's methods as the preload (or the harness bridge) exposes them. */
export const loket: LoketApi = window.loket;

/** What only the browser harness adds (typed paths for want of dialogs); null in the desktop app. */
export const harness: LoketHarnessApi | null = window.loketHarness ?? null;

/** False when the page was opened without a preload or bridge (e.g. the bare built HTML). */
export const hasBridge = (): boolean => typeof window.loket === 'object' && window.loket !== null;
