/// <reference types="vite/client" />
import type { LoketApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Defined by the preload (Electron) or by the harness bridge (browser); see src/shared/contract.ts. */
    loket: LoketApi;
  }
}

export {};
