import type { Core, FilePurpose } from '../../src/core/core';

/**
 * The handle for a path, as the desktop app's dialog (or the harness's typed path) would give
 * it: the contract's file methods take handles, never paths.
 */
export const fileFor = (core: Pick<Core, 'registerFile'>, path: string, purpose: FilePurpose = 'open-list'): string => core.registerFile(path, purpose).handle;
