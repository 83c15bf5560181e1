import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { clockDifferenceText } from '../../../../shared/hub-clock';
import type { HubEnrollment, HubLink, SyncRound } from '../../../../shared/hub-link';
import type { CounterSettings } from '../../../../shared/settings';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { formatDateTime } from '../../format-time';
import { useHubLink } from '../../hooks/use-hub-link';
import { useLang } from '../../i18n';
import { useErrorText } from '../../i18n/core-words';
import { fieldOfError, fieldOfProblem, type EnrollField } from './hub-enroll-flow';
import { offlineExample } from './hub-status-text';
import { useHubEnroll } from './use-hub-enroll';
import './hub.css';

/**
 * Settings → Hub fasilitas. Not enrolled: one sentence on what the hub is, the optional address,
 * the one-time code, a button, and any refusal in words under its field. Enrolled: where this
 * counter belongs, how it numbers while the hub is out of reach, the link's state, and a round now.
 */
export function HubSettings({ settings }: { settings: CounterSettings | null }) {
  const { t } = useTranslation();
  const link = useHubLink();
  const { state, dispatch, submit } = useHubEnroll();
  const enrollment = link?.enrollment ?? state.enrollment;

  if (!link) return <p className="admin__empty">{t('hub.loading')}</p>;
  return (
    <section className="admin__section" data-testid="hub-settings" data-enrolled={enrollment ? 'yes' : 'no'}>
      <h2 className="admin__title">{t('hub.title')}</h2>
      <p className="admin__lead">{t('hub.lead')}</p>
      {enrollment ? (
        // Just enrolled also while the answer is on its way: the hub link's event can bring the
        // enrolment first, and the card (with the focus on "Sinkronkan sekarang") must show as one.
        <EnrolledCard enrollment={enrollment} link={link} settings={settings} justEnrolled={state.phase !== 'editing'} />
      ) : (
        <EnrollForm state={state} dispatch={dispatch} submit={submit} />
      )}
    </section>
  );
}

