import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { unitName } from '../../hooks/use-settings';

/** The number the patient will hear called, big; the same for every payer (no payer on it). */
export const Ticket = forwardRef<HTMLElement, { visit: RegisteredVisit; patient: Patient; settings: CounterSettings | null }>(function Ticket(
  { visit, patient, settings },
  ref,
) {
  const { t } = useTranslation();
  return (
    <section className="ticket" ref={ref} data-testid="ticket" aria-live="polite">
      <div className="ticket__main">
        <p className="ticket__label">{t('register.ticketQueue')}</p>
        <p className="ticket__number" data-testid="ticket-queue">
          {visit.queue}
        </p>
      </div>
      <div className="ticket__side">
        <p className="ticket__title">{t('register.ticketTitle')}</p>
        <p className="ticket__unit" data-testid="ticket-unit">
          {unitName(settings, visit.unit)}
        </p>
        <p className="ticket__patient">{patient.name}</p>
        <p className="ticket__mrn">
          {t('register.mrn')} {patient.mrn}
        </p>
        {/* Only an open payer: a JKN visit may have a follow-up too (its re-check with BPJS), which is no payer to settle. */}
        {visit.payer === 'pending' && (
          <p className="ticket__note" data-testid="ticket-pending">
            {t('register.ticketPending')}
          </p>
        )}
        {visit.clockBackMinutes !== undefined && (
          <p className="ticket__note" role="alert" data-testid="ticket-clock-back">
            {t('register.ticketClockBack', { minutes: visit.clockBackMinutes })}
          </p>
        )}
        <p className="ticket__next">{t('register.ticketNext')}</p>
        {/* Ctrl+Z undoes no registration (UI tester 13): the way back is said where the clerk looks. */}
        <p className="ticket__cancel" data-testid="ticket-cancel-hint">
          {t('register.ticketCancel')}
        </p>
      </div>
    </section>
  );
});
