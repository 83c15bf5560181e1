import { useTranslation } from 'react-i18next';
import { formatClock, formatSeconds } from '../../format-time';
import { useLang } from '../../i18n';
import { useCoreMessage } from '../../i18n/core-words';
import type { LiveState } from './use-lookup';

/** One quiet line under the search: BPJS is being asked, answered (when, how fast), or did not answer. */
export function LiveLine({ live, timeZone }: { live: LiveState; timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const say = useCoreMessage();
  if (!live) return null;
  if (live.status === 'asking') {
    return (
      <p className="live-status live-status--asking" data-testid="live-status" data-live="asking" role="status">
        <span className="live-status__spinner" aria-hidden="true" />
        {t('live.asking')}
      </p>
    );
  }
  const o = live.online;
  const service = t(`service.${o.service}`);
  const time = formatClock(o.at, lang, timeZone);
  const seconds = formatSeconds(o.tookMs, lang);
  if (o.status === 'failed') {
    return (
      <p className="live-status live-status--failed" data-testid="live-status" data-live="failed" data-reason={o.reason} role="status">
        {t('live.failed', { message: say(o.message) })}
      </p>
    );
  }
  return (
    <p className="live-status live-status--answered" data-testid="live-status" data-live="answered" role="status">
      {o.found ? t('live.answered', { service, time, seconds }) : t('live.notFound', { service, time, seconds })}
    </p>
  );
}
