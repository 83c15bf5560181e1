import { CORE_MESSAGES, formatCoreMessage, isMessageKey, type Lang } from '../../shared/i18n/messages';

/**
 * A rejected or warned row's reason in words, from the code and the detail stored with it
 * (a reason code, a row number, a cell). Rows stored before reasons were kept as codes hold
 * the whole sentence in the detail, in the language of that day: shown as they are.
 */
export function issueReason(lang: Lang, code: string, detail: string | null): string | null {
  if (!isMessageKey(code)) return detail;
  if (detail !== null && isWordedAlready(code, detail)) return detail;
  return formatCoreMessage(lang, { code, params: { detail: detail ?? '' } });
}

/** The detail is a whole reason in some language: the template with its {{detail}} filled in. */
function isWordedAlready(code: keyof (typeof CORE_MESSAGES)['id'], detail: string): boolean {
  return (['id', 'en'] as const).some((lang) => {
    const [before = '', after = ''] = CORE_MESSAGES[lang][code].split('{{detail}}');
    return detail.length >= before.length + after.length && detail.startsWith(before) && detail.endsWith(after) && (before !== '' || after !== '');
  });
}
