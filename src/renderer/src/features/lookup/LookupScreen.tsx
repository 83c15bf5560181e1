import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ListsState } from '../../hooks/use-lists';
import { MatchTable } from './MatchTable';
import { isNameQuery, shouldAutoSearch } from './query-shape';
import { SearchBar } from './SearchBar';
import { useLookup } from './use-lookup';
import { displayOf, isPickable } from './verdict';
import { VerdictBanner } from './VerdictBanner';
import './lookup.css';

/** Typing pauses shorter than this are one query; a scanner never pauses, it ends with Enter. */
const DEBOUNCE_MS = 250;

/** The patient look-up: one field, a verdict, the matches. */
export function LookupScreen({ lists }: { lists: ListsState }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [dob, setDob] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const { state, search, reset } = useLookup();
  const inputRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = useCallback(
    (q: string, d: string) => {
      clearTimeout(timer.current);
      if (!q.trim()) return;
      setPicked(null);
      void search(q, d);
    },
    [search],
  );

  const schedule = useCallback(
    (q: string, d: string) => {
      clearTimeout(timer.current);
      if (shouldAutoSearch(q)) timer.current = setTimeout(() => run(q, d), DEBOUNCE_MS);
    },
    [run],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setQuery('');
    setDob('');
    setPicked(null);
    reset();
    inputRef.current?.focus();
  }, [reset]);

  // Esc anywhere on the screen: next patient.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clear]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const { result, error, busy } = state;
  const selected = result && picked !== null ? (result.matches[picked] ?? null) : null;
  const display = result ? displayOf(result, selected) : null;
  const listCount = lists.status === 'ready' ? lists.lists.length : null;

  return (
    <div className="lookup">
      <SearchBar
        inputRef={inputRef}
        query={query}
        dob={dob}
        busy={busy}
        onQueryChange={(value) => {
          setQuery(value);
          if (!value.trim()) {
            clearTimeout(timer.current);
            setPicked(null);
            reset();
          } else schedule(value, dob);
        }}
        onDobChange={(value) => {
          setDob(value);
          if (isNameQuery(query)) schedule(query, value);
        }}
        onSubmit={(q) => run(q, dob)}
        onClear={clear}
        onArrowDown={() => tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]')?.focus()}
      />
      <div className="lookup__status" aria-live="polite">
        {busy ? t('lookup.searching') : ''}
      </div>
      {error && <ErrorAlert title={t('lookup.errorTitle')} error={error} />}
      {!result && !error && <p className="lookup__idle">{t('lookup.idle')}</p>}
      {display && <VerdictBanner display={display} listCount={listCount} />}
      {result && result.matches.length > 0 && (
        <MatchTable
          tableRef={tableRef}
          matches={result.matches}
          pickable={display !== null && isPickable(display)}
          picked={picked}
          onPick={setPicked}
          onLeaveTop={() => inputRef.current?.focus()}
        />
      )}
    </div>
  );
}
