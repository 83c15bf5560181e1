import { messagesEn } from './messages-en';
import { messagesId, type MessageKey } from './messages-id';

export type Lang = 'id' | 'en';
export type { MessageKey };
export const CORE_MESSAGES: Record<Lang, Record<MessageKey, string>> = { id: messagesId, en: messagesEn };

export type MessageParams = Record<string, string | number>;

/**
 * What the core says, without words: a catalog key and its parameters. The core never words a
 * message itself (it serves callers in several languages at once); each caller (a window, the
 * CLI, the harness) words it in its own language with formatCoreMessage.
 */
export interface CoreMessage {
  code: MessageKey;
  params?: MessageParams;
}

/** Formats a core message; `{{name}}` placeholders as in i18next, so the renderer can share the catalog. */
export function formatMessage(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = CORE_MESSAGES[lang][key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const isMessageKey = (code: string): code is MessageKey => Object.hasOwn(CORE_MESSAGES.id, code);

/**
 * Parameters that are themselves codes of the catalog under a prefix: a row's reason ("Invalid
 * NIK (must be 16 digits)"), or a list of codes joined by ", " (the BPJS fields still missing).
 */
const NESTED: Partial<Record<MessageKey, { param: string; prefix: string }>> = {
  'row/nik-invalid': { param: 'detail', prefix: 'nik-reason/' },
  'row/card-invalid': { param: 'detail', prefix: 'card-reason/' },
  'bpjs/incomplete': { param: 'missing', prefix: 'bpjs-field/' },
  'list-file/not-a-list': { param: 'reason', prefix: 'list-file-reason/' },
  'list-file/corrupt-workbook': { param: 'reason', prefix: 'list-file-reason/' },
  'list-file/no-header': { param: 'reason', prefix: 'list-file-reason/' },
  'list-file/no-identifier-column': { param: 'reason', prefix: 'list-file-reason/' },
  'list-file/unknown-mapping-column': { param: 'field', prefix: 'list-field/' },
  'list-file/mapping-column-twice': { param: 'field', prefix: 'list-field/' },
  'import/unplaced-identifier': { param: 'field', prefix: 'list-field/' },
  'hub/edition-invalid': { param: 'reason', prefix: '' },
};

/** A core message in words, in the caller's language. */
export function formatCoreMessage(lang: Lang, message: CoreMessage): string {
  const params = message.params ?? {};
  const nested = NESTED[message.code];
  if (nested === undefined || params[nested.param] === undefined) return formatMessage(lang, message.code, params);
  // A code this catalog does not know (a newer core, an old stored row) is shown as it came.
  const word = (code: string): string => (isMessageKey(`${nested.prefix}${code}`) ? formatMessage(lang, `${nested.prefix}${code}` as MessageKey, params) : code);
  const words = String(params[nested.param]).split(', ').map(word).join(', ');
  return formatMessage(lang, message.code, { ...params, [nested.param]: words });
}
