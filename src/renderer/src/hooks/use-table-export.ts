import { useCallback, useState } from 'react';
import type { Result } from '../../../shared/contract';
import { pickPath } from '../components/PathPrompt';
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
 * browser harness); then the write and a line saying how it went.
 */
export function useTableExport<K>(
  write: (request: ExportRequest<K>, path: string) => Promise<Result<{ path: string; rows: number }>>,
  texts: { done: (rows: number, path: string) => string; failed: string },
) {
  const [asking, setAsking] = useState<ExportRequest<K> | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const { done, failed } = texts;

  const run = useCallback(
    async (request: ExportRequest<K>, path?: string) => {
      setStatus(null);
      const target = path ?? (await pickPath(request.format === 'csv' ? 'save-csv' : 'save-xlsx', request.suggested));
      if (target === 'ask') return setAsking(request);
      setAsking(null);
      const result = await write(request, target);
      if (result.ok) setStatus({ tone: 'ok', text: done(result.value.rows, result.value.path) });
      else setStatus({ tone: 'bad', text: `${failed}: ${errorTextNow(result.error)}` });
    },
    [write, done, failed],
  );

  return { asking, status, run, cancel: useCallback(() => setAsking(null), []) };
}
