import { messagesEn } from './messages-en';
import { messagesId, type MessageKey } from './messages-id';

export type Lang = 'id' | 'en';
export type { MessageKey };
export const CORE_MESSAGES: Record<Lang, Record<MessageKey, string>> = { id: messagesId, en: messagesEn };

/** Formats a core message; `{{name}}` placeholders as in i18next, so the renderer can share the catalog. */
export function formatMessage(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CORE_MESSAGES[lang][key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
