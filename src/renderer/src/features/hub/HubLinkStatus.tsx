import { useTranslation } from 'react-i18next';
import type { HubLink } from '../../../../shared/hub-link';
import { useErrorText } from '../../i18n/core-words';
import { HUB_MARK, hubStatusKey } from './hub-status-text';
import './hub.css';

/**
 * The hub's part of the status bar, beside the BPJS state; nothing on a counter that is not
 * enrolled. Calm on purpose: a counter out of reach of its hub is normal and keeps working.
 */
export function HubLinkStatus({ link }: { link: HubLink | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const words = hubStatusKey(link);
  if (!link || !words) return null;
  const text = t(words.key, { count: words.count });
  // The hub's refusal (a code) is worded in full in the tooltip; the pill stays short.
  const detail = link.code ? errorText({ code: link.code }) : undefined;
  return (
    <p className={`hub-status hub-status--${link.state}`} data-testid="hub-status" data-state={link.state} data-backlog={link.backlog} title={detail ?? text} aria-live="polite">
      <span className="hub-status__mark" aria-hidden="true">
        {HUB_MARK[link.state]}
      </span>
      <span className="hub-status__text">{text}</span>
    </p>
  );
}
