import { useCallback } from 'react';
import type { ContractError } from '../../../shared/contract';
import { formatContractError } from '../../../shared/i18n/format-error';
import { formatCoreMessage, type CoreMessage } from '../../../shared/i18n/messages';
import { currentLang, useLang } from './index';

/**
 * The core answers with codes and parameters, never words (it serves windows in different
 * languages at once). These word them in this window's language. Call the hooks while
 * rendering, so a language switch re-words what is already on screen.
 */
export function useCoreMessage(): (message: CoreMessage) => string {
  const lang = useLang();
  return useCallback((message: CoreMessage) => formatCoreMessage(lang, message), [lang]);
}

export function useErrorText(): (error: ContractError) => string {
  const lang = useLang();
  return useCallback((error: ContractError) => formatContractError(lang, error), [lang]);
}

/** An error in words now, for text built outside rendering (a toast, a status line set in a handler). */
export const errorTextNow = (error: ContractError): string => formatContractError(currentLang(), error);
