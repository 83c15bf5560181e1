import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubLink } from '../../../../shared/hub-link';
import { clockDifferenceText } from '../../../../shared/hub-clock';
import { useLang } from '../../i18n';
import { useErrorText } from '../../i18n/core-words';
import { HUB_MARK, hubStatusKey } from './hub-status-text';
import './hub.css';

/**
 * Shows the long sentence when it fits and the short words when it does not (a 1024 px bar with
 * BPJS offline and re-checks waiting). Always tries the long one first, so it comes back when
 * room does: on every render and every change of the bar's size.
 */
function useFitWords(pill: React.RefObject<HTMLParagraphElement | null>): void {
  useLayoutEffect(() => {
    const el = pill.current;
    if (!el) return undefined;
    const bar = el.parentElement;
    if (!bar) return undefined;
    // The long pill never shrinks (the BPJS detail gives way instead): when the bar still
    // overflows with it, it is too long for this bar.
    const fit = (): void => {
      el.classList.remove('hub-status--short');
      if (bar.scrollWidth > bar.clientWidth + 1) el.classList.add('hub-status--short');
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(fit);
    observer.observe(bar);
    return () => observer.disconnect();
  });
}

/**
 * The hub's part of the status bar, beside the BPJS state; nothing on a counter that is not
 * enrolled. Calm on purpose: a counter out of reach of its hub is normal and keeps working.
 */
export function HubLinkStatus({ link }: { link: HubLink | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lang = useLang();
  const pill = useRef<HTMLParagraphElement>(null);
  useFitWords(pill);
  const long = hubStatusKey(link);
  const short = hubStatusKey(link, true);
  if (!link || !long || !short) return null;
  const text = t(long.key, { count: long.count });
  const clock = link.state === 'connected' && link.clockMinutes !== undefined && link.clockMinutes !== null ? clockDifferenceText(lang, link.clockMinutes) : null;
  // The hub's refusal (a code), or what is wrong with the clock, is worded in full in the tooltip, after the sentence.
  const title = [text, link.code ? errorText({ code: link.code }) : null, clock].filter(Boolean).join(' ');
  return (
    <p
      ref={pill}
      className={`hub-status hub-status--${link.state}${clock ? ' hub-status--clock' : ''}`}
      data-testid="hub-status"
      data-state={link.state}
      data-backlog={link.backlog}
      data-clock-minutes={link.clockMinutes ?? ''}
      title={title}
      aria-label={clock ? `${text}. ${clock}` : text}
      aria-live="polite"
    >
      <span className="hub-status__mark" aria-hidden="true">
        {HUB_MARK[link.state]}
      </span>
      <span className="hub-status__long" aria-hidden="true">
        {text}
      </span>
      <span className="hub-status__short" aria-hidden="true">
        {t(short.key, { count: short.count })}
      </span>
    </p>
  );
}
