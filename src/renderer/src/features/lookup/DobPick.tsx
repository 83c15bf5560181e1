import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import type { DobCheck, Hold } from './dob-pick';

/** "Tanggal lahir beda: AHMAD HIDAYAT lahir 29 Apr 1979, yang dicari lahir 11 Nov 1965." */
export function DobDiffersLine({ check }: { check: DobCheck }) {
  const { t } = useTranslation();
  const lang = useLang();
  const searched = formatDate(check.searched, lang) ?? check.searched;
  const found = check.dob ? formatDate(check.dob, lang) : null;
  return (
    <p className="dob-differs-line" role="alert" data-testid="dob-differs-line">
      {found ? t('lookup.dobDiffersLine', { name: check.name, found, searched }) : t('lookup.dobDiffersLineNone', { name: check.name, searched })}
    </p>
  );
}

interface ConfirmProps {
  check: DobCheck;
  /** The safe answer: it takes the focus, so a reflex Enter goes back and registers nobody. */
  backRef: RefObject<HTMLButtonElement | null>;
  onBack: () => void;
  onConfirm: () => void;
}

/**
 * In place of "Daftarkan" after a pick born on another day: both dates, and the question asked
 * once. The focus is on "Bukan, kembali"; Tab then Enter says it is the same person.
 */
export function DobConfirm({ check, backRef, onBack, onConfirm }: ConfirmProps) {
  const { t } = useTranslation();

  return (
    <div className="dob-confirm" role="group" aria-labelledby="dob-confirm-question" data-testid="dob-confirm">
      <DobDiffersLine check={check} />
      <p id="dob-confirm-question" className="dob-confirm__question">
        {t('lookup.dobConfirmQuestion')}
      </p>
      <div className="dob-confirm__buttons">
        <button ref={backRef} type="button" className="button button--big" data-testid="dob-confirm-back" onClick={onBack}>
          {t('lookup.dobConfirmBack')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--big" data-testid="dob-confirm-yes" onClick={onConfirm}>
          {t('lookup.dobConfirmYes')}
        </button>
      </div>
      <p className="dob-confirm__keys">{t('lookup.dobConfirmKeys')}</p>
    </div>
  );
}

/** Enter picked none of the candidates (dob-pick.ts Hold): what to do instead. */
export function DobHoldNote({ held }: { held: Hold }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <p className="scan-note dob-hold-note" role="status" data-testid="dob-hold-note" data-hold={held.by}>
      {held.by === 'number' ? t('lookup.numberTwoWaysHold', { number: held.number }) : t('lookup.dobHold', { date: formatDate(held.date, lang) ?? held.date })}
    </p>
  );
}
