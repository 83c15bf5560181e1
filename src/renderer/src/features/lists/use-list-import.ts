import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { ChosenFile } from '../../../../shared/file-handle';
import type { ImportProgress, ImportReport, ListKind, ListPreview, ListSummary } from '../../../../shared/lists';
import { loket } from '../../api';
import { chooseFileFor } from '../../components/PathPrompt';
import { useFacilityToday } from '../../hooks/use-facility-today';
import { LISTS_CHANGED } from '../../hooks/use-lists';
import { asOfAfterPreview, asOfAhead, importBlock, importCaution, mappingToSend, sameFileTwin, type AsOfField, type ImportBlock, type Mapping, type ReplaceCaution, type SameFileTwin } from './import-flow';

export type ImportFailure = { stage: 'inspect' | 'import'; error: ContractError };

/** State and actions of the import form: read a file, map its columns, import it. `lists`: the lists as they are now. */
export function useListImport(lists: readonly ListSummary[] = []) {
  // The chosen list file: a handle for the core and a name to show; the path stays in the core.
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ListKind>('pbi-apbd');
  const today = useFacilityToday();
  const [asOf, setAsOfField] = useState<AsOfField>(() => ({ value: today, touched: false }));
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [reading, setReading] = useState(false);
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  // Once an import was tried, what still blocks it is shown, and follows the form as it is fixed.
  const [tried, setTried] = useState(false);
  // An older as-of date or another kind for a list that exists: asked before anything is imported.
  const [caution, setCaution] = useState<ReplaceCaution | null>(null);
  // The file is another list's current edition: asked (Batal first) before a second list is made.
  const [twin, setTwin] = useState<SameFileTwin | null>(null);
  const block: ImportBlock = tried ? importBlock({ name, asOf: asOf.value, mapping, asOfLimit: preview?.asOfLimit }) : null;

  const inspect = useCallback(async (chosen: ChosenFile) => {
    setFile(chosen);
    setPreview(null);
    setReport(null);
    setFailure(null);
    setTried(false);
    setReading(true);
    const result = await loket.inspectListFile({ file: chosen.handle });
    setReading(false);
    if (!result.ok) return setFailure({ stage: 'inspect', error: result.error });
    setPreview(result.value);
    setMapping(result.value.mapping);
    setAsOfField((field) => asOfAfterPreview(field, result.value));
  }, []);

  /** Chooses a list file (the dialog, or a path typed into the harness) and reads it; 'ask': show the path field. */
  const choose = useCallback(
    async (typed?: string): Promise<'ask' | 'done'> => {
      const choice = await chooseFileFor({ purpose: 'open-list', ...(typed !== undefined ? { typed } : {}) });
      if (choice.kind === 'ask') return 'ask';
      if (choice.kind === 'failed') setFailure({ stage: 'inspect', error: choice.error });
      else if (choice.kind === 'chosen') await inspect(choice.file);
      return 'done';
    },
    [inspect],
  );

  useEffect(() => {
    if (!importing) return;
    return loket.on('importProgress', (p) => {
      if (p.list === name.trim()) setProgress(p);
    });
  }, [importing, name]);

  /** confirmed: the administrator answered the caution question with yes; sameFileOk: and the same-file question. */
  const run = useCallback(async (confirmed = false, sameFileOk = false) => {
    if (!file || !preview) return;
    setTried(true);
    setTwin(null);
    if (importBlock({ name, asOf: asOf.value, mapping, asOfLimit: preview.asOfLimit })) return;
    const asked = confirmed ? null : importCaution(lists, preview, { name, kind, asOf: asOf.value });
    setCaution(asked);
    if (asked) return;
    setFailure(null);
    setReport(null);
    setProgress(null);
    setImporting(true);
    const result = await loket.importList({ file: file.handle, list: name.trim(), kind, asOf: asOf.value, mapping: mappingToSend(mapping, preview), ...(sameFileOk ? { sameFileOk: true } : {}) });
    setImporting(false);
    if (!result.ok) {
      const other = sameFileTwin(result.error);
      return other ? setTwin(other) : setFailure({ stage: 'import', error: result.error });
    }
    setReport(result.value);
    window.dispatchEvent(new Event(LISTS_CHANGED));
  }, [file, preview, name, asOf, kind, mapping, lists]);

  return {
    file, name, setName, kind, setKind, preview, mapping, setMapping, reading, importing, progress, report, failure, block,
    asOf: asOf.value,
    asOfSuggested: preview?.asOf && !asOf.touched && preview.asOf.date === asOf.value ? preview.asOf : null,
    /** The file's date when the import would refuse it (not in force yet): said, never offered. */
    asOfAhead: preview ? asOfAhead(preview) : null,
    setAsOf: (value: string) => setAsOfField({ value, touched: true }),
    inspect,
    choose,
    run,
    caution,
    cancelCaution: () => setCaution(null),
    twin,
    cancelTwin: () => setTwin(null),
  };
}

export type ListImport = ReturnType<typeof useListImport>;
