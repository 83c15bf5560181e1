import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { DatabaseSecurityView } from '../../../../shared/database-security';
import { harness, loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { todayIso } from '../../format';
import { useCoreMessage, useErrorText } from '../../i18n/core-words';
import { RestoreBackup } from './RestoreBackup';
import { canBackUp, canRekey, keyStoreLine, runSecurityAction, suggestedName, type ActionOutcome, type SecurityAction } from './security-flow';

/**
 * Settings → Data security, for the administrator: where the database key is kept (with the
 * core's warning when it is weaker than it should be), an encrypted backup, the recovery key,
 * and a new key. The key itself never comes to this window.
 */
export function DataSecurity() {
  const { t } = useTranslation();
  const coreText = useCoreMessage();
  const errorText = useErrorText();
  const [view, setView] = useState<DatabaseSecurityView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [asking, setAsking] = useState<SecurityAction | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  useEffect(() => {
    void loket.databaseSecurity({}).then((result) => (result.ok ? setView(result.value) : setError(result.error)));
  }, []);

  const show = useCallback(
    (outcome: ActionOutcome, action: SecurityAction) => {
      if (outcome.kind === 'ask') return setAsking(action);
      setAsking(null);
      if (outcome.kind === 'failed') setStatus({ tone: 'bad', text: `${t('security.failed')}: ${errorText(outcome.error)}` });
      if (outcome.kind === 'done')
        setStatus({ tone: 'ok', text: outcome.action === 'backup' ? t('security.backupDone', { name: outcome.name, editions: outcome.editions }) : t('security.keyDone', { name: outcome.name }) });
    },
    [t, errorText],
  );

  const save = async (action: SecurityAction, typed?: string): Promise<void> => {
    setStatus(null);
    setBusy(true);
    try {
      show(await runSecurityAction({ pickFile: loket.pickFile, harness }, loket, action, todayIso(), typed), action);
    } finally {
      setBusy(false);
    }
  };

  const rekey = async (): Promise<void> => {
    setConfirming(false);
    setStatus(null);
    setBusy(true);
    const result = await loket.rekeyDatabase({});
    setBusy(false);
    if (result.ok) {
      setView(result.value);
      setStatus({ tone: 'ok', text: t('security.rekeyed') });
    } else setStatus({ tone: 'bad', text: `${t('security.failed')}: ${errorText(result.error)}` });
  };

  const storeLine = view ? keyStoreLine(view) : null;
  return (
    <div className="admin" data-testid="data-security">
      <section className="admin__section">
        <h2 className="admin__title">{t('security.title')}</h2>
        {/* "Stored encrypted" only when it is: a plain database (a conversion that failed) is not told it is. */}
        <p className="admin__note">{t(view?.encrypted === false ? 'security.leadPlain' : 'security.lead')}</p>
        {error && <ErrorAlert title={t('security.failed')} error={error} />}
        {!view && !error && <p className="admin__note">{t('security.loading')}</p>}
        {view && (
          <>
            {storeLine && (
              <p data-testid="security-store" data-store={view.keyStore}>
                {t(storeLine)}
              </p>
            )}
            {view.warning && (
              <Notice tone="bad" testId="security-warning">
                {coreText({ code: view.warning })}
              </Notice>
            )}
            {view.notices.map((notice, index) => (
              <Notice key={index} tone="bad" testId="security-notice">
                {coreText(notice)}
              </Notice>
            ))}
            {view.converted && <Notice tone="info">{t('security.converted')}</Notice>}
            <span className="admin__row">
              <button type="button" className="button button--small" data-testid="security-backup" disabled={busy || !canBackUp(view)} onClick={() => void save('backup')}>
                {t('security.backup')}
              </button>
              <button type="button" className="button button--small" data-testid="security-recovery-key" disabled={busy || !view.encrypted} onClick={() => void save('recovery-key')}>
                {t('security.recoveryKey')}
              </button>
              <button type="button" className="button button--small" data-testid="security-rekey" disabled={busy || !canRekey(view)} onClick={() => setConfirming(true)}>
                {t('security.rekey')}
              </button>
            </span>
            <RestoreBackup disabled={busy} />
          </>
        )}
        {confirming && (
          <Notice tone="info" testId="security-rekey-confirm">
            {t('security.rekeyConfirm')}{' '}
            <button type="button" className="button button--small" data-testid="security-rekey-yes" onClick={() => void rekey()}>
              {t('security.rekeyYes')}
            </button>{' '}
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              {t('security.cancel')}
            </button>
          </Notice>
        )}
        {asking && (
          <PathPrompt
            key={asking}
            label={t('security.path')}
            submitLabel={t('security.save')}
            initial={suggestedName(asking, todayIso())}
            testId="security-path"
            onSubmit={(path) => void save(asking, path)}
            onCancel={() => setAsking(null)}
          />
        )}
        {status && (
          <Notice tone={status.tone} testId="security-status">
            {status.text}
          </Notice>
        )}
      </section>
    </div>
  );
}
