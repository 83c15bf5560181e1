import { formatCoreMessage, type CoreMessage, type Lang } from '../shared/i18n/messages';
import { noticeMessage, type ImportNotice, type ImportReport } from '../shared/lists';
import type { LookupResult } from '../shared/lookup';
import { cliText } from './messages';

/**
 * The JSON the command prints: the contract's answer as it is (codes and parameters, for
 * programs) with each message also worded in --lang (`message`; a row's `reason`), for people
 * reading the output. The core itself never words anything.
 */
const worded = (lang: Lang, m: CoreMessage): CoreMessage & { message: string } => ({ ...m, message: formatCoreMessage(lang, m) });

export function wordedLookup(lang: Lang, r: LookupResult) {
  return {
    ...r,
    problem: r.problem ? worded(lang, r.problem) : null,
    ...(r.queryWarnings ? { queryWarnings: r.queryWarnings.map((w) => worded(lang, w)) } : {}),
    ...(r.unsearched ? { unsearched: { ...r.unsearched, message: worded(lang, r.unsearched.message) } } : {}),
    ...(r.conflict ? { conflict: { ...r.conflict, message: worded(lang, r.conflict.message) } } : {}),
    ...(r.contradiction ? { contradiction: worded(lang, r.contradiction) } : {}),
  };
}

/**
 * An import notice in words for the command line: the two that tell how to undo an import name
 * `loket rollback` (the shared catalog names the app's Lists screen, which a CLI user is not at).
 */
export function cliNoticeText(lang: Lang, n: ImportNotice): string {
  if (n.code === 'fewer-members' || n.code === 'older-as-of') return cliText(lang, `import/${n.code}`, n.params);
  return formatCoreMessage(lang, noticeMessage(n));
}

export function wordedImport(lang: Lang, r: ImportReport) {
  return {
    ...r,
    notices: r.notices.map((n) => ({ ...n, message: cliNoticeText(lang, n) })),
    rejects: r.rejects.map((x) => ({ ...x, reason: formatCoreMessage(lang, x) })),
    warnings: r.warnings.map((x) => ({ ...x, reason: formatCoreMessage(lang, x) })),
  };
}
