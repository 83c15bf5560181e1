import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../../../shared/counter';

interface Props {
  entries: readonly QueueEntry[];
  selected: number | null;
  onSelect: (visitId: number) => void;
  onReprint: (entry: QueueEntry) => void;
  onServe: (entry: QueueEntry) => void;
  onCancel: (entry: QueueEntry) => void;
  onMove: (entry: QueueEntry) => void;
  onRecall: (entry: QueueEntry) => void;
}

/**
 * The rows of one unit's queue: number, name, record number, status, waiting time, and the
 * buttons that do what the keys do (for the mouse). Payer is deliberately absent (DOMAIN.md
 * section 2): it is recorded for claims, never shown here.
 */
export function QueueTable({ entries, selected, onSelect, onReprint, onServe, onCancel, onMove, onRecall }: Props) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  // The row the keys act on is always on screen: ↓ past the fold scrolls it into view (at 1024×768
  // only four rows fit), so S, B, G and U never act on a patient the clerk cannot see.
  useLayoutEffect(() => {
    const row = body.current?.querySelector('tr[aria-selected="true"]');
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    // ...and not under the status bar fixed at the bottom of the window.
    const bar = document.querySelector('.status-bar');
    const hidden = bar ? row.getBoundingClientRect().bottom - bar.getBoundingClientRect().top : 0;
    if (hidden > 0) window.scrollBy(0, hidden + 8);
  }, [selected]);
  return (
    <table className="queue-table" data-testid="queue-table" aria-label={t('queue.tableLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('queue.queue')}</th>
          <th scope="col">{t('queue.name')}</th>
          <th scope="col">{t('queue.mrn')}</th>
          <th scope="col">{t('queue.status')}</th>
          <th scope="col" className="queue-table__num">
            {t('queue.waiting')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('queue.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {entries.map((e) => {
          const open = e.status === 'waiting' || e.status === 'called';
          // Still here from before midnight (the IGD at night): said, so U-003 of last night is not taken for today's (the core's day, also when this PC's clock is behind).
          const fromYesterday = e.yesterday;
          return (
            <tr
              key={e.visitId}
              data-testid="queue-row"
              data-status={e.status}
              data-queue={e.queue}
              aria-selected={selected === e.visitId}
              className={`queue-row queue-row--${e.status}${e.emergency ? ' queue-row--emergency' : ''}${selected === e.visitId ? ' queue-row--selected' : ''}`}
              onClick={() => onSelect(e.visitId)}
            >
              <td className="queue-row__number">
                <span className="queue-row__label">{e.queue}</span>
                {e.emergency && <span className="badge badge--emergency">{t('queue.emergency')}</span>}
                {e.sameNumber && (
                  <span className="badge badge--same-number" data-testid="queue-same-number" title={t('queue.sameNumberHint')}>
                    {t('queue.sameNumber')}
                  </span>
                )}
                {e.waitingTwice && (
                  <span className="badge badge--same-number" data-testid="queue-waiting-twice" title={t('queue.waitingTwiceHint')}>
                    {t('queue.waitingTwice')}
                  </span>
                )}
                {fromYesterday && (
                  <span className="badge badge--yesterday" data-testid="queue-yesterday">
                    {t('queue.yesterday')}
                  </span>
                )}
              </td>
              <td className="queue-row__name">{e.patient.name}</td>
              <td className="queue-row__mrn">{e.patient.mrn}</td>
              <td>
                <span className={`queue-status queue-status--${e.status}`} data-testid="queue-status">
                  {t(`queue.statuses.${e.status}`)}
                </span>
                {e.status === 'called' && e.recalls > 0 && (
                  <span className="badge badge--recalls" data-testid="queue-recalls">
                    {t('queue.recalls', { count: e.recalls })}
                  </span>
                )}
              </td>
              <td className="queue-table__num">{t('queue.minutes', { count: e.waitingMinutes })}</td>
              <td className="queue-row__actions">
                <div>
                  {/* A cancelled visit's number is never called: no slip for it (the core refuses one too). */}
                  {e.status !== 'cancelled' && (
                    <button type="button" className="button button--small button--quiet" data-action="reprint" onClick={() => onReprint(e)}>
                      {t('queue.reprint')}
                    </button>
                  )}
                  {e.status === 'called' && (
                    <button type="button" className="button button--small button--quiet" data-action="recall" onClick={() => onRecall(e)}>
                      {t('queue.recall')}
                    </button>
                  )}
                  {open && (
                    <>
                      <button type="button" className="button button--small" data-action="served" onClick={() => onServe(e)}>
                        {t('queue.served')}
                      </button>
                      <button type="button" className="button button--small button--quiet" data-action="cancelled" onClick={() => onCancel(e)}>
                        {t('queue.cancel')}
                      </button>
                      <button type="button" className="button button--small button--quiet" data-action="move" onClick={() => onMove(e)}>
                        {t('queue.moveButton')}
                      </button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
