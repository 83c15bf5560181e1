import { useEffect } from 'react';

/** The search screen's own keys: Esc anywhere, the next patient; F2, a new patient without data. Not while a dialog has the keys. */
export function useScreenKeys(paused: boolean, onEscape: () => void, onNewPatient: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (paused || event.defaultPrevented) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
      } else if (event.key === 'F2') {
        event.preventDefault();
        onNewPatient();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape, onNewPatient, paused]);
}
