/// <reference types="vite/client" />
import type { LoketApi } from '../../shared/contract';
import type { LoketHarnessApi } from '../../shared/harness-api';

declare global {
  interface Window {
    /** Defined by the preload (Electron) or by the harness bridge (browser); see src/shared/contract.ts. */
    loket: LoketApi;
    /** Defined only by the browser harness's bridge: a typed path registered for a file handle. */
    loketHarness?: LoketHarnessApi;
  }
}

export {};
