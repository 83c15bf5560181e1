import { useCallback, useState } from 'react';
import type { Result } from '../../../shared/contract';
import { chooseFileFor } from '../components/PathPrompt';
import { errorTextNow } from '../i18n/core-words';

export type ExportFormat = 'csv' | 'xlsx';

/** One table to save: which, in what format, and the file name the dialog (or path field) suggests. */
export interface ExportRequest<K> {
  key: K;
  format: ExportFormat;
  suggested: string;
}

/**
 * Saving a table to CSV or XLSX: the save dialog, or a path field where none exists (the
 * browser harness only); then the write, by the chosen file's handle, and a line saying how it went.
 */
export function useTableExport<K>(
  write: (request: ExportRequest<K>, file: string) => Promise<Result<{ name: string; rows: number }>>,
  texts: { done: (rows: number, name: string) => string; failed: string },
) {
  const [asking, setAsking] = useState<ExportRequest<K> | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const { done, failed } = texts;

  const run = useCallback(
    async (request: ExportRequest<K>, typed?: string) => {
      setStatus(null);
      const purpose = request.format === 'csv' ? 'save-csv' : 'save-xlsx';
      const choice = await chooseFileFor({ purpose, suggestedName: request.suggested, ...(typed !== undefined ? { typed } : {}) });
      if (choice.kind === 'ask') return setAsking(request);
      setAsking(null);
      if (choice.kind === 'cancelled') return;
      if (choice.kind === 'failed') return setStatus({ tone: 'bad', text: `${failed}: ${errorTextNow(choice.error)}` });
      const result = await write(request, choice.file.handle);
      if (result.ok) setStatus({ tone: 'ok', text: done(result.value.rows, result.value.name) });
      else setStatus({ tone: 'bad', text: `${failed}: ${errorTextNow(result.error)}` });
    },
    [write, done, failed],
  );

  return { asking, status, run, cancel: useCallback(() => setAsking(null), []) };
}
