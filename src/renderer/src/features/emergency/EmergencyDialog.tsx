import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusTrap } from '../../components/use-focus-trap';
import { formatDateTime } from '../../format-time';
import { unitName } from '../../hooks/use-settings';
import { useLang } from '../../i18n';
import { SlipPanel } from '../slip/SlipPanel';
import type { EmergencyTarget } from './emergency-flow';

export type EmergencyState =
  | { status: 'choose'; target: EmergencyTarget }
  | { status: 'busy' }
  /**
   * `unidentified`: registered without a patient (F9 again makes no second one while it shows);
   * `earlier`: numbers registered before it while the window stayed open (named with it);
   * `again`: F9 was pressed again and made nothing (the window says how to register another).
   */
  | { status: 'done'; visit: RegisteredVisit & { patient: Patient }; unidentified: boolean; earlier: string[]; again: boolean }
  | { status: 'failed'; error: ContractError };

/**
 * The emergency number, big, and the deadline for the paperwork. Enter, Esc or Close dismiss it;
 * the focus stays inside until then. `slip` false (signed out, where the core gives no slip):
 * no slip is asked for or printed, a note says where it is printed after sign-in.
 */
export function EmergencyDialog({
  state,
  settings,
  onClose,
  slip = true,
}: {
  state: Exclude<EmergencyState, { status: 'choose' }>;
  settings: CounterSettings | null;
  onClose: () => void;
  slip?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  // The focus is in this window from the moment it opens, whoever it is for: while the number is
  // being made, on the window itself (Enter there closes nothing: the emergency is not registered
  // yet), then on Close. The screen behind is inert meanwhile (App), so nothing there (a search
  // screen clearing itself for the next patient) can take the focus back, and no key typed here
  // reaches it. A layout effect, not a passive one: the number arrives from a promise, and a
  // passive effect could run after the clerk's Enter already closed the window.
  useLayoutEffect(() => {
    (state.status === 'busy' ? dialogRef : closeRef).current?.focus();
  }, [state.status]);
  // Enter and Esc close it through the app's capture-phase key (useEmergency); here Tab stays inside.
  useFocusTrap(dialogRef, { keepKeys: true });

  const hours = settings?.followUpHours ?? 72;
  return (
    <div className="overlay">
      <div
        ref={dialogRef}
        tabIndex={-1}
        className="emergency-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="emergency-title"
        aria-busy={state.status === 'busy'}
        data-testid="emergency-dialog"
      >
        {state.status === 'busy' && <p className="emergency-dialog__busy">{t('emergency.busy')}</p>}
        {state.status === 'failed' && <ErrorAlert title={t('emergency.failed')} error={state.error} />}
        {state.status === 'done' && (
          <>
            <h2 id="emergency-title" className="emergency-dialog__title">
              {t('emergency.title')}
            </h2>
            <p className="emergency-dialog__serve">{t('emergency.serveNow')}</p>
            <p className="ticket__label">{t('emergency.queueLabel')}</p>
            <p className="ticket__number ticket__number--emergency" data-testid="emergency-queue">
              {state.visit.queue}
            </p>
            {state.earlier.length > 0 && (
              <p className="emergency-dialog__earlier" role="status" data-testid="emergency-earlier">
                {t('emergency.both', { numbers: [...state.earlier, state.visit.queue].join(', ') })}
              </p>
            )}
            <p className="ticket__unit">{unitName(settings, state.visit.unit)}</p>
            <p className="ticket__patient">
              {state.visit.patient.name} · {t('register.mrn')} {state.visit.patient.mrn}
            </p>
            <p className="emergency-dialog__deadline" data-testid="emergency-deadline">
              {t('emergency.deadline', {
                date: formatDateTime(
                  new Date(Date.parse(state.visit.registeredAt) + hours * 3_600_000).toISOString(),
                  lang,
                  settings?.timeZone ?? 'Asia/Jakarta',
                ),
              })}
            </p>
          </>
        )}
        {state.status === 'done' && (state.unidentified || state.again) && (
          <p className="emergency-dialog__another" role={state.again ? 'alert' : undefined} data-again={state.again} data-testid="emergency-another">
            {state.again ? t('emergency.againIgnored', { queue: state.visit.queue }) : ''}
            {t('emergency.another')}
          </p>
        )}
        {state.status === 'done' && !slip && (
          <p className="emergency-dialog__slip-later" data-testid="emergency-slip-later">
            {t('emergency.slipAfterSignIn', { queue: state.visit.queue })}
          </p>
        )}
        <div className="dialog__actions">
          <button ref={closeRef} type="button" className="button button--primary" data-testid="emergency-close" onClick={onClose}>
            {t('emergency.close')} <kbd>Enter</kbd>
          </button>
        </div>
        {state.status === 'done' && slip && <SlipPanel visitId={state.visit.id} queue={state.visit.queue} autoPrint />}
      </div>
    </div>
  );
}
