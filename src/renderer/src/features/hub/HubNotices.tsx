import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { HubNoticeView } from '../../../../shared/hub-link';
import type { VisitStatus } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { formatDateTime } from '../../format-time';
import { unitName } from '../../hooks/use-settings';
import { useLang } from '../../i18n';
import { hubNoticeText, type Translate } from './hub-notice-text';
import './hub.css';

const VISIT_STATUSES: readonly string[] = ['waiting', 'called', 'served', 'cancelled'] satisfies VisitStatus[];
const isVisitStatus = (s: string): s is VisitStatus => VISIT_STATUSES.includes(s);

interface Props {
  settings: CounterSettings | null;
  /** A new value (a sync round got through, a registration here) reloads the notices. */
  reload: string;
}

/**
 * The hub's notices on the follow-ups screen: merged records, likely duplicates, clashing
 * statuses. Hidden when there are none. Each is worded here from its kind and params, and
 * "Sudah dilihat" (a button: Tab reaches it, Enter presses it) puts it away for this counter.
 */
export function HubNotices({ settings, reload }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [notices, setNotices] = useState<HubNoticeView[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [markError, setMarkError] = useState<ContractError | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const ticket = useRef(0);

  const load = useCallback(async () => {
    const mine = ++ticket.current;
    const result = await loket.hubNotices({});
    if (mine !== ticket.current) return;
    if (result.ok) {
      setNotices(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load, reload]);

  const markSeen = useCallback(
    async (uid: string, index: number) => {
      setMarkError(null);
      const result = await loket.markHubNoticeSeen({ uid });
      if (!result.ok) return setMarkError(result.error);
      // The focus goes to the next notice (or the one before the last), never lost to the page.
      const rest = notices.filter((n) => n.uid !== uid);
      const next = rest[Math.min(index, rest.length - 1)];
      setNotices(rest);
      if (next) requestAnimationFrame(() => buttons.current.get(next.uid)?.focus());
    },
    [notices],
  );

  if (error) return <ErrorAlert title={t('hub.notices.failed')} error={error} />;
  if (notices.length === 0) return markError ? <ErrorAlert title={t('hub.notices.markFailed')} error={markError} /> : null;

  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  const wording = {
    t: t as unknown as Translate,
    date: (iso: string) => formatDate(iso, lang) ?? iso,
    unit: (code: string) => unitName(settings, code),
    status: (status: string) => (isVisitStatus(status) ? t(`queue.statuses.${status}`).toLowerCase() : status),
  };
  return (
    <section className="hub-notices" data-testid="hub-notices" aria-labelledby="hub-notices-title">
      <h2 className="hub-notices__title" id="hub-notices-title">
        {t('hub.notices.title')}
      </h2>
      <p className="hub-notices__lead">{t('hub.notices.lead')}</p>
      {markError && <ErrorAlert title={t('hub.notices.markFailed')} error={markError} />}
      <ul className="hub-notices__list" aria-label={t('hub.notices.listLabel')}>
        {notices.map((n, i) => (
          <li key={n.uid} className="hub-notice" data-testid="hub-notice" data-kind={n.kind} data-uid={n.uid}>
            <p className="hub-notice__text">
              {hubNoticeText(n, wording)}
              <span className="hub-notice__at">{formatDateTime(n.at, lang, timeZone)}</span>
            </p>
            <button
              type="button"
              className="button"
              data-testid="hub-notice-seen"
              ref={(el) => {
                if (el) buttons.current.set(n.uid, el);
                else buttons.current.delete(n.uid);
              }}
              onClick={() => void markSeen(n.uid, i)}
            >
              {t('hub.notices.seen')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
