import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity, RecheckRun } from '../../../../shared/bpjs';
import type { ContractError } from '../../../../shared/contract';
import type { FollowUp, Payer } from '../../../../shared/counter';
import type { CounterSettingsView } from '../../../../shared/settings';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { reveal } from '../../components/reveal';
import type { UndoPlace } from '../../components/undo';
import { useUndo } from '../../components/UndoToast';
import { useLetterKeys } from '../../components/use-letter-keys';
import { serviceToday } from '../../facility-today';
import { HubNotices } from '../hub/HubNotices';
import { useLang } from '../../i18n';
import { useWords } from '../../i18n/use-words';
import { errorWords, words, type Words } from '../../i18n/words';
import { AttachConfirm } from './AttachConfirm';
import type { AttachQuestion } from './attach-question';
import { FollowUpCard } from './FollowUpCard';
import { followUpKey, followUpLetterWhyNot } from './followup-keys';
import { recheckWords } from './recheck-words';
import { IdentityStep } from './IdentityStep';
import { useAttachQuestion } from './use-attach-question';
import { Reconciliation } from './Reconciliation';
import './followups.css';

/** The countdown moves by the minute; reload this often. */
const REFRESH_MS = 30_000;

interface Props {
  settings: CounterSettingsView | null;
  changes: number;
  /** A new value (an event: the state changed or a re-check ran) reloads the screen. */
  connectivity?: Connectivity | null;
  /** The hub's last round that got through: its notices (and merged records) may have arrived. */
  hubSynced?: string | null;
}

const inField = (el: EventTarget): boolean => el instanceof Element && el.closest('input, select, textarea, .identity-step, .identity-form') !== null;

/**
 * Open follow-ups, soonest deadline first: settle the payer, complete an identity, re-check.
 * The screen opens with the focus on the first card, never on an action: arrows move, and each
 * action has its own letter (followup-keys.ts), which acts only when pressed alone (typing a word
 * here changes nothing: use-letter-keys.ts). Every change says what changed, with the name; the
 * payer changes made here today can be undone one by one, newest first (Ctrl+Z again and again).
 * An identity joined to an emergency is asked first (AttachConfirm) and cannot be undone: Ctrl+Z
 * stops there and says so.
 */
