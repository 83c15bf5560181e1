import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** How long the note about a rejected scan stays (ms): long enough to read two sentences. */
const SHOW_MS = 8000;

/**
 * The words for a scan Loket could not use (use-scan.ts took its digits out of the field and
 * kept its Enter from acting): how many digits came, what a number should have, what to do.
 */
export function useScanNotice(): { show: (count: number) => void; notice: ReactElement | null } {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((n: number) => {
    clearTimeout(timer.current);
    setCount(n);
    timer.current = setTimeout(() => setCount(null), SHOW_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const notice =
    count === null ? null : (
      <div className="scan-rejected" role="alert" data-testid="scan-rejected">
        {t('scan.rejected', { count })}
      </div>
    );
  return { show, notice };
}
