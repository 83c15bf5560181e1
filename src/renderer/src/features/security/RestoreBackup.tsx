import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { harness, loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { useErrorText } from '../../i18n/core-words';
import { chooseNext, isForceable, refusalKey, runRestore, type RestoreStage } from './restore-flow';
import { showRestoreReport } from './restore-report-store';

/**
 * "Pulihkan dari cadangan…" in Settings → Keamanan data (the administrator's: the section shows
 * only to one). The flow is restore-flow.ts; the report shows over the whole window
 * (RestoreReport), because the restored database signs everyone out.
 */
export function RestoreBackup({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [stage, setStage] = useState<RestoreStage>({ kind: 'idle' });
  const sources = { pickFile: loket.pickFile, harness };

  const choose = async (force: boolean, backup: Extract<RestoreStage, { kind: 'ask' }>['backup'] = null, typed?: string): Promise<void> => {
    setStage(await chooseNext(sources, { force, backup }, typed));
  };

  const restore = async (confirmed: Extract<RestoreStage, { kind: 'confirm' }>): Promise<void> => {
    setStage({ kind: 'running' });
    const next = await runRestore(loket, confirmed);
    if (next.kind === 'done') {
      showRestoreReport(next.view);
      setStage({ kind: 'idle' });
    } else setStage(next);
  };

  const refusalText = (error: Extract<RestoreStage, { kind: 'refused' }>['error']): string => {
    const key = refusalKey(error);
    return key ? t(key, { ...(error.params ?? {}) }) : errorText(error);
  };

  return (
    <>
      <span className="admin__row">
        <button type="button" className="button button--small" data-testid="security-restore" disabled={disabled || stage.kind === 'running'} onClick={() => void choose(false)}>
          {t('security.restore')}
        </button>
      </span>
      {stage.kind === 'ask' && (
        <PathPrompt
          key={stage.backup ? 'key' : 'backup'}
          label={t(stage.backup ? 'security.restorePathKey' : 'security.restorePathBackup')}
          submitLabel={t('security.restoreChoose')}
          testId={stage.backup ? 'restore-key-path' : 'restore-backup-path'}
          onSubmit={(path) => void choose(stage.force, stage.backup, path)}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
      {stage.kind === 'confirm' && (
        <ConfirmDialog
          title={t('security.restoreConfirmTitle')}
          message={t('security.restoreConfirm', { backup: stage.backup.name, keyFile: stage.keyFile.name })}
          confirmLabel={t('security.restoreYes')}
          cancelLabel={t('security.cancel')}
          keysHint={t('security.restoreKeys')}
          initialFocus="cancel"
          onConfirm={() => void restore(stage)}
          onCancel={() => setStage({ kind: 'idle' })}
        >
          {stage.force && <p className="confirm-dialog__message">{t('security.restoreConfirmForced')}</p>}
        </ConfirmDialog>
      )}
      {stage.kind === 'running' && (
        <Notice tone="info" testId="restore-running">
          {t('security.restoreRunning')}
        </Notice>
      )}
      {stage.kind === 'refused' && (
        <Notice tone="bad" testId="restore-refused">
          {t('security.restoreRefused')}: {refusalText(stage.error)}
          {isForceable(stage.error) && (
            <button type="button" className="button button--small restore-force" data-testid="restore-force" onClick={() => setStage({ kind: 'confirm-force', error: stage.error })}>
              {t('security.restoreForce')}
            </button>
          )}
        </Notice>
      )}
      {stage.kind === 'confirm-force' && (
        <ConfirmDialog
          title={t('security.restoreForceTitle')}
          message={refusalText(stage.error)}
          confirmLabel={t('security.restoreForceYes')}
          cancelLabel={t('security.cancel')}
          keysHint={t('security.restoreKeys')}
          initialFocus="cancel"
          onConfirm={() => void choose(true)}
          onCancel={() => setStage({ kind: 'refused', error: stage.error })}
        >
          <p className="confirm-dialog__message">{t('security.restoreForceConfirm')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
