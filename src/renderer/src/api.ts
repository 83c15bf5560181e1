import type { LoketApi } from '../../shared/contract';

/** The typed client: the contract's methods as the preload (or the harness bridge) exposes them. */
export const loket: LoketApi = window.loket;

/** False when the page was opened without a preload or bridge (e.g. the bare built HTML). */
export const hasBridge = (): boolean => typeof window.loket === 'object' && window.loket !== null;
