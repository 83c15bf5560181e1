import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreStatus } from '../../../../shared/core-status';
import { loket } from '../../api';
import { RECOVERED_NOTICE_MS, coreNotice } from './core-status-notice';

/**
 * A banner at the foot of every screen (above the status bar) when the core process (the database, imports, BPJS) stopped and
 * restarts, or cannot run. The desktop app's main process sends `coreStatus`; the harness never
 * does, so there the banner never shows.
 */
export function CoreStatusBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<{ value: CoreStatus; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => loket.on('coreStatus', (value) => setStatus({ value, at: Date.now() })), []);
  useEffect(() => {
    if (!status || status.value.state !== 'running') return;
    // Re-render once the "running again" notice has had its time.
    const timer = setTimeout(() => setNow(Date.now()), RECOVERED_NOTICE_MS + 50);
    return () => clearTimeout(timer);
  }, [status]);
  const notice = status ? coreNotice(status.value, now - status.at) : null;
  if (!notice) return null;
  const text =
    notice.kind === 'restarting'
      ? t('coreStatus.restarting')
      : notice.kind === 'recovered'
        ? t('coreStatus.recovered')
        : t('coreStatus.failed', { reason: notice.reason });
  return (
    <div className={`core-status core-status--${notice.kind}`} role="alert" data-testid="core-status">
      {text}
    </div>
  );
}
