import type { LoketApi } from '../shared/contract';

declare global {
  interface Window {
    /** The contract's methods and events, exposed by the preload (or by the browser harness's bridge). */
    loket: LoketApi;
  }
}

export {};
