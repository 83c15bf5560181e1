import type { ParseKeys } from 'i18next';
import type { ContractError } from '../../../shared/contract';
import { formatContractError } from '../../../shared/i18n/format-error';
import type { Lang } from '../../../shared/i18n/messages';

/** A key of this app's own catalog (messages-id.ts): a misspelt one is a compile error. */
export type UiKey = ParseKeys<'ui'>;

/** A parameter of a sentence: data as it is (a name, a queue number, a count), or words of its own. */
export type WordParam = string | number | Words;

/**
 * Something to say, kept as a catalog key with its parameters (or a core error), never as words:
 * a notice or an undo toast set in one language is worded again when the clerk switches to the
 * other, as everything else on screen is. Worded while rendering, by `useWords` (use-words.ts).
 */
export type Words = { key: UiKey; params?: Record<string, WordParam>; /** In lower case (a payer's name inside a sentence). */ lower?: boolean } | { error: ContractError };

export const words = (key: UiKey, params?: Record<string, WordParam>): Words => (params ? { key, params } : { key });
/** The same words in lower case ("tetap penjamin menyusul"). */
export const lowerWords = (key: UiKey): Words => ({ key, lower: true });
export const errorWords = (error: ContractError): Words => ({ error });

/** The translate function wording needs (i18next's `t`, or a plain one in the unit tests). */
export type WordsTranslate = (key: string, params?: Record<string, unknown>) => string;

const isWords = (p: WordParam): p is Words => typeof p === 'object' && p !== null;

/** Words in one language: the parameters that are words themselves are worded first. */
export function wordsText(w: Words, t: WordsTranslate, lang: Lang): string {
  if ('error' in w) return formatContractError(lang, w.error);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(w.params ?? {})) params[name] = isWords(value) ? wordsText(value, t, lang) : value;
  const text = w.params ? t(w.key, params) : t(w.key);
  return w.lower ? text.toLowerCase() : text;
}
