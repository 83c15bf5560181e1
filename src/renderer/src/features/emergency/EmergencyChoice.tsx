import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusTrap } from '../../components/use-focus-trap';
import type { EmergencyTarget } from './emergency-flow';

interface Props {
  target: EmergencyTarget;
  onTarget: () => void;
  onUnidentified: () => void;
  onCancel: () => void;
}

/**
 * F9 with a patient on screen: one key decides. Enter = this patient, F9 again = an unidentified
 * patient, Esc = nothing. The keys themselves are the app's (emergencyKey), so nothing on the
 * screen below can take them; the buttons are for the mouse.
 */
export function EmergencyChoice({ target, onTarget, onUnidentified, onCancel }: Props) {
  const { t } = useTranslation();
  const thisRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  // Tab stays here and no key reaches the screen behind (which is inert meanwhile, see App).
  useFocusTrap(dialogRef, { keepKeys: true });
  // Layout effect: focus before any later key can be handled (see EmergencyDialog).
  useLayoutEffect(() => thisRef.current?.focus(), []);
  return (
    <div className="overlay">
      <div ref={dialogRef} className="emergency-dialog" role="dialog" aria-modal="true" aria-labelledby="emergency-choice-title" data-testid="emergency-choice">
        <h2 id="emergency-choice-title" className="emergency-dialog__title">
          {t('emergency.chooseTitle')}
        </h2>
        <div className="dialog__actions dialog__actions--stack">
          <button ref={thisRef} type="button" className="button button--primary button--big" data-testid="emergency-this" onClick={onTarget}>
            {t('emergency.chooseThis', { name: target.name })} <kbd>Enter</kbd>
          </button>
          <button type="button" className="button button--big" data-testid="emergency-unidentified" onClick={onUnidentified}>
            {t('emergency.chooseUnidentified')} <kbd>F9</kbd>
          </button>
          <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
            {t('emergency.cancel')} <kbd>Esc</kbd>
          </button>
        </div>
        <p className="dialog__keys">{t('emergency.chooseKeys')}</p>
      </div>
    </div>
  );
}
