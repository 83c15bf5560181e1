import { forwardRef, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYER_KEYS, PAYERS, type FollowUp, type Payer } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { formatDateTime, formatDuration } from '../../format-time';
import { unitName } from '../../hooks/use-settings';
import { IDENTIFY_KEY, RECHECK_KEY } from './followup-keys';

const REASONS = ['emergency', 'emergency-unidentified', 'not-found', 'not-active', 'not-checked', 'lists-only'] as const;
type Reason = (typeof REASONS)[number] | 'other';
const reasonOf = (r: string): Reason => ((REASONS as readonly string[]).includes(r) ? (r as Reason) : 'other');

interface Props {
  item: FollowUp;
  settings: CounterSettings | null;
  lang: 'id' | 'en';
  /** The card the list's keys act on (roving focus: only it is in the Tab order). */
  current: boolean;
  onFocus: () => void;
  onPayer: (payer: Payer) => void;
  onRecheck: () => void;
  onIdentify: () => void;
  /** The identity step, when open on this card. */
  children?: ReactNode;
}

/** One follow-up: what is open, for whom, by when; and its actions, each with its own key (a payer's on the current card). */
export const FollowUpCard = forwardRef<HTMLElement, Props>(function FollowUpCard({ item: f, settings, lang, current, onFocus, onPayer, onRecheck, onIdentify, children }, ref) {
  const { t } = useTranslation();
  const zone = settings?.timeZone ?? 'Asia/Jakarta';
  // A card becomes current when the mouse button is let go, not when it is pressed (which is
  // when the focus moves): the card current until then folds its payer buttons away, and what
  // is below it moves up. Pressed on a button of a card below, the release then lands elsewhere
  // and the click is lost. A press dragged off the card settles it too: the card focused is
  // always the one the keys act on.
  const pressing = useRef(false);
  const settlePress = (): void => {
    if (!pressing.current) return;
    pressing.current = false;
    if (!current) onFocus();
  };
  return (
    <article
      ref={ref}
      role="listitem"
      tabIndex={current ? 0 : -1}
      className={`followup${f.overdue ? ' followup--overdue' : ''}${current ? ' followup--current' : ''}`}
      data-testid="followup"
      data-kind={f.kind}
      data-queue={f.visit.queue}
      aria-current={current ? 'true' : undefined}
      aria-label={`${t(`followUps.kinds.${f.kind}`)}: ${f.patient.name}`}
      onFocus={(e) => {
        if (pressing.current) return;
        if (e.target === e.currentTarget || !current) onFocus();
      }}
      onPointerDown={() => (pressing.current = true)}
      onPointerUp={settlePress}
      onPointerCancel={settlePress}
      onPointerLeave={settlePress}
    >
      <div className="followup__what">
        <p className="followup__kind">{t(`followUps.kinds.${f.kind}`)}</p>
        <p className="followup__reason">{t(`followUps.reasons.${reasonOf(f.reason)}`)}</p>
      </div>
      <div className="followup__who">
        <p className="followup__name">{f.patient.name}</p>
        <p className="followup__sub">
          {t('register.mrn')} {f.patient.mrn} · {t('followUps.visit', { queue: f.visit.queue, unit: unitName(settings, f.visit.unit) })}
        </p>
      </div>
      <div className="followup__when">
        <p className={`countdown${f.overdue ? ' countdown--overdue' : ''}`} data-testid="countdown">
          {f.overdue ? t('followUps.overdue', { duration: formatDuration(f.minutesLeft, t) }) : t('followUps.left', { duration: formatDuration(f.minutesLeft, t) })}
        </p>
        <p className="followup__sub">{t('followUps.due', { date: formatDateTime(f.dueAt, lang, zone) })}</p>
      </div>
      <div className="followup__actions">
        {/* The payer buttons (eight, two lines at 1024 px) on the current card only: the keys act on
            it, a click on another card makes that one current, and four or five cards fit on the
            screen instead of three (UI tester: cards 165 px high). */}
        {f.kind === 'settle-payer' && current && (
          <>
            <span className="followup__actions-label">{t('followUps.payerTitle')}</span>
            {PAYERS.map((p) => {
              const now = f.visit.payer === p;
              return (
                <button
                  key={p}
                  type="button"
                  className={`button button--small${now ? ' button--pressed' : ''}`}
                  data-action={p}
                  aria-pressed={now}
                  disabled={now}
                  onClick={() => onPayer(p)}
                >
                  {t(`register.payer.${p}`)} <kbd>{PAYER_KEYS[p]}</kbd>
                </button>
              );
            })}
            <button type="button" className="button button--small button--quiet" data-action="recheck" onClick={onRecheck}>
              {t('followUps.recheck')} <kbd>{RECHECK_KEY}</kbd>
            </button>
          </>
        )}
        {f.kind === 'identify-patient' && !children && (
          <button type="button" className="button button--small button--primary" data-action="identify" onClick={onIdentify}>
            {t('followUps.identify')} <kbd>{IDENTIFY_KEY}</kbd>
          </button>
        )}
      </div>
      {children}
    </article>
  );
});
