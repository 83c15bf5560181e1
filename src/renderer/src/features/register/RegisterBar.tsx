import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subject } from './subject';

interface Props {
  startRef: RefObject<HTMLButtonElement | null>;
  /** What "Daftarkan" registers; null: nothing yet (pick first, or F2). */
  toRegister: Subject | null;
  onStart: (subject: Subject) => void;
  onNewPatient: () => void;
}

/** "Daftarkan" (Enter) for the patient on screen, and "Pasien baru tanpa data" (F2). */
export function RegisterBar({ startRef, toRegister, onStart, onNewPatient }: Props) {
  const { t } = useTranslation();
  return (
    <div className="register-bar">
      {toRegister && (
        <button ref={startRef} type="button" className="button button--primary button--big" data-testid="register-start" data-kind={toRegister.kind} onClick={() => onStart(toRegister)}>
          {toRegister.kind === 'new' ? t('register.startNew') : t('register.start')} <kbd>Enter</kbd>
        </button>
      )}
      <button type="button" className="button" data-testid="new-patient" onClick={onNewPatient}>
        {t('register.newPatient')} <kbd>F2</kbd>
      </button>
    </div>
  );
}
