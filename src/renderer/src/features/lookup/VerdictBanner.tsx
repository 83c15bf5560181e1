import { useTranslation } from 'react-i18next';
import type { CoreMessage } from '../../../../shared/i18n/messages';
import type { LookupResult, MemberMatch } from '../../../../shared/lookup';
import { derivePayer } from '../../../../shared/payer-rule';
import { statusReasonMessage } from '../../../../shared/status-reason';
import { formatDate } from '../../format';
import { formatDayClock, localDateOf } from '../../format-time';
import { useLang } from '../../i18n';
import { useCoreMessage } from '../../i18n/core-words';
import { isLive, nikTail, serveAdvice, unknownWords, type Display } from './verdict';

/** The problems that list several own records for the clerk to choose from (a number that names no one alone). */
const CHOOSE_AMONG: Partial<Record<string, 'lookup.sharedMrnTitle' | 'lookup.oldMrnSharedTitle' | 'lookup.numberTwoWaysTitle'>> = {
  'query/mrn-shared': 'lookup.sharedMrnTitle',
  'query/old-mrn-shared': 'lookup.oldMrnSharedTitle',
  'query/number-two-ways': 'lookup.numberTwoWaysTitle',
};

interface Props {
  display: Display;
  /** How many lists were searched; null while they load. */
  listCount: number | null;
  /** Every match of the result: the lists and BPJS may disagree. */
  matches?: MemberMatch[];
  /** The facility's zone: a live answer's time is shown in it. */
  timeZone?: string;
  /** Lists the look-up could not search (file missing or damaged): said with every answer. */
  unsearched?: LookupResult['unsearched'];
}

/** The answer a clerk reads at a glance: colour, icon and a few big words. */
export function VerdictBanner({ display, listCount, matches = [], timeZone = 'Asia/Jakarta', unsearched }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const say = useCoreMessage();

  if (display.kind === 'problem') {
    return (
      <section className="verdict verdict--problem" data-testid="verdict" data-verdict="problem" role="alert">
        <span className="verdict__icon" aria-hidden="true" />
        <div className="verdict__body">
          <Unsearched unsearched={unsearched} />
          <h2 className="verdict__title">{t(CHOOSE_AMONG[display.message.code] ?? 'lookup.problemTitle', { count: Number(display.message.params?.count ?? 2) })}</h2>
          <p className="verdict__detail" data-code={display.message.code}>{say(display.message)}</p>
        </div>
      </section>
    );
  }

  if (display.kind === 'candidates') {
    // One number, different people on the lists: said in words, and the clerk chooses the person.
    const conflict = display.conflict;
    return (
      <section
        className={`verdict verdict--candidates${conflict ? ' verdict--conflict' : ''}`}
        data-testid="verdict"
        data-verdict="candidates"
        data-conflict={conflict?.code}
        aria-live="polite"
      >
        <span className="verdict__icon" aria-hidden="true" />
        <div className="verdict__body">
          <Unsearched unsearched={unsearched} />
          <QueryWarnings warnings={display.warnings} />
          <h2 className="verdict__title">{conflict ? say(conflict) : t('verdict.candidates', { count: display.count })}</h2>
          <p className="verdict__detail">{conflict ? t('verdict.conflictDetail') : t('verdict.candidatesDetail')}</p>
        </div>
      </section>
    );
  }

  const { verdict, basis, pickedByClerk, overruled, warnings } = display;
  const names = unique(basis.map((m) => m.name));
  const lists = unique(
    basis.map((m) =>
      m.live
        ? t('verdict.liveSource', { label: t('matches.liveLabel'), service: t(`service.${m.live.service}`), when: formatDayClock(m.live.fetchedAt, lang, timeZone) })
        : `${m.list.name} (${t(`listKind.${m.list.kind}`)}, ${t('matches.asOf', { date: formatDate(m.list.asOf, lang) })})`,
    ),
  );
  const stale = basis.find((m) => m.stale);
  const reason = verdict === 'not-eligible' ? unique(basis.map((m) => m.statusReason ? say(statusReasonMessage(m.statusReason)) : t('verdict.reasonUnknown'))).join('; ') : null;
  const disagreement = pickedByClerk ? null : disagreementOf(matches);
  const unknown = unknownWords(listCount, unsearched);

  return (
    <section className={`verdict verdict--${verdict}`} data-testid="verdict" data-verdict={verdict} aria-live="polite">
      <span className="verdict__icon" aria-hidden="true" />
      <div className="verdict__body">
        <Unsearched unsearched={unsearched} />
        <QueryWarnings warnings={warnings} />
        {display.contradiction && (
          <p className="verdict__stale" role="alert" data-testid="verdict-contradiction" data-code={display.contradiction.code}>
            {say(display.contradiction)}
          </p>
        )}
        {display.note && (
          <p className="verdict__stale" role="status" data-testid="verdict-conflict-note" data-code={display.note.code}>
            {say(display.note)}
          </p>
        )}
        <h2 className="verdict__title">
          {verdict === 'eligible' ? t('verdict.eligible') : verdict === 'not-eligible' ? t('verdict.notEligible') : t(`verdict.${unknown.title}`)}
        </h2>
        {reason && (
          <p className="verdict__reason" data-testid="verdict-reason">
            {reason}
          </p>
        )}
        {verdict === 'eligible' && (
          <p className="verdict__detail" data-testid="verdict-eligible-detail">
            {/* A Jamkesda-only member is no JKN member: the banner says what the payer rule proposes. */}
            {derivePayer(verdict, basis) === 'jamkesda' ? t('verdict.eligibleDetailRegional') : t('verdict.eligibleDetail')}
          </p>
        )}
        {names.length > 0 && (
          <p className="verdict__who">{pickedByClerk ? t('verdict.pickedBy', { name: names.join(', ') }) : names.join(', ')}</p>
        )}
        {pickedByClerk && basis[0] && <PickedDetail member={basis[0]} />}
        {lists.length > 0 && <p className="verdict__lists">{t('verdict.from', { lists: lists.join('; ') })}</p>}
        {disagreement && (
          <p className="verdict__disagree" data-testid="verdict-disagree">
            {t('verdict.disagree', {
              list: disagreement.list.list.name,
              listDate: formatDate(disagreement.list.list.asOf, lang),
              liveWhen: formatDayClock(disagreement.live.live?.fetchedAt ?? '', lang, timeZone),
              newer: disagreement.liveNewer(timeZone) ? t('verdict.newerLive') : t('verdict.newerList'),
            })}
          </p>
        )}
        {verdict === 'unknown' && unknown.detail && <p className="verdict__detail">{t(`verdict.${unknown.detail.key}`, { count: unknown.detail.count })}</p>}
        {stale && (
          <p className="verdict__stale" data-testid="verdict-stale">
            {t('verdict.staleWarning', { list: stale.list.name, date: formatDate(stale.list.asOf, lang) })}
          </p>
        )}
        {overruled.map((m) => (
          <p key={`${m.list.name}|${m.list.asOf}`} className="verdict__stale" data-testid="verdict-overruled">
            {t('verdict.overruled', {
              list: m.list.name,
              days: m.ageDays ?? '?',
              status: m.status === 'active' ? t('matches.active') : t('matches.inactive'),
            })}
          </p>
        ))}
        {verdict !== 'eligible' && <ServeHint basis={basis} />}
      </div>
    </section>
  );
}

