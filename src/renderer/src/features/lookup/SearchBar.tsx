import type { ClipboardEvent, KeyboardEvent, RefObject } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { pastedQuery } from './query-shape';
import { searchBarKey } from './search-keys';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  dob: string;
  busy: boolean;
  onQueryChange: (value: string) => void;
  onDobChange: (value: string) => void;
  /** Enter or the Search button: search now with the field's current text. */
  onSubmit: (query: string) => void;
  /** Enter in the search or the date field, when it means more than "search" (register the answered patient). */
  onEnter?: (query: string) => void;
  onClear: () => void;
  /** ArrowDown in the search or the date field: move to the candidates. */
  onArrowDown: () => void;
  /** 'dob-differs': every candidate was born on another day, so Enter again does not register (no "Enter lagi: daftarkan"); 'number-two-ways': one's RM, another's old RM, picked by the card brought. */
  keysHint?: 'default' | 'dob-differs' | 'number-two-ways';
}

/** The one field a clerk types or scans into, plus the birth date that narrows a name search. */
export function SearchBar({ inputRef, query, dob, busy, onQueryChange, onDobChange, onSubmit, onEnter, onClear, onArrowDown, keysHint = 'default' }: Props) {
  const { t } = useTranslation();
  const hintId = useId();

  function onQueryKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const key = searchBarKey(event.key);
    if (key === 'enter') {
      event.preventDefault();
      // Read the element, not state: a scanner types a whole number and Enter within milliseconds.
      const field = event.currentTarget;
      (onEnter ?? onSubmit)(field.value);
      // The next scan or typed query replaces this one without clearing first. Not when this Enter
      // went to the candidates (a pick first): select() would take the focus back to the field.
      if (document.activeElement === field) field.select();
    } else if (key === 'down') {
      event.preventDefault();
      onArrowDown();
    }
  }

  /** Pasted cells: the Tab or line breaks between them become spaces (pastedQuery), where the text is pasted. */
  function onQueryPaste(event: ClipboardEvent<HTMLInputElement>): void {
    const text = event.clipboardData.getData('text/plain');
    const flat = pastedQuery(text);
    if (flat === text) return;
    event.preventDefault();
    const field = event.currentTarget;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    onQueryChange(field.value.slice(0, start) + flat + field.value.slice(end));
  }

  /** The birth date beside it: name, Tab, date, Enter is the natural order, so Enter and ↓ act as in the search field. */
  function onDobKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const key = searchBarKey(event.key);
    if (key === 'enter') {
      event.preventDefault();
      (onEnter ?? onSubmit)(inputRef.current?.value ?? query);
    } else if (key === 'down') {
      // The date field itself never steps the date on ↓ (DateField): here it goes to the candidates.
      event.preventDefault();
      onArrowDown();
    }
  }

  return (
    <form
      className="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(inputRef.current?.value ?? query);
        inputRef.current?.focus();
      }}
    >
      <label className="search__label search__label--query" htmlFor="lookup-query">
        {t('lookup.searchLabel')}
      </label>
      <input
        id="lookup-query"
        ref={inputRef}
        className="search__input"
        type="search"
        value={query}
        maxLength={200}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        placeholder={t('lookup.searchPlaceholder')}
        aria-describedby={hintId}
        // A Tab dropped in (not pasted) is a space too: the contract refuses control characters.
        onChange={(event) => onQueryChange(event.target.value.replace(/[\t\n\r\v\f]/g, ' '))}
        onPaste={onQueryPaste}
        onKeyDown={onQueryKeyDown}
      />
      <p id={hintId} className="search__note search__note--query">
        {keysHint === 'dob-differs' ? t('lookup.keysDobDiffers') : keysHint === 'number-two-ways' ? t('lookup.keysNumberTwoWays') : t('lookup.keys')}
      </p>
      <label className="search__label search__label--dob" htmlFor="lookup-dob">
        {t('lookup.dobLabel')}
      </label>
      {/* Day first, typed: never the computer's locale picker (mm/dd/yyyy on an English Windows).
          The date in words beside it leaves no doubt which is the day. */}
      <DateField
        id="lookup-dob"
        className="search__date"
        kind="birth"
        value={dob}
        noteClassName="search__note search__note--dob"
        noteTestId="dob-note"
        emptyHint={t('lookup.dobHint')}
        onChange={(iso) => onDobChange(iso)}
        onKeyDown={onDobKeyDown}
      />
      <div className="search__actions">
        <button type="submit" className="button button--primary" aria-busy={busy}>
          {t('lookup.search')}
        </button>
        <button type="button" className="button" onClick={onClear}>
          {t('lookup.clear')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
