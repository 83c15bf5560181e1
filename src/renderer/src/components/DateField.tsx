import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateKind, TypedDateError } from '../../../shared/typed-date';
import { isoToDayFirst } from '../../../shared/typed-date';
import { useFacilityToday } from '../hooks/use-facility-today';
import { useLang } from '../i18n';
import { dateFieldState, textAfterValue, type DateNote } from './date-field-logic';
import './date-field.css';

export interface DateFieldProps {
  /** ISO yyyy-mm-dd or '': what the field was given and gives back. */
  value: string;
  /** The understood date (ISO or ''), and why the text is no date when it is not empty. */
  onChange: (iso: string, error: TypedDateError | null) => void;
  /** 'birth' refuses a future date; 'any' (default) only warns about it. */
  kind?: DateKind;
  /** The birth date the patient's NIK encodes: a different date is warned about. */
  nikBirthDate?: string | null;
  id?: string;
  name?: string;
  className?: string;
  noteClassName?: string;
  noteTestId?: string;
  /** Shown beside an empty field. */
  emptyHint?: string;
  /** Shows the field as refused (a form that was submitted with this error). */
  invalid?: boolean;
  autoFocus?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** Esc leaves the text alone (a form that handles Esc as a whole); by default Esc clears it. */
  keepOnEscape?: boolean;
  /** Defaults to today at the facility (its time zone from the settings), never the PC's own zone. */
  today?: string;
}

/**
 * One text field for a date, read day first whatever the computer's locale (a date picker on an
 * English Windows is mm/dd/yyyy: 28081990 became 8 February). The understood date is shown in
 * words beside it, or the error in words. Renders the input and the note as siblings, so a grid
 * parent can place each.
 */
export function DateField(props: DateFieldProps) {
  const { value, onChange, kind = 'any', nikBirthDate = null } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const noteId = useId();
  const facilityDay = useFacilityToday();
  const today = props.today ?? facilityDay;
  const [text, setText] = useState(() => isoToDayFirst(value));
  const [focused, setFocused] = useState(false);
  // What the field last gave and the value it last saw: a value from outside replaces the text.
  const [sync, setSync] = useState({ seen: value, given: value });
  if (value !== sync.seen) {
    setSync({ seen: value, given: value });
    setText(textAfterValue(value, sync.given, text));
  }

  const state = dateFieldState(text, { today, lang, kind, nikBirthDate, focused });

  function change(next: string): void {
    setText(next);
    const s = dateFieldState(next, { today, lang, kind, nikBirthDate, focused: true });
    if (s.iso !== sync.given || s.error !== state.error) {
      setSync((prev) => ({ ...prev, given: s.iso }));
      onChange(s.iso, s.error);
    }
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // A date picker steps the date on ↑/↓; here they change nothing at all.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') event.preventDefault();
    // Esc clears everything on the counter screen; text that gave no date must go too.
    if (event.key === 'Escape' && text !== '' && !props.keepOnEscape) change('');
    props.onKeyDown?.(event);
  }

  const showError = state.note.tone === 'error' || (props.invalid === true && state.error !== null);
  const describedBy = [noteId, props['aria-describedby']].filter(Boolean).join(' ');
  return (
    <>
      <input
        id={props.id}
        name={props.name}
        className={props.className}
        data-testid={props['data-testid']}
        type="text"
        value={text}
        maxLength={40}
        autoFocus={props.autoFocus}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('dateField.placeholder')}
        aria-invalid={showError}
        aria-describedby={describedBy}
        data-iso={state.iso}
        onChange={(event) => change(event.target.value)}
        onKeyDown={keyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      <span id={noteId} className={`date-note date-note--${state.note.tone} ${props.noteClassName ?? ''}`} data-testid={props.noteTestId} data-tone={state.note.tone}>
        {noteText(state.note, t as unknown as T, props.emptyHint ?? '')}
      </span>
    </>
  );
}

/** The few lines this field says (a narrow type: the full t() over every catalog key is too deep for the checker here). */
type T = (key: 'dateField.typing' | 'dateField.future' | 'dateField.nik' | `dateField.errors.${DateNoteError}`, options?: { date?: string; text?: string }) => string;
type DateNoteError = Extract<DateNote, { tone: 'error' }>['error'];

function noteText(note: DateNote, t: T, emptyHint: string): string {
  switch (note.tone) {
    case 'empty':
      return emptyHint;
    case 'typing':
      return t('dateField.typing');
    case 'ok':
      return note.words;
    case 'warn':
      return [note.words, ...note.warnings.map((w) => (w.kind === 'future' ? t('dateField.future') : t('dateField.nik', { date: isoToDayFirst(w.nikDate) })))].join(' · ');
    case 'error':
      return t(`dateField.errors.${note.error}`, { text: note.text });
  }
}