/**
 * A list the look-up could not search (its file missing or damaged): the clerk is told in words
 * to call IT, and that the patient can still be registered (the answer is incomplete, never
 * "not on the list").
 */
function Unsearched({ unsearched }: { unsearched: LookupResult['unsearched'] }) {
  const say = useCoreMessage();
  if (!unsearched) return null;
  return (
    <p className="verdict__unsearched" role="alert" data-testid="verdict-unsearched" data-code={unsearched.message.code}>
      {say(unsearched.message)}
    </p>
  );
}

/** A NIK that cannot exist: the look-up ran anyway, and the clerk checks the digits against the ID card. */
function QueryWarnings({ warnings }: { warnings: CoreMessage[] }) {
  const say = useCoreMessage();
  if (warnings.length === 0) return null;
  return (
    <ul className="verdict__warnings" role="status">
      {warnings.map((w, i) => (
        // Several warnings may share a code (two listed NIKs one slip away from the one typed).
        <li key={`${i}-${w.code}`} className="warning" data-testid="query-warning" data-code={w.code}>
          {say(w)}
        </li>
      ))}
    </ul>
  );
}

/** Whom the clerk picked among same-name candidates: the birth date and the end of the NIK (or card). */
function PickedDetail({ member }: { member: MemberMatch }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dob = formatDate(member.dob, lang);
  const nik = nikTail(member.nik);
  const card = nik ? null : nikTail(member.card);
  const parts = [
    dob ? t('verdict.pickedBorn', { date: dob }) : null,
    nik ? t('verdict.pickedNik', { tail: nik }) : card ? t('verdict.pickedCard', { tail: card }) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return (
    <p className="verdict__picked" data-testid="verdict-picked-detail">
      {parts.join(' · ')}
    </p>
  );
}

/** Equal service (DOMAIN.md section 2): a missing or inactive coverage never blocks registration. */
function ServeHint({ basis }: { basis: MemberMatch[] }) {
  const { t } = useTranslation();
  const advice = serveAdvice(basis);
  return (
    <div className="serve-hint" data-testid="serve-hint">
      <p>{t('verdict.stillServe')}</p>
      {advice?.kind === 'deceased' && (
        <p className="serve-hint__more" data-testid="serve-hint-deceased">
          {t('verdict.deceasedHint', { sources: advice.sources.join(', ') })}
        </p>
      )}
      {advice?.kind === 'reactivate' && <p className="serve-hint__more">{t('verdict.pbiHint')}</p>}
    </div>
  );
}

/**
 * An exact list row and the exact live answer that say different things (active / not active).
 * The newer source decides: the list's "as of" date against the day BPJS answered; on the same
 * day BPJS wins (the core's rule).
 */
function disagreementOf(matches: MemberMatch[]): { list: MemberMatch; live: MemberMatch; liveNewer: (timeZone: string) => boolean } | null {
  const exact = matches.filter((m) => m.confidence === 'exact');
  const live = exact.find((m) => isLive(m) && m.live);
  if (!live) return null;
  const list = exact.find((m) => !isLive(m) && m.status !== live.status);
  if (!list) return null;
  return { list, live, liveNewer: (timeZone) => localDateOf(live.live?.fetchedAt ?? '', timeZone) >= list.list.asOf };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
