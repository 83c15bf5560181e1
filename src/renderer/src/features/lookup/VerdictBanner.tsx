import { useTranslation } from 'react-i18next';
import type { MemberMatch } from '../../../../shared/lookup';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { isSocialAssistanceList, type Display } from './verdict';

interface Props {
  display: Display;
  /** How many lists were searched; null while they load. */
  listCount: number | null;
}

/** The answer a clerk reads at a glance: colour, icon and a few big words. */
export function VerdictBanner({ display, listCount }: Props) {
  const { t } = useTranslation();
  const lang = useLang();

  if (display.kind === 'problem') {
    return (
      <section className="verdict verdict--problem" data-testid="verdict" data-verdict="problem" role="alert">
        <span className="verdict__icon" aria-hidden="true" />
        <div className="verdict__body">
          <h2 className="verdict__title">{t('lookup.problemTitle')}</h2>
          <p className="verdict__detail">{display.message}</p>
        </div>
      </section>
    );
  }

  if (display.kind === 'candidates') {
    return (
      <section className="verdict verdict--candidates" data-testid="verdict" data-verdict="candidates" aria-live="polite">
        <span className="verdict__icon" aria-hidden="true" />
        <div className="verdict__body">
          <h2 className="verdict__title">{t('verdict.candidates', { count: display.count })}</h2>
          <p className="verdict__detail">{t('verdict.candidatesDetail')}</p>
        </div>
      </section>
    );
  }

  const { verdict, basis, pickedByClerk } = display;
  const names = unique(basis.map((m) => m.name));
  const lists = unique(basis.map((m) => `${m.list.name} (${t(`listKind.${m.list.kind}`)}, ${t('matches.asOf', { date: formatDate(m.list.asOf, lang) })})`));
  const stale = basis.find((m) => m.stale);
  const reason = verdict === 'not-eligible' ? unique(basis.map((m) => m.statusReason ?? t('verdict.reasonUnknown'))).join('; ') : null;

  return (
    <section className={`verdict verdict--${verdict}`} data-testid="verdict" data-verdict={verdict} aria-live="polite">
      <span className="verdict__icon" aria-hidden="true" />
      <div className="verdict__body">
        <h2 className="verdict__title">
          {verdict === 'eligible' ? t('verdict.eligible') : verdict === 'not-eligible' ? t('verdict.notEligible') : t('verdict.unknown')}
        </h2>
        {reason && (
          <p className="verdict__reason" data-testid="verdict-reason">
            {reason}
          </p>
        )}
        {verdict === 'eligible' && <p className="verdict__detail">{t('verdict.eligibleDetail')}</p>}
        {names.length > 0 && (
          <p className="verdict__who">{pickedByClerk ? t('verdict.pickedBy', { name: names.join(', ') }) : names.join(', ')}</p>
        )}
        {lists.length > 0 && <p className="verdict__lists">{t('verdict.from', { lists: lists.join('; ') })}</p>}
        {verdict === 'unknown' && (
          <p className="verdict__detail">
            {listCount === 0 ? t('verdict.unknownNoLists') : listCount !== null ? t('verdict.unknownDetail', { count: listCount }) : null}
          </p>
        )}
        {stale && (
          <p className="verdict__stale" data-testid="verdict-stale">
            {t('verdict.staleWarning', { list: stale.list.name, date: formatDate(stale.list.asOf, lang) })}
          </p>
        )}
        {verdict !== 'eligible' && <ServeHint basis={basis} />}
      </div>
    </section>
  );
}

/** Equal service (DOMAIN.md section 2): a missing or inactive coverage never blocks registration. */
function ServeHint({ basis }: { basis: MemberMatch[] }) {
  const { t } = useTranslation();
  return (
    <div className="serve-hint" data-testid="serve-hint">
      <p>{t('verdict.stillServe')}</p>
      {basis.some(isSocialAssistanceList) && <p className="serve-hint__more">{t('verdict.pbiHint')}</p>}
    </div>
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