export function FollowUpsScreen({ settings, changes, connectivity = null, hubSynced = null }: Props) {
  const { t } = useTranslation();
  const say = useWords();
  const lang = useLang();
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);
  /** What the last action said, as words: worded at render, so a language switch re-words it. */
  const [notice, setNotice] = useState<Words | null>(null);
  const [index, setIndex] = useState(0);
  const [identifying, setIdentifying] = useState<number | null>(null);
  const [run, setRun] = useState<{ status: 'running' } | { status: 'done'; run: RecheckRun } | null>(null);
  /** Bumped after a re-check run started here: the results below reload. */
  const [runs, setRuns] = useState(0);
  const cards = useRef<(HTMLElement | null)[]>([]);
  /** Set when the list should take the focus after the next load (screen opened, a card went away). */
  const refocus = useRef(true);

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

  // A layout effect: the list comes back asynchronously after a change, and the next key (a payer
  // letter for the next patient) must find the card focused, not the page.
  useLayoutEffect(() => {
    if (!items) return;
    const at = Math.min(index, Math.max(items.length - 1, 0));
    if (at !== index) setIndex(at);
    if (refocus.current && items.length > 0) {
      refocus.current = false;
      cards.current[at]?.focus();
    }
  }, [items, index]);

  // The current card grows by its payer buttons once it is current, after the focus moved to it
  // (and the browser scrolled it into view at its folded size): show it whole then, above the
  // status bar, as ↓ to the last task at 1024x768 otherwise left its buttons under it.
  useLayoutEffect(() => {
    const card = cards.current[index];
    if (card?.contains(document.activeElement)) reveal(card);
  }, [index]);

  const payerWords = (p: Payer): Words => words(`register.payer.${p}`);
  // One list, not per day: but a change of yesterday is not undone today (its task may be long gone).
  const where = useCallback((): UndoPlace => ({ day: serviceToday(settings), part: 'followUps', name: '' }), [settings]);
  const undo = useUndo(
    'followUps',
    where,
    useCallback(
      (message: Words) => {
        setNotice(message);
        refocus.current = true;
        void load();
      },
      [load],
    ),
  );

  /** Offers Undo for a payer change: the reverse goes through the core like any change. */
  const offerPayerUndo = useCallback(
    (f: FollowUp, message: Words, previous: Payer) =>
      undo.offer(message, async () => {
        const back = await loket.setPayer({ visitId: f.visit.id, payer: previous });
        if (!back.ok) return { message: words('undo.failed', { reason: errorWords(back.error) }), ok: false };
        return { message: words('followUps.payerUndone', { name: f.patient.name, payer: words(`register.payerInSentence.${previous}`) }), ok: true };
      }),
    [undo.offer],
  );

  const setPayer = useCallback(
    async (f: FollowUp, payer: Payer) => {
      setActionError(null);
      setNotice(null);
      const result = await loket.setPayer({ visitId: f.visit.id, payer });
      if (!result.ok) setActionError(result.error);
      else offerPayerUndo(f, words('followUps.payerSet', { name: f.patient.name, payer: payerWords(payer) }), result.value.previous);
      refocus.current = true;
      await load();
    },
    [load, offerPayerUndo],
  );

  /** A re-check settles an open payer as the counter proposes it (JKN, or Jamkesda) when the lists now have the patient active; otherwise it says why not (recheck-words.ts). */
  const recheck = useCallback(
    async (f: FollowUp) => {
      setActionError(null);
      setNotice(null);
      const result = await loket.recheckPayer({ visitId: f.visit.id });
      if (!result.ok) setActionError(result.error);
      else {
        const said = recheckWords(f, result.value);
        if (said.changed) offerPayerUndo(f, said.words, f.visit.payer);
        else setNotice(said.words);
      }
      refocus.current = true;
      await load();
    },
    [load, offerPayerUndo],
  );

  const attachQuestion = useAttachQuestion(setActionError);

  /** After "Ya" in the question: the identity is joined for good, so Ctrl+Z stops here (and says so). */
  const attach = useCallback(
    async (q: AttachQuestion) => {
      setActionError(null);
      setNotice(null);
      const result = await loket.attachIdentity({ visitId: q.visitId, ...q.source });
      if (!result.ok) return setActionError(result.error);
      const done = result.value;
      const said = words(done.joined ? 'followUps.joined' : 'followUps.identified', { name: done.name, mrn: done.mrn });
      setNotice(said);
      undo.final(said);
      setIdentifying(null);
      refocus.current = true;
      await load();
    },
    [load, undo.final],
  );

  async function recheckNow(): Promise<void> {
    if (run?.status === 'running') return;
    setActionError(null);
    setNotice(null);
    setRun({ status: 'running' });
    const result = await loket.recheckNow({});
    if (result.ok) {
      setRun({ status: 'done', run: result.value });
      // Payers changed by the run cannot be undone here: Ctrl+Z does not reach past them to an older change.
      if (result.value.changed > 0) undo.final(words('followUps.recheckDone', { checked: result.value.checked, changed: result.value.changed, remaining: result.value.remaining }));
    } else {
      setRun(null);
      setActionError(result.error);
    }
    setRuns((n) => n + 1);
    await load();
  }

  const letters = useLetterKeys(identifying !== null || attachQuestion.question !== null);

  const onListKey = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (!items || inField(event.target)) return;
    const at = Math.min(index, items.length - 1);
    const f = items[at];
    const action = followUpKey(event, { count: items.length, index: at, kind: f?.kind ?? null, payer: f?.visit.payer ?? null });
    if (action?.type === 'move') {
      event.preventDefault();
      setIndex(action.index);
      cards.current[action.index]?.focus();
      return;
    }
    // A letter acts on the task selected now, but only when pressed alone (never as typing).
    const run = !action || !f ? null : action.type === 'payer' ? () => void setPayer(f, action.payer) : action.type === 'recheck' ? () => void recheck(f) : () => setIdentifying(f.id);
    const whyNot = run === null && f ? followUpLetterWhyNot(event.key, f.kind) : null;
    // I opens the identity question: a scan right after it drops it (the scan would close it unanswered).
    letters.press(event, run, whyNot ? t(`followUps.letterWhyNot.${whyNot}`) : null, action?.type === 'identify');
  };

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
          {say(notice)}
        </p>
      )}
      {letters.hint}
      <HubNotices settings={settings} reload={`${changes}|${hubSynced ?? ''}`} />
      {items && items.length === 0 && <p className="followups__empty">{t('followUps.empty')}</p>}
      {items && items.length > 0 && (
        <div className="followups__list" role="list" aria-label={t('followUps.listLabel')} data-testid="followups-list" onKeyDown={onListKey}>
          {items.map((f, i) => (
            <FollowUpCard
              key={f.id}
              ref={(el) => {
                cards.current[i] = el;
              }}
              item={f}
              settings={settings}
              lang={lang}
              current={i === Math.min(index, items.length - 1)}
              onFocus={() => setIndex(i)}
              onPayer={(p) => void setPayer(f, p)}
              onRecheck={() => void recheck(f)}
              onIdentify={() => setIdentifying(f.id)}
            >
              {f.kind === 'identify-patient' && identifying === f.id && (
                <IdentityStep
                  patientId={f.patient.id}
                  lang={lang}
                  onPick={(pick) => void attachQuestion.ask(f, pick)}
                  onCancel={() => {
                    setIdentifying(null);
                    cards.current[i]?.focus();
                  }}
                />
              )}
            </FollowUpCard>
          ))}
        </div>
      )}
      <Reconciliation settings={settings} bpjsOff={connectivity?.state === 'not-configured'} reload={`${changes}|${runs}|${connectivity?.pendingRechecks ?? ''}|${connectivity?.state ?? ''}`} />
      {undo.toast}
      {attachQuestion.question && (
        <AttachConfirm
          question={attachQuestion.question}
          onConfirm={() => {
            const q = attachQuestion.question;
            attachQuestion.close(false);
            if (q) void attach(q);
          }}
          onCancel={() => attachQuestion.close(true)}
        />
      )}
    </div>
  );
}
