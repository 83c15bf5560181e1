import { useCallback, useEffect, useRef, useState } from 'react';
import { loket } from '../api';
import { currentLang } from '../i18n';
import { errorWords, words, type Words } from '../i18n/words';
import { focusKindOf } from '../focus-kind';
import { setPrintKeysOnQueue } from './p-key-now';
import { printKeyOf } from './print-keys';
import { slipPrinterOf } from './slip-printers';

export interface LastSlip {
  visitId: number;
  queue: string;
}

/** Kept as words, worded while rendering (PrintNotice.tsx): a language switch re-words it. */
export type PrintNotice = { tone: 'ok' | 'info' | 'bad'; words: Words } | null;

/**
 * P, F4 and Ctrl+P print the last registered visit's slip from every screen (the rule is
 * print-keys.ts). Installed once in the app, in the capture phase: no field swallows them.
 * Where no slip panel shows that visit, it prints directly and says so in a notice.
 */
export function usePrintKeys(last: LastSlip | null, onQueueScreen: boolean): { notice: PrintNotice; dismiss: () => void } {
  const [notice, setNotice] = useState<PrintNotice>(null);
  const lastRef = useRef(last);
  lastRef.current = last;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((n: PrintNotice) => {
    clearTimeout(timer.current);
    setNotice(n);
    if (n) timer.current = setTimeout(() => setNotice(null), 6000);
  }, []);

  const print = useCallback(
    async (reprint: boolean) => {
      const slip = lastRef.current;
      if (!slip) return show({ tone: 'info', words: words('print.none') });
      const panel = slipPrinterOf(slip.visitId);
      if (panel) return panel(reprint);
      const result = await loket.printSlip({ visitId: slip.visitId, lang: currentLang(), ...(reprint ? { reprint: true } : {}) });
      if (result.ok) show({ tone: 'ok', words: words('print.printed', { queue: slip.queue, printer: result.value.printer || words('slip.defaultPrinter') }) });
      else show({ tone: result.error.code === 'print/unavailable' ? 'info' : 'bad', words: errorWords(result.error) });
    },
    [show],
  );

  useEffect(() => setPrintKeysOnQueue(onQueueScreen), [onQueueScreen]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const which = printKeyOf({
        key: event.key,
        ctrl: event.ctrlKey,
        alt: event.altKey,
        meta: event.metaKey,
        onQueueScreen,
        focus: focusKindOf(event.target),
      });
      if (!which) return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) void print(which === 'reprint');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onQueueScreen, print]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { notice, dismiss: () => show(null) };
}
