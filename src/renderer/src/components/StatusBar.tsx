import { useTranslation } from 'react-i18next';
import type { Connectivity } from '../../../shared/bpjs';
import type { HubLink } from '../../../shared/hub-link';
import { HubLinkStatus } from '../features/hub/HubLinkStatus';
import { formatClock, formatSeconds } from '../format-time';
import { useLang } from '../i18n';
import { useCoreMessage } from '../i18n/core-words';
import { UNDO_TOAST_SLOT } from './UndoToast';

interface Props {
  connectivity: Connectivity | null;
  timeZone: string;
  /** The facility hub's link; its pill shows only on an enrolled counter. */
  hubLink?: HubLink | null;
}

/** A small shape beside the words, so the state never rests on colour alone. */
const MARK: Record<Connectivity['state'], string> = {
  'not-configured': '–',
  checking: '…',
  online: '●',
  slow: '◐',
  offline: '○',
  rejected: '✕',
};

/** The footer on every screen: the BPJS connection in words, and what waits for a re-check; a screen's undo toast shows in it. */
export function StatusBar({ connectivity: c, timeZone, hubLink = null }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const say = useCoreMessage();
  const state = c?.state ?? 'checking';
  const name = c?.service ? `${t('statusBar.bpjs')} ${t(`service.${c.service}`)}` : t('statusBar.bpjs');

  let text: string;
  if (!c) text = t('statusBar.checking', { name });
  else if (state === 'not-configured') text = t('statusBar.notConfigured');
  else if (state === 'checking') text = t('statusBar.checking', { name });
  else if (state === 'online') text = t('statusBar.online', { name });
  else if (state === 'slow') text = t('statusBar.slow', { name, seconds: formatSeconds(c.lastTookMs ?? 0, lang) });
  else if (state === 'offline') text = c.since ? t('statusBar.offline', { name, time: formatClock(c.since, lang, timeZone) }) : t('statusBar.offlineNoTime', { name });
  else text = t('statusBar.rejected', { name });

  const paused = c?.pausedUntil ? t('statusBar.paused', { time: formatClock(c.pausedUntil, lang, timeZone) }) : null;
  // The core says what is wrong as a code; worded here, so a language switch re-words it at once.
  const detail = [c?.message ? say(c.message) : null, paused].filter(Boolean).join(' ');
  const pending = c?.pendingRechecks ?? 0;

  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <p className={`connectivity connectivity--${state}`} data-testid="connectivity" data-state={state} title={detail || undefined} aria-live="polite">
        <span className="connectivity__mark" aria-hidden="true">
          {MARK[state]}
        </span>
        <span className="connectivity__text">{text}</span>
      </p>
      <HubLinkStatus link={hubLink} />
      {/* A screen's undo toast goes here (UndoToast.tsx): beside the connection, over no row of the screen. */}
      <div id={UNDO_TOAST_SLOT} className="status-bar__toast" />
      {detail && (
        <p className="status-bar__message" data-testid="connectivity-message" title={detail}>
          {detail}
        </p>
      )}
      {pending > 0 && (
        <p className="status-bar__pending" data-testid="pending-rechecks">
          {t('statusBar.pending', { count: pending })}
        </p>
      )}
    </footer>
  );
}
