import type { ContractError } from '../shared/contract';
import { formatContractError } from '../shared/i18n/format-error';
import type { Lang } from '../shared/i18n/messages';
import { issueRule, type InputIssue } from '../shared/input-issues';
import { cliText, type CliKey } from './messages';

/** The input fields the commands fill (by the path's last key), as the command line names them. */
const FIELD_LABELS: Partial<Record<string, CliKey>> = {
  username: 'field/username',
  displayName: 'field/displayName',
  role: 'field/role',
  password: 'field/password',
  pin: 'field/pin',
};

function fieldLabel(lang: Lang, path: readonly (string | number)[]): string | undefined {
  const key = FIELD_LABELS[String(path[path.length - 1] ?? '')];
  return key ? cliText(lang, key) : undefined;
}

/**
 * A contract error in words for the command line. A refused input names each field as the user
 * knows it, in a sentence ("Kata sandi minimal 8 karakter."), not the contract's field code
 * ("Masukan tidak valid: password: minimal 8 karakter"); a field without a label keeps the
 * shared wording.
 */
export function cliContractError(lang: Lang, error: ContractError): string {
  const issues: readonly InputIssue[] = error.code === 'invalid-input' ? (error.issues ?? []) : [];
  const labelled = issues.map((issue) => ({ issue, label: fieldLabel(lang, issue.path) }));
  if (labelled.length > 0 && labelled.every((l) => l.label !== undefined)) {
    return `${labelled.map((l) => cliText(lang, 'field/issue', { field: l.label ?? '', rule: issueRule(lang, l.issue) })).join('; ')}.`;
  }
  return formatContractError(lang, error, (path) => fieldLabel(lang, path));
}
