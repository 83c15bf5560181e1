import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../hooks/use-settings';
import { EmergencyDialog } from '../emergency/EmergencyDialog';
import { useEmergency } from '../emergency/use-emergency';
import { emergencyAllowed, emergencySlipAllowed } from './emergency-access';

const noop = (): void => undefined;

/** On the sign-in screen: F9 registers an emergency if the core allows it signed out; else it says how. */
export function SignedOutEmergency() {
  const { t } = useTranslation();
  if (!emergencyAllowed('signed-out')) {
    return (
      <p className="session__emergency-note" data-testid="sign-in-emergency-note">
        {t('session.emergencyAfterSignIn')}
      </p>
    );
  }
  return <OpenEmergency />;
}

/** Nobody is signed in: every emergency is unidentified, at once. */
function OpenEmergency() {
  const { t } = useTranslation();
  const settings = useSettings();
  const emergency = useEmergency(useCallback(() => null, []), noop, noop);
  const state = emergency.state;
  return (
    <>
      <button type="button" className="emergency-button session__emergency" data-testid="emergency-button" onClick={() => emergency.press('F9')}>
        {t('session.emergencyButton')}
      </button>
      {state && state.status !== 'choose' && <EmergencyDialog state={state} settings={settings} onClose={emergency.close} slip={emergencySlipAllowed('signed-out')} />}
    </>
  );
}