function EnrollForm({ state, dispatch, submit }: ReturnType<typeof useHubEnroll>) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const code = useRef<HTMLTextAreaElement>(null);
  // A layout effect: the focus is in place before the browser handles the next key.
  useLayoutEffect(() => code.current?.focus(), []);
  const sending = state.phase === 'sending';
  const under = (field: EnrollField) => {
    const text = state.problem && fieldOfProblem(state.problem) === field ? t(`hub.${state.problem}`) : state.error && fieldOfError(state.error) === field ? errorText(state.error) : null;
    return text ? (
      <span className="field__error" role="alert" data-testid={`hub-error-${field}`} data-error-code={state.error?.code ?? state.problem ?? ''}>
        {text}
      </span>
    ) : null;
  };
  return (
    <form
      className="admin"
      data-testid="hub-enroll"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="admin__grid">
        <label className="field field--wide">
          <span className="field__label">{t('hub.code')}</span>
          <textarea
            ref={code}
            className="field__input field__input--mono hub-code"
            data-testid="hub-code"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={state.form.code}
            aria-invalid={under('code') !== null}
            onChange={(e) => dispatch({ type: 'edit', field: 'code', value: e.target.value })}
            onKeyDown={(e) => {
              // Enter sends (a pasted code has no line of its own to start); Shift+Enter is never needed.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          <span className="field__note">{t('hub.codeHint')}</span>
          {under('code')}
        </label>
        <label className="field field--wide">
          <span className="field__label">{t('hub.hubUrl')}</span>
          <input
            className="field__input field__input--mono"
            data-testid="hub-url"
            placeholder="https://192.168.1.10:7443"
            spellCheck={false}
            autoComplete="off"
            value={state.form.hubUrl}
            aria-invalid={under('hubUrl') !== null}
            onChange={(e) => dispatch({ type: 'edit', field: 'hubUrl', value: e.target.value })}
          />
          <span className="field__note">{t('hub.hubUrlHint')}</span>
          {under('hubUrl')}
        </label>
      </div>
      <div className="admin__row">
        <button type="submit" className="button button--primary" data-testid="hub-enroll-button" aria-busy={sending} disabled={sending}>
          {sending ? t('hub.enrolling') : t('hub.enroll')}
        </button>
      </div>
    </form>
  );
}

function EnrolledCard({ enrollment, link, settings, justEnrolled }: { enrollment: HubEnrollment; link: HubLink; settings: CounterSettings | null; justEnrolled: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [round, setRound] = useState<{ status: 'running' } | { status: 'done'; round: SyncRound } | { status: 'failed'; error: ContractError } | null>(null);
  const syncButton = useRef<HTMLButtonElement>(null);
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  // Just enrolled, before the link's first event: it is connecting, not "not enrolled".
  const state = link.state === 'none' ? 'connecting' : link.state;
  const unitPrefix = settings?.units[0]?.prefix ?? 'U';

  // A layout effect: the enrolment's answer is asynchronous, and the next key must find the button.
  useLayoutEffect(() => {
    if (justEnrolled) syncButton.current?.focus();
  }, [justEnrolled]);

  const syncNow = useCallback(async () => {
    setRound({ status: 'running' });
    const result = await loket.syncNow({});
    setRound(result.ok ? { status: 'done', round: result.value } : { status: 'failed', error: result.error });
  }, []);

  return (
    <>
      {justEnrolled && (
        <Notice tone="ok" testId="hub-enrolled-now">
          {t('hub.enrolledNow', { facility: enrollment.facility, name: enrollment.name })}
        </Notice>
      )}
      <dl className="hub-card" data-testid="hub-card">
        <dt>{t('hub.facility')}</dt>
        <dd data-testid="hub-facility">{enrollment.facility}</dd>
        <dt>{t('hub.name')}</dt>
        <dd data-testid="hub-name">{enrollment.name}</dd>
        <dt>{t('hub.offlinePrefix')}</dt>
        <dd data-testid="hub-offline-prefix">
          {enrollment.offlinePrefix}
          <span className="hub-card__help">{t('hub.offlinePrefixHelp', { prefix: enrollment.offlinePrefix, example: offlineExample(enrollment.offlinePrefix, unitPrefix) })}</span>
        </dd>
        <dt>{t('hub.address')}</dt>
        <dd className="field__input--mono" data-testid="hub-address">
          {enrollment.hubUrl}
        </dd>
        <dt>{t('hub.state')}</dt>
        <dd data-testid="hub-state" data-state={state}>
          {t(`hub.states.${state}`)}
        </dd>
        <dt>{t('hub.lastSync')}</dt>
        <dd data-testid="hub-last-sync">{link.lastSync ? formatDateTime(link.lastSync, lang, timeZone) : t('hub.never')}</dd>
        <dt>{t('hub.backlog')}</dt>
        <dd data-testid="hub-backlog">{link.backlog}</dd>
      </dl>
      {link.clockMinutes !== undefined && link.clockMinutes !== null && (
        <Notice tone="bad" testId="hub-clock">
          {clockDifferenceText(lang, link.clockMinutes)}
        </Notice>
      )}
      <div className="admin__row">
        <button type="button" className="button" data-testid="hub-sync-now" ref={syncButton} aria-busy={round?.status === 'running'} onClick={() => void syncNow()}>
          {round?.status === 'running' ? t('hub.syncing') : t('hub.syncNow')}
        </button>
        {round?.status === 'done' && (
          <Notice tone="ok" testId="hub-sync-result">
            {t('hub.synced', { pushed: round.round.pushed + round.round.duplicates, pulled: round.round.pulled })}
          </Notice>
        )}
      </div>
      {round?.status === 'failed' && <ErrorAlert title={t('hub.syncFailed')} error={round.error} />}
    </>
  );
}
