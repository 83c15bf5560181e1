import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity, RecheckRun } from '../../../../shared/bpjs';
import type { ContractError } from '../../../../shared/contract';
import type { FollowUp } from '../../../../shared/counter';
import type { CounterSettings } from '../../../../shared/settings';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, todayIso } from '../../format';
import { formatDateTime, formatDuration } from '../../format-time';
import { unitName } from '../../hooks/use-settings';
import { useLang } from '../../i18n';
import { isNik } from '../register/subject';
import { Reconciliation } from './Reconciliation';
import './followups.css';

/** The countdown moves by the minute; reload this often. */
const REFRESH_MS = 30_000;
const REASONS = ['emergency', 'emergency-unidentified', 'not-found', 'not-active', 'not-checked', 'lists-only'] as const;
type Reason = (typeof REASONS)[number] | 'other';
const reasonOf = (r: string): Reason => ((REASONS as readonly string[]).includes(r) ? (r as Reason) : 'other');

interface Props {
  settings: CounterSettings | null;
  changes: number;
  /** A new value (an event: the state changed or a re-check ran) reloads the screen. */
  connectivity?: Connectivity | null;
}

/** Open follow-ups, soonest deadline first: settle the payer, complete an identity, re-check with BPJS. */
export function FollowUpsScreen({ settings, changes, connectivity = null }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [identifying, setIdentifying] = useState<number | null>(null);
  const [run, setRun] = useState<{ status: 'running' } | { status: 'done'; run: RecheckRun } | null>(null);
  /** Bumped after a re-check run started here: the results below reload. */
  const [runs, setRuns] = useState(0);
  const firstRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const result = await loket.openFollowUps({});
    if (result.ok) {
      setItems(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(id);
  }, [load, changes, connectivity]);

  async function recheckNow(): Promise<void> {
    if (run?.status === 'running') return;
    setActionError(null);
    setNotice(null);
    setRun({ status: 'running' });
    const result = await loket.recheckNow({});
    if (result.ok) setRun({ status: 'done', run: result.value });
    else {
      setRun(null);
      setActionError(result.error);
    }
    setRuns((n) => n + 1);
    await load();
  }

  // Keyboard: the first action button of the list has the focus when the screen opens.
  const focused = useRef(false);
  useEffect(() => {
    if (items && items.length > 0 && !focused.current) {
      focused.current = true;
      firstRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
  }, [items]);

  /** A re-check settles the payer as JKN when the lists now have the patient active; otherwise say so. */
  async function recheck(visitId: number): Promise<void> {
    setActionError(null);
    setNotice(null);
    const result = await loket.recheckPayer({ visitId });
    if (!result.ok) setActionError(result.error);
    else if (result.value.payer !== 'jkn') setNotice(t('followUps.recheckStill'));
    await load();
  }

  async function act(call: Promise<{ ok: true } | { ok: false; error: ContractError }>): Promise<boolean> {
    setActionError(null);
    setNotice(null);
    const result = await call;
    if (!result.ok) setActionError(result.error);
    await load();
    return result.ok;
  }

  const zone = settings?.timeZone ?? 'Asia/Jakarta';
  return (
    <div className="followups" data-testid="followups-screen">
      <div className="followups__head">
        <h1 className="followups__title">{t('followUps.title')}</h1>
        <p className="followups__keys">{t('followUps.keys')}</p>
        <button type="button" className="button followups__recheck" data-testid="recheck-now" aria-busy={run?.status === 'running'} onClick={() => void recheckNow()}>
          {t('followUps.recheckNow')}
        </button>
      </div>
      {/* A summary goes away once fewer visits wait than it says (the re-check ran again by itself). */}
      {run && !(run.status === 'done' && connectivity && connectivity.pendingRechecks < run.run.remaining) && (
        <p className={`notice notice--${run.status === 'done' && run.run.stoppedBy ? 'bad' : 'info'}`} role="status" data-testid="recheck-summary">
          {run.status === 'running'
            ? t('followUps.recheckRunning')
            : run.run.checked === 0 && run.run.remaining === 0
            ? t('followUps.recheckNothing')
            : [
                t('followUps.recheckDone', { checked: run.run.checked, changed: run.run.changed, remaining: run.run.remaining }),
                run.run.stoppedBy ? t('followUps.recheckStopped', { reason: t(`bpjsReason.${run.run.stoppedBy}`) }) : '',
              ]
                .filter(Boolean)
                .join(' ')}
        </p>
      )}
      {error && <ErrorAlert title={t('followUps.failed')} error={error} />}
      {actionError && <ErrorAlert title={t('followUps.actionFailed')} error={actionError} />}
      {notice && (
        <p className="notice" role="status" data-testid="followups-notice">
          {notice}
        </p>
      )}
      {items && items.length === 0 && <p className="followups__empty">{t('followUps.empty')}</p>}
      {items && items.length > 0 && (
        <div className="followups__list" ref={firstRef}>
          {items.map((f) => (
            <article
              key={f.id}
              className={`followup${f.overdue ? ' followup--overdue' : ''}`}
              data-testid="followup"
              data-kind={f.kind}
              data-queue={f.visit.queue}
              aria-label={`${t(`followUps.kinds.${f.kind}`)}: ${f.patient.name}`}
            >
              <div className="followup__what">
                <p className="followup__kind">{t(`followUps.kinds.${f.kind}`)}</p>
                <p className="followup__reason">{t(`followUps.reasons.${reasonOf(f.reason)}`)}</p>
              </div>
              <div className="followup__who">
                <p className="followup__name">{f.patient.name}</p>
                <p className="followup__sub">
                  {t('register.mrn')} {f.patient.mrn} · {t('followUps.visit', { queue: f.visit.queue, unit: unitName(settings, f.visit.unit) })}
                </p>
              </div>
              <div className="followup__when">
                <p className={`countdown${f.overdue ? ' countdown--overdue' : ''}`} data-testid="countdown">
                  {f.overdue
                    ? t('followUps.overdue', { duration: formatDuration(f.minutesLeft, t) })
                    : t('followUps.left', { duration: formatDuration(f.minutesLeft, t) })}
                </p>
                <p className="followup__sub">{t('followUps.due', { date: formatDateTime(f.dueAt, lang, zone) })}</p>
              </div>
              <div className="followup__actions">
                {f.kind === 'settle-payer' && (
                  <>
                    <button type="button" className="button" data-action="jkn" onClick={() => void act(loket.setPayer({ visitId: f.visit.id, payer: 'jkn' }))}>
                      {t('followUps.setJkn')}
                    </button>
                    <button type="button" className="button" data-action="umum" onClick={() => void act(loket.setPayer({ visitId: f.visit.id, payer: 'umum' }))}>
                      {t('followUps.setUmum')}
                    </button>
                    <button type="button" className="button button--quiet" data-action="recheck" onClick={() => void recheck(f.visit.id)}>
                      {t('followUps.recheck')}
                    </button>
                  </>
                )}
                {f.kind === 'identify-patient' && identifying !== f.id && (
                  <button type="button" className="button button--primary" data-action="identify" onClick={() => setIdentifying(f.id)}>
                    {t('followUps.identify')}
                  </button>
                )}
              </div>
              {f.kind === 'identify-patient' && identifying === f.id && (
                <IdentityForm
                  onCancel={() => setIdentifying(null)}
                  onSave={async (identity) => {
                    const ok = await act(loket.attachIdentity({ visitId: f.visit.id, identity }).then((r) => (r.ok ? { ok: true as const } : r)));
                    if (ok) setIdentifying(null);
                  }}
                  lang={lang}
                />
              )}
            </article>
          ))}
        </div>
      )}
      <Reconciliation settings={settings} reload={`${changes}|${runs}|${connectivity?.pendingRechecks ?? ''}|${connectivity?.state ?? ''}`} />
    </div>
  );
}

interface IdentityInput {
  name: string;
  nik: string | null;
  dob: string | null;
}

function IdentityForm({ onSave, onCancel, lang }: { onSave: (identity: IdentityInput) => Promise<void>; onCancel: () => void; lang: 'id' | 'en' }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [nik, setNik] = useState('');
  const [dob, setDob] = useState('');
  const [tried, setTried] = useState(false);
  const nikDigits = nik.replace(/[\s.-]/g, '');
  const nameBad = name.trim() === '';
  const nikBad = nikDigits !== '' && !isNik(nikDigits);
  return (
    <form
      className="identity-form"
      data-testid="identity-form"
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (nameBad || nikBad) return;
        void onSave({ name: name.trim().toUpperCase(), nik: nikDigits || null, dob: dob || null });
      }}
    >
      <label className="field field--wide">
        <span className="field__label">{t('register.name')} *</span>
        <input name="name" className="field__input" value={name} autoFocus maxLength={120} autoComplete="off" aria-invalid={tried && nameBad} onChange={(e) => setName(e.target.value)} />
        {tried && nameBad && <span className="field__error">{t('register.nameRequired')}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('register.nik')}</span>
        <input name="nik" className="field__input field__input--mono" value={nik} inputMode="numeric" maxLength={20} autoComplete="off" aria-invalid={tried && nikBad} onChange={(e) => setNik(e.target.value)} />
        {tried && nikBad && <span className="field__error">{t('register.nikInvalid')}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('register.dob')}</span>
        <input name="dob" className="field__input" type="date" min="1900-01-01" max={todayIso()} value={dob} onChange={(e) => setDob(e.target.value)} />
        <span className="field__note">{dob ? formatDate(dob, lang) : ''}</span>
      </label>
      <div className="identity-form__actions">
        <button type="submit" className="button button--primary">
          {t('followUps.save')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('followUps.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
