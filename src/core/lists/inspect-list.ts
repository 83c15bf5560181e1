import { basename } from 'node:path';
import type { ListFieldName, ListPreview } from '../../shared/lists';
import type { ListField } from './columns';
import { openListFile } from './list-reader';
import { cellText } from './row-validator';

const SAMPLE_ROWS = 5;

/**
 * What an import would read, before anything is written: the header found, the column mapping
 * (with the clerk's overrides applied) and the first rows, so the mapping can be checked and
 * corrected on screen. Throws the same clear errors as an import for a file that is not a list.
 */
export async function inspectListFile(path: string, mapping?: Partial<Record<ListFieldName, string>>): Promise<ListPreview> {
  const reader = await openListFile(path, { overrides: mapping as Partial<Record<ListField, string>> | undefined });
  try {
    const { info } = reader;
    const sample: string[][] = [];
    for await (const batch of reader.batches(SAMPLE_ROWS)) {
      for (const row of batch) if (sample.length < SAMPLE_ROWS) sample.push(row.cells.map((c) => cellText(c)));
      break;
    }
    const mapped: Partial<Record<ListFieldName, string>> = {};
    for (const [field, index] of Object.entries(info.mapping)) mapped[field as ListFieldName] = info.headers[index as number] ?? '';
    return {
      file: basename(path),
      format: info.format,
      headerRow: info.headerRow,
      headers: info.headers,
      mapping: mapped,
      sample,
      sizeBytes: info.sizeBytes,
      ...(info.sheetName ? { sheetName: info.sheetName } : {}),
    };
  } finally {
    await reader.close();
  }
}
