import { z } from 'zod';
import type { Result } from '../shared/contract';
import { FILE_PURPOSES, type ChosenFile } from '../shared/file-handle';
import { formatMessage } from '../shared/i18n/messages';
import { formatIssue, issuesOf } from '../shared/input-issues';
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
    const issues = issuesOf(parsed.error.issues);
    const detail = issues.map((i) => formatIssue(core.lang, i)).join('; ');
    return { ok: false, error: { code: 'invalid-input', message: formatMessage(core.lang, 'invalid-input', { detail }), issues } };
  }
  return { ok: true, value: core.registerFile(parsed.data.path, parsed.data.purpose) };
}
