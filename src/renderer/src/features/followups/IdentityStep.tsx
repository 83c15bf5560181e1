import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import { maskNik } from '../../../../shared/masking';
import { ErrorAlert } from '../../components/ErrorAlert';
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
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // A layout effect: the focus is in place before the browser handles the next key.
  useLayoutEffect(() => inputRef.current?.focus(), []);

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
          draft={{ name: search.status === 'done' ? nameFromQuery(search.result) : '', nik: null, card: null, dob: null, sex: null, address: null }}
          busy={false}
          onCancel={() => setTyping(false)}
          onSubmit={(identity: Identity) => onPick({ kind: 'typed', identity })}
        />
      </div>
    );
  }
  const choices = search.status === 'done' ? search.choices : [];
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
                listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
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
                      to.querySelector<HTMLButtonElement>('button')?.focus();
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
