import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchFlag, MemberMatch, QueryKind } from '../../../../shared/lookup';
import { ageInYears, formatDate } from '../../format';
import { formatDayClock } from '../../format-time';
import { useLang } from '../../i18n';
import { shownIdentifiers } from '../../../../shared/shown-identifiers';
import { statusReasonMessage } from '../../../../shared/status-reason';
import { useCoreMessage } from '../../i18n/core-words';

interface Props {
  matches: MemberMatch[];
  /** What the clerk searched by: the exact match of a typed number shows it whole, candidates masked. */
  queryKind: QueryKind;
  /** Candidates get a Pick button; exact identifier matches do not need one. */
  pickable: boolean;
  picked: number | null;
  onPick: (index: number) => void;
  /** ArrowUp from the first Pick button goes back to the search field (or the own records above). */
  onLeaveTop: () => void;
  /** ArrowDown from the last Pick button: the own records, when they are shown below. */
  onLeaveBottom?: () => void;
  tableRef: RefObject<HTMLTableElement | null>;
  /** The facility's zone: a live answer's time is shown in it. */
  timeZone: string;
}

/** Warnings a clerk should see; restored card zeros are information, not a warning. A different birth date shows beside the date. */
const WARNING_FLAGS: readonly MatchFlag[] = ['damaged-nik', 'nik-dob-mismatch', 'nik-sex-mismatch', 'duplicate-in-list'];

export function MatchTable({ matches, queryKind, pickable, picked, onPick, onLeaveTop, onLeaveBottom, tableRef, timeZone }: Props) {
  const { t } = useTranslation();
  const word = useCoreMessage();
  const lang = useLang();

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(tableRef.current?.querySelectorAll<HTMLButtonElement>('button[data-pick]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) onLeaveTop();
    else if (event.key === 'ArrowDown' && at === buttons.length - 1 && onLeaveBottom) onLeaveBottom();
    else buttons[event.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : at - 1]?.focus();
  }

  const none = t('matches.none');
  return (
    <div className="matches-wrap">
      <table className="matches" ref={tableRef} aria-label={t('lookup.resultsLabel')}>
        <thead>
          <tr>
            <th scope="col" className="matches__col-name">
              {t('matches.name')}
            </th>
            <th scope="col">{t('matches.ids')}</th>
            <th scope="col">{t('matches.dob')}</th>
            <th scope="col">{t('matches.address')}</th>
            <th scope="col">{t('matches.list')}</th>
            <th scope="col">{t('matches.status')}</th>
            <th scope="col">{t('matches.confidence')}</th>
            {pickable && (
              <th scope="col">
                <span className="visually-hidden">{t('matches.pick')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {matches.map((m, i) => {
            const age = ageInYears(m.dob);
            const warnings = m.flags.filter((f) => WARNING_FLAGS.includes(f));
            const isPicked = picked === i;
            const ids = shownIdentifiers(m, queryKind, isPicked);
            return (
              <tr
                key={`${m.list.name}|${m.nik ?? ''}|${m.card ?? ''}|${i}`}
                className={`match${isPicked ? ' match--picked' : ''}${m.status === 'active' ? '' : ' match--inactive'}${m.live ? ' match--live' : ''}${m.flags.includes('dob-differs') ? ' match--dob-differs' : ''}`}
                data-testid="match-row"
                data-source={m.list.kind}
                data-picked={isPicked}
                onClick={pickable ? () => onPick(i) : undefined}
              >
                <td className="match__name">
                  <strong>{m.name}</strong>
                  <span className="match__sub">
                    {[m.sex ? t(`sex.${m.sex}`) : null, age !== null ? t('matches.age', { years: age }) : null].filter(Boolean).join(' · ')}
                  </span>
                  {warnings.length > 0 && (
                    <ul className="match__warnings">
                      {warnings.map((f) => (
                        <li key={f} className="warning" data-flag={f}>
                          {t(`flags.${f}`)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="match__ids">
                  <span className="match__id" title={t('matches.nik')}>
                    <span className="match__id-label">{t('matches.nik')}</span> {ids.nik ?? none}
                  </span>
                  <span className="match__id" title={t('matches.card')}>
                    <span className="match__id-label">{t('matches.cardShort')}</span> {ids.card ?? none}
                  </span>
                </td>
                <td className="match__dob">
                  {formatDate(m.dob, lang) ?? none}
                  {m.flags.includes('dob-differs') && (
                    <span className="badge badge--dob-differs" data-testid="dob-differs" data-flag="dob-differs">
                      {t('flags.dob-differs')}
                    </span>
                  )}
                </td>
                <td className="match__address">{m.address ?? none}</td>
                <td className="match__list">
                  {m.live ? (
                    <span className="match__live" data-testid="live-source">
                      {t('matches.liveSource', { label: t('matches.liveLabel'), service: t(`service.${m.live.service}`), when: formatDayClock(m.live.fetchedAt, lang, timeZone) })}
                    </span>
                  ) : (
                    <>
                      <span>{m.list.name}</span>
                      <span className="match__sub" title={t(`listKind.${m.list.kind}`)}>
                        {t('matches.asOf', { date: formatDate(m.list.asOf, lang) })}
                      </span>
                    </>
                  )}
                  {m.stale && (
                    <span className="badge badge--stale" title={t('matches.staleTitle')} data-testid="stale-age">
                      {m.ageDays !== undefined ? t('matches.staleAge', { days: m.ageDays }) : t('matches.stale')}
                    </span>
                  )}
                </td>
                <td className="match__status">
                  <span className={`status status--${m.status}`}>{m.status === 'active' ? t('matches.active') : t('matches.inactive')}</span>
                  {m.status !== 'active' && m.statusReason && <span className="match__sub">{word(statusReasonMessage(m.statusReason))}</span>}
                </td>
                <td>
                  <span className={`badge badge--${m.confidence}`} data-testid="confidence">
                    {t(`confidence.${m.confidence}`)}
                  </span>
                </td>
                {pickable && (
                  <td className="match__pick">
                    <button
                      type="button"
                      className={`button${isPicked ? ' button--primary' : ''}`}
                      data-pick
                      aria-pressed={isPicked}
                      aria-label={t('matches.pickName', { name: m.name })}
                      onClick={(event) => {
                        event.stopPropagation();
                        onPick(i);
                      }}
                    >
                      {isPicked ? t('matches.picked') : t('matches.pick')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
