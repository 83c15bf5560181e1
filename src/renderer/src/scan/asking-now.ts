import { useEffect } from 'react';
import type { Words } from '../i18n/words';

/**
 * The question a screen is asking the clerk right now (cancel a visit, move it to another poli),
 * as the words the search screen says when a scan drops it.
 * A scan drops every question, because a scan is always a new search (App.tsx); the search
 * screen then says which one was not done, so nobody believes a visit cancelled or moved that
 * is still waiting where it was (UI tester 14). One at a time: only one screen shows.
 */
let asking: Words | null = null;

/** While `words` is not null, a scan that drops this screen's question says so. */
export function useAskingNow(words: Words | null): void {
  useEffect(() => {
    asking = words;
    return () => {
      if (asking === words) asking = null;
    };
  }, [words]);
}

/** The question a scan drops now, once (null when none was open). */
export function takeDroppedQuestion(): Words | null {
  const words = asking;
  asking = null;
  return words;
}
