import { useTranslation } from 'react-i18next';
import { useWords } from '../i18n/use-words';
import { usePKeyPrints } from './p-key-now';
import type { PrintNotice as Notice } from './use-print-keys';

/**
 * What a print key did where no slip panel shows the visit, worded while rendering (a language
 * switch re-words it), and the keys that print from where the focus is now (no P in a text
 * field, nor on the queue): a component of its own, since it follows the focus.
 */
export function PrintNotice({ notice }: { notice: NonNullable<Notice> }) {
  const { t } = useTranslation();
  const say = useWords();
  const pPrints = usePKeyPrints();
  return (
    <div className={`print-notice print-notice--${notice.tone}`} role="status" data-testid="print-notice">
      {say(notice.words)}
      <span className="print-notice__keys">{t(pPrints ? 'print.keys' : 'print.keysNoP')}</span>
    </div>
  );
}
