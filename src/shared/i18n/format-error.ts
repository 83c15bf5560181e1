import type { ContractError } from '../contract';
import { formatIssue } from '../input-issues';
import { formatCoreMessage, formatMessage, isMessageKey, type Lang } from './messages';

/**
 * A contract error in words, in the caller's language: errors cross the boundary as a code with
 * parameters (and `issues` for invalid input), never worded, since one core serves callers in
 * different languages. A code this catalog does not know still reads as a sentence.
 */
export function formatContractError(lang: Lang, error: ContractError, label?: (path: (string | number)[]) => string | undefined): string {
  const params = error.params ?? {};
  if (error.code === 'invalid-input') {
    const detail = (error.issues ?? []).map((i) => formatIssue(lang, i, label?.(i.path))).join('; ');
    return formatMessage(lang, 'invalid-input', { detail: detail || String(params.detail ?? '') });
  }
  if (isMessageKey(error.code)) return formatCoreMessage(lang, { code: error.code, params });
  return formatMessage(lang, 'internal', { detail: [error.code, params.detail].filter((p) => p !== undefined && p !== '').join(': ') });
}
