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

/** Messages whose `detail` is itself a code of the catalog under a prefix: "Invalid NIK (must be 16 digits)". */
const NESTED_DETAIL: Partial<Record<MessageKey, string>> = { 'row/nik-invalid': 'nik-reason/', 'row/card-invalid': 'card-reason/' };

/** A core message in words, in the caller's language. */
export function formatCoreMessage(lang: Lang, message: CoreMessage): string {
  const params = message.params ?? {};
  const prefix = NESTED_DETAIL[message.code];
  const nested = prefix === undefined ? '' : `${prefix}${String(params.detail ?? '')}`;
  // A reason this catalog does not know (a newer core, an old stored row) is shown as it came.
  if (prefix !== undefined && isMessageKey(nested)) return formatMessage(lang, message.code, { ...params, detail: formatMessage(lang, nested) });
  return formatMessage(lang, message.code, params);
}
