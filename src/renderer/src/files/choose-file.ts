import type { ContractError, LoketApi } from '../../../shared/contract';
import type { ChosenFile, FilePurpose } from '../../../shared/file-handle';
import type { LoketHarnessApi } from '../../../shared/harness-api';

/**
 * What came of asking for a file: a chosen file (its handle and name), 'ask' (no dialog here, the
 * screen shows a path field: only in the browser harness), 'cancelled' (the dialog was closed:
 * nothing to do), or a failure to show.
 */
export type FileChoice =
  | { kind: 'chosen'; file: ChosenFile }
  | { kind: 'ask' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: ContractError };

/** Where choices come from: the contract's dialog, and the harness's typed paths where it exists. */
export interface FileSources {
  pickFile: LoketApi['pickFile'];
  /** Only the browser harness defines it; in the desktop app there is no typed path at all. */
  harness: LoketHarnessApi | null;
}

export interface FileRequest {
  purpose: FilePurpose;
  suggestedName?: string;
  /** A path typed into the harness's path field; absent: ask the dialog. */
  typed?: string;
}

/**
 * One step of choosing a file for a purpose. Without `typed`, the dialog is asked; when it
 * answers nothing, the harness (and only it) asks for a path. With `typed`, the harness
 * registers that path for a handle. The window never sends a path to the contract.
 */
export async function chooseFile(sources: FileSources, request: FileRequest): Promise<FileChoice> {
  const { purpose, suggestedName, typed } = request;
  if (typed !== undefined) {
    if (!sources.harness) return { kind: 'cancelled' };
    const registered = await sources.harness.registerTypedPath({ path: typed, purpose });
    return registered.ok ? { kind: 'chosen', file: registered.value } : { kind: 'failed', error: registered.error };
  }
  const picked = await sources.pickFile({ purpose, ...(suggestedName ? { suggestedName } : {}) });
  if (!picked.ok) return { kind: 'failed', error: picked.error };
  if (picked.value.file) return { kind: 'chosen', file: picked.value.file };
  return sources.harness ? { kind: 'ask' } : { kind: 'cancelled' };
}
