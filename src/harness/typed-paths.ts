import { z } from 'zod';
import type { Result } from '../shared/contract';
import { FILE_PURPOSES, type ChosenFile } from '../shared/file-handle';
import { issuesOf } from '../shared/input-issues';
import type { Core } from '../core/core';

const typedPathSchema = z.object({ path: z.string().trim().min(1).max(4096), purpose: z.enum(FILE_PURPOSES) });

/**
 * The browser harness has no file dialogs: a path the trainer or a test types stands in for the
 * dialog's answer. It is registered here, outside the contract, so the desktop app's IPC can
 * never offer it; the page gets a handle as it would from pickFile.
 */
export function registerTypedPath(core: Core, rawInput: unknown): Result<ChosenFile> {
  const parsed = typedPathSchema.safeParse(rawInput, { reportInput: true });
  if (!parsed.success) {
    // A code with its issues, like the contract's refusals: the page words it in its language.
    return { ok: false, error: { code: 'invalid-input', issues: issuesOf(parsed.error.issues) } };
  }
  return { ok: true, value: core.registerFile(parsed.data.path, parsed.data.purpose) };
}
