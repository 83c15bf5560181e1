import type { z } from 'zod';
import { formatMessage, type Lang, type MessageKey } from './i18n/messages';

/**
 * What is wrong with one field of an input, without words: the screen names the field as it
 * labels it and says the rule in its language (formatIssue). `bound` is the limit broken
 * (minimum, maximum, length); `other` the 1-based row a value repeats; `values` the allowed ones.
 */
export type IssueKind = 'required' | 'too-small' | 'too-big' | 'too-short' | 'too-long' | 'format' | 'one-of' | 'not-unique' | 'not-a-unit' | 'mrn-seq' | 'mrn-start-wide' | 'no-such-date' | 'control-characters' | 'no-letters' | 'invalid';
export interface InputIssue {
  path: (string | number)[];
  kind: IssueKind;
  bound?: number;
  other?: number;
  values?: string[];
}

const KNOWN_RULES: readonly IssueKind[] = ['not-unique', 'not-a-unit', 'mrn-seq', 'mrn-start-wide', 'no-such-date', 'control-characters', 'no-letters'];
/** Rules named in a schema's custom issue (`params.rule`) -> the kind. */
const RULE_KIND: Record<string, IssueKind> = { unique: 'not-unique', 'one-of-units': 'not-a-unit', 'mrn-seq': 'mrn-seq', 'mrn-start-wide': 'mrn-start-wide', 'calendar-date': 'no-such-date', printable: 'control-characters', letters: 'no-letters' };

/** zod's issues (parsed with `reportInput: true`, so a missing field reads as missing) as InputIssues. */
export function issuesOf(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  return issues.map((i): InputIssue => {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
    switch (i.code) {
      case 'too_small': {
        const bound = Number(i.minimum);
        if (i.origin === 'string' || i.origin === 'array') return bound <= 1 ? { path, kind: 'required' } : { path, kind: 'too-short', bound };
        return { path, kind: 'too-small', bound };
      }
      case 'too_big': {
        const bound = Number(i.maximum);
        return i.origin === 'string' || i.origin === 'array' ? { path, kind: 'too-long', bound } : { path, kind: 'too-big', bound };
      }
      case 'invalid_format':
        return { path, kind: 'format' };
      case 'invalid_value':
        return i.input === undefined ? { path, kind: 'required' } : { path, kind: 'one-of', values: i.values.map(String) };
      case 'invalid_type':
        return { path, kind: i.input === undefined || i.input === null || i.input === '' ? 'required' : 'invalid' };
      case 'custom': {
        const rule = typeof i.params?.rule === 'string' ? RULE_KIND[i.params.rule] : undefined;
        const other = typeof i.params?.other === 'number' ? { other: i.params.other } : {};
        const bound = typeof i.params?.bound === 'number' ? { bound: i.params.bound } : {};
        return rule && KNOWN_RULES.includes(rule) ? { path, kind: rule, ...other, ...bound } : { path, kind: 'invalid' };
      }
      default:
        return { path, kind: 'invalid' };
    }
  });
}

/** The rule broken, in words: "minimal 1", "at least 1". */
export function issueRule(lang: Lang, issue: InputIssue): string {
  return formatMessage(lang, `issue/${issue.kind}` as MessageKey, {
    bound: issue.bound ?? '',
    other: issue.other ?? '',
    values: (issue.values ?? []).join(', '),
  });
}

/** "Label: rule" for one issue; the label is the screen's name for the field (the path when it has none). */
export function formatIssue(lang: Lang, issue: InputIssue, label?: string): string {
  return `${label ?? (issue.path.join('.') || 'input')}: ${issueRule(lang, issue)}`;
}
