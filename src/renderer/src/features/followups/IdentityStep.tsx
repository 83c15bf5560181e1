import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import { maskNik } from '../../../../shared/masking';
import { sameOldMrn, storedOldMrn } from '../../../../shared/old-mrn';
import { ErrorAlert } from '../../components/ErrorAlert';
import { reveal } from '../../components/reveal';
import { formatDate } from '../../format';
import { useCoreMessage } from '../../i18n/core-words';
import type { AttachPick } from './attach-question';
import { nameFromQuery } from './identity-choices';
import { NewPatientForm } from '../register/NewPatientForm';
import { NumberMatch } from '../lookup/OwnPatients';
import { useIdentitySearch } from './use-identity-search';

interface Props {
  /** The visit's temporary patient record (never offered as its own identity). */
  patientId: number;
  /** The identity chosen (a choice's "Pakai", or typed): the screen asks before it joins it. */
  onPick: (pick: AttachPick) => void;
  onCancel: () => void;
  lang: 'id' | 'en';
}

/**
 * Focuses a choice's "Pakai" and shows the whole row above the status bar: the browser scrolls only
 * off-screen buttons into view, and at 1024x768 ↓ left the next "Pakai" under the fixed status bar
 * (UI tester 10).
 */
function focusChoice(row: Element | null | undefined): void {
  row?.querySelector<HTMLButtonElement>('button')?.focus();
  reveal(row ?? null);
}

/**
 * "Isi identitas": first the same search as the main screen (scan, NIK, card, RM, name); pick this
 * facility's record (the visit joins it) or a list member; or type the identity when none fits.
 * Nothing is joined here: the screen asks first, naming both (AttachConfirm).
 */
export function IdentityStep({ patientId, onPick, onCancel, lang }: Props) {
  const { t } = useTranslation();
  const say = useCoreMessage();
  const { search, run } = useIdentitySearch(patientId);
  const [query, setQuery] = useState('');
  const [typing, setTyping] = useState(false);
  // A typed identity whose old RM ("RM lama") other records hold: they are shown first (papertester F2).
  const [held, setHeld] = useState<Identity | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // A layout effect: the focus is in place before the browser handles the next key.
  useLayoutEffect(() => inputRef.current?.focus(), [typing]);

  /**
   * A typed identity goes to the question, unless its old RM is on records here: then the search
   * "RM lama …" shows them (Pakai, as any record), named, with the typed identity one button away
   * (two paper folders can share a number).
   */
  async function submitTyped(identity: Identity): Promise<void> {
    const oldMrn = storedOldMrn(identity.oldMrn);
    if (oldMrn) {
      const query = `RM lama ${oldMrn}`;
      const found = await run(query);
      if (found === null) return;
      if (found.status === 'failed' || (found.status === 'done' && found.choices.some((c) => c.kind === 'own' && sameOldMrn(c.patient.oldMrn, oldMrn)))) {
        setHeld(identity);
        setQuery(query);
        setTyping(false);
        return;
      }
    }
    onPick({ kind: 'typed', identity });
  }

  if (typing) {
    return (
      // The same form as a new patient at the counter: day-first date, birth date and sex from the NIK.
      <div
        data-testid="identity-form"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setTyping(false);
          }
        }}
      >
        <NewPatientForm
          draft={held ?? { name: search.status === 'done' ? nameFromQuery(search.result) : '', nik: null, card: null, dob: null, sex: null, address: null }}
          busy={false}
          onCancel={() => setTyping(false)}
          onSubmit={(identity: Identity) => void submitTyped(identity)}
        />
      </div>
    );
  }
  const choices = search.status === 'done' ? search.choices : [];
  const holders = held ? choices.flatMap((c) => (c.kind === 'own' && sameOldMrn(c.patient.oldMrn, held.oldMrn) ? [c.patient] : [])) : [];
  return (
    <div
      className="identity-step"
      data-testid="identity-step"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <form
        className="identity-step__search"
        onSubmit={(e) => {
          e.preventDefault();
          setHeld(null);
          void run(query);
        }}
      >
        <label className="field identity-step__field">
          <span className="field__label">{t('followUps.searchLabel')}</span>
          <input
            ref={inputRef}
            name="identity-query"
            data-scan="field"
            className="field__input"
            value={query}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && choices.length > 0) {
                e.preventDefault();
                focusChoice(listRef.current?.querySelector('li'));
              }
            }}
          />
        </label>
        <button type="submit" className="button" aria-busy={search.status === 'searching'}>
          {t('followUps.searchButton')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--quiet" data-action="type-identity" onClick={() => setTyping(true)}>
          {t('followUps.typeIdentity')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('followUps.cancel')} <kbd>Esc</kbd>
        </button>
      </form>
      {search.status === 'searching' && <p className="identity-step__note">{t('followUps.searching')}</p>}
      {search.status === 'failed' && <ErrorAlert title={t('followUps.actionFailed')} error={search.error} />}
      {search.status === 'done' && search.result.problem && <p className="identity-step__note">{say(search.result.problem)}</p>}
      {search.status === 'done' && choices.length === 0 && !search.result.problem && <p className="identity-step__note">{t('followUps.noChoices')}</p>}
      {held && (
        <div className="identity-step__held" data-testid="old-mrn-held">
          {holders.length > 0 && (
            <p className="identity-step__note">
              {t('followUps.oldMrnHeld', { oldMrn: storedOldMrn(held.oldMrn) ?? '', holders: holders.map((p) => t('register.mrnHolder', { name: p.name, mrn: p.mrn })).join(', ') })}
            </p>
          )}
          <button type="button" className="button" data-action="keep-typed" onClick={() => onPick({ kind: 'typed', identity: held })}>
            {t('followUps.keepTyped', { name: held.name.trim().toUpperCase() })}
          </button>
        </div>
      )}
      {choices.length > 0 && (
        <ul className="identity-step__choices" ref={listRef} data-testid="identity-choices">
          {choices.map((c) => {
            const who = c.kind === 'own' ? c.patient : c.member;
            const dob = formatDate(who.dob, lang);
            return (
              <li key={c.key} className="identity-choice" data-testid="identity-choice" data-kind={c.kind}>
                <span className="identity-choice__name">{who.name}</span>
                <span className="identity-choice__sub">
                  {[c.kind === 'own' ? t('followUps.ownRecord', { mrn: c.patient.mrn }) : t('followUps.listMember', { list: c.member.list.name }), who.nik && maskNik(who.nik), dob].filter(Boolean).join(' · ')}
                  {/* A number two patients answer: which matched how, and the old RM the card names (as in Cari & Daftar). */}
                  {c.kind === 'own' && <NumberMatch patient={c.patient} />}
                </span>
                <button
                  type="button"
                  className="button button--small button--primary"
                  data-action="pick"
                  onClick={() => onPick({ kind: 'choice', choice: c })}
                  onKeyDown={(e) => {
                    const li = e.currentTarget.closest('li');
                    const to = e.key === 'ArrowDown' ? li?.nextElementSibling : e.key === 'ArrowUp' ? li?.previousElementSibling : undefined;
                    if (e.key === 'ArrowUp' && !li?.previousElementSibling) {
                      e.preventDefault();
                      inputRef.current?.focus();
                    } else if (to) {
                      e.preventDefault();
                      focusChoice(to);
                    }
                  }}
                >
                  {t('followUps.pick')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
