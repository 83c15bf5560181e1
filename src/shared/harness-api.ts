import type { Result } from './contract';
import type { ChosenFile, FilePurpose } from './file-handle';

/**
 * What only the browser harness gives the page, beside `window.loket`: it has no file dialogs,
 * so a typed path is registered for a handle. Never part of the contract, so no IPC channel,
 * preload function or desktop window can ever reach it.
 */
export interface LoketHarnessApi {
  registerTypedPath(input: { path: string; purpose: FilePurpose }): Promise<Result<ChosenFile>>;
  /**
   * False when the core behind the page cannot print or make a PDF (the harness has no Chromium
   * to render one; a test may give it a printer): the slip area says so up front instead of
   * offering buttons and a path field that can only be refused.
   */
  printing?: boolean;
}

/** The harness's route for it, outside /rpc/ (which only carries contract methods). */
export const HARNESS_REGISTER_PATH = '/harness/registerTypedPath';
