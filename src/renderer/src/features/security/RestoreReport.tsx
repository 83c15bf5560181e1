import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreView } from '../../../../shared/database-restore';
import { useFocusTrap } from '../../components/use-focus-trap';
import { formatDateTime } from '../../format-time';
import { useLang } from '../../i18n';
import { showRestoreReport, useRestoreReport } from './restore-report-store';
import { reportLines } from './restore-report-lines';
import './restore-report.css';

/**
 * What a restore did, over whatever the window shows (the sign-in screen, usually): the facts
 * `loket restore` prints. Closing it reloads the window, so every screen reads the restored
 * database afresh and the session is asked again.
 */
export function RestoreReport() {
  const view = useRestoreReport();
  if (!view) return null;
  return <ReportDialog view={view} />;
}

function ReportDialog({ view }: { view: RestoreView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialogRef);
  useLayoutEffect(() => closeRef.current?.focus(), []);
  // The PC's own clock, as the command's report (the person compares it with their memory).
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lines = reportLines(view, (iso) => formatDateTime(iso, lang, zone));
  const close = (): void => {
    showRestoreReport(null);
    window.location.reload();
  };
  return (
    <div className="overlay">
      <div ref={dialogRef} className="confirm-dialog restore-report" role="dialog" aria-modal="true" aria-labelledby="restore-report-title" data-testid="restore-report">
        <h2 id="restore-report-title" className="confirm-dialog__title">
          {t('security.reportTitle')}
        </h2>
        {lines.map((line, index) => (
          <p key={index} className={line.warn ? 'restore-report__line restore-report__line--warn' : 'restore-report__line'} data-testid={`restore-report-${line.id}`}>
            {t(line.key, line.params)}
          </p>
        ))}
        <div className="dialog__actions">
          <button ref={closeRef} type="button" className="button button--primary" data-testid="restore-report-close" onClick={close}>
            {t('security.reportClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
